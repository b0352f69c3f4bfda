"""Verifies that a request to the self-hosted endpoint really comes from Alexa, for this skill.

Implements Alexa's rules for skills hosted as a web service:
- the ``SignatureCertChainUrl`` must be https on s3.amazonaws.com, port 443,
  with a path under ``/echo.api/``;
- the certificate chain must lead to a trusted root, be valid now, and name
  ``echo-api.amazon.com``;
- the ``Signature-256`` header must be the chain's RSA SHA-256 signature of
  the exact body.

The checks are built on ``cryptography`` (its ``x509.verification`` module does
the chain, dates and name checks) rather than on the SDK's stock verifier, whose
``certvalidator``/``oscrypto`` stack cannot load on OpenSSL 3.0.10 and newer.
Every failure, a certificate that cannot be downloaded included, raises
``VerificationException``, which the web app answers with HTTP 400.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import logging
import posixpath
import threading
import urllib.request
import warnings
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import certifi
from ask_sdk_model import RequestEnvelope
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.utils import CryptographyDeprecationWarning
from cryptography.x509.verification import PolicyBuilder, Store, VerificationError

# isort: off
from . import webservice_compat  # noqa: F401  (must come before the SDK's verifier module)
from ask_sdk_webservice_support.verifier import AbstractVerifier, VerificationException
from ask_sdk_webservice_support.verifier_constants import (
    CERT_CHAIN_DOMAIN,
    CERT_CHAIN_URL_HOSTNAME,
    CERT_CHAIN_URL_PORT,
    CERT_CHAIN_URL_PROTOCOL,
    SIGNATURE_CERT_CHAIN_URL_HEADER,
    SIGNATURE_HEADER,
)
# isort: on

logger = logging.getLogger(__name__)

CERT_PATH_PREFIX = "/echo.api/"
MAX_CERT_CHAIN_BYTES = 64 * 1024
DOWNLOAD_TIMEOUT_SECONDS = 5.0

Fetcher = Callable[[str], bytes]
Clock = Callable[[], datetime.datetime]


def download(url: str) -> bytes:
    """Fetch a certificate chain over HTTPS, with a time and size limit."""
    with urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT_SECONDS) as response:  # noqa: S310 (URL checked first)
        data = response.read(MAX_CERT_CHAIN_BYTES + 1)
    if len(data) > MAX_CERT_CHAIN_BYTES:
        raise ValueError("certificate chain is too large")
    return data


def trusted_roots() -> list[x509.Certificate]:
    """The root certificates Alexa's chains may lead to: the Mozilla store shipped by certifi."""
    with open(certifi.where(), "rb") as bundle, warnings.catch_warnings():
        # One long-trusted root in the bundle has a non-positive serial number; cryptography warns about it.
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        return x509.load_pem_x509_certificates(bundle.read())


def utc_now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def check_certificate_url(url: str) -> str:
    """Alexa's rules for the certificate chain URL; raises VerificationException.

    Returns the URL in one normal form (lowercase scheme and host, normalised path), so one chain is one
    cache entry however its URL was written."""
    try:
        parsed = urlparse(url)
    except ValueError as error:
        raise VerificationException("certificate URL cannot be parsed") from error
    if parsed.scheme.lower() != CERT_CHAIN_URL_PROTOCOL:
        raise VerificationException(f"certificate URL scheme must be https: {url}")
    if (parsed.hostname or "").lower() != CERT_CHAIN_URL_HOSTNAME:
        raise VerificationException(f"certificate URL host must be {CERT_CHAIN_URL_HOSTNAME}: {url}")
    try:
        port = parsed.port
    except ValueError as error:
        raise VerificationException(f"certificate URL port is invalid: {url}") from error
    if port is not None and port != CERT_CHAIN_URL_PORT:
        raise VerificationException(f"certificate URL port must be {CERT_CHAIN_URL_PORT}: {url}")
    path = posixpath.normpath(parsed.path)
    if not path.startswith(CERT_PATH_PREFIX):
        raise VerificationException(f"certificate URL path must start with {CERT_PATH_PREFIX}: {url}")
    return f"{CERT_CHAIN_URL_PROTOCOL}://{CERT_CHAIN_URL_HOSTNAME}{path}"


MAX_CACHED_CHAINS = 8


@dataclass(frozen=True)
class VerifiedChain:
    """A chain that led to a trusted root and verified a signature: its signing key, and the time every
    certificate of the validated path is valid (outside it, the chain is downloaded and verified afresh)."""

    key: rsa.RSAPublicKey
    valid_from: datetime.datetime
    valid_until: datetime.datetime

    def holds_at(self, now: datetime.datetime) -> bool:
        return self.valid_from <= now <= self.valid_until


class SignatureVerifier(AbstractVerifier):
    """Checks the certificate chain URL, the chain itself, and the body's signature.

    A chain is checked once per URL, not on every request (path building and the chain's own signatures cost
    more than the rest of a turn): the key of a chain that verified a signature is kept, with the time its
    path is valid, and the body of every request is still checked against it."""

    def __init__(
        self,
        fetch: Fetcher = download,
        roots: list[x509.Certificate] | None = None,
        clock: Clock = utc_now,
    ):
        self._fetch = fetch
        self._store = Store(roots if roots is not None else trusted_roots())
        self._clock = clock
        # Chains that verified a signature, most recent last; Alexa uses a handful of URLs at a time.
        self._cache: OrderedDict[str, VerifiedChain] = OrderedDict()
        self._lock = threading.Lock()

    def verify(
        self, headers: Mapping[str, Any], serialized_request_env: str, deserialized_request_env: RequestEnvelope
    ) -> None:
        url = check_certificate_url(_header(headers, SIGNATURE_CERT_CHAIN_URL_HEADER))
        signature = _header(headers, SIGNATURE_HEADER)
        # The cheap checks come before any download.
        try:
            decoded = base64.b64decode(signature, validate=True)
        except (binascii.Error, ValueError) as error:
            raise VerificationException("signature is not valid base64") from error
        now = self._clock()
        verified = self._cached(url, now) or self._verified(self._chain(url), now)
        try:
            verified.key.verify(decoded, serialized_request_env.encode("utf-8"), padding.PKCS1v15(), SHA256())
        except InvalidSignature as error:
            raise VerificationException("request body does not match its signature") from error
        self._remember(url, verified)

    def _verified(self, chain: list[x509.Certificate], now: datetime.datetime) -> VerifiedChain:
        verifier = PolicyBuilder().store(self._store).time(now).build_server_verifier(x509.DNSName(CERT_CHAIN_DOMAIN))
        try:
            path = verifier.verify(chain[0], chain[1:])
        except VerificationError as error:
            raise VerificationException(f"certificate chain is not valid: {error}") from error
        key = chain[0].public_key()
        if not isinstance(key, rsa.RSAPublicKey):
            raise VerificationException("signing certificate does not hold an RSA key")
        return VerifiedChain(
            key,
            max(certificate.not_valid_before_utc for certificate in path),
            min(certificate.not_valid_after_utc for certificate in path),
        )

    def _cached(self, url: str, now: datetime.datetime) -> VerifiedChain | None:
        with self._lock:
            cached = self._cache.get(url)
            if cached is None or not cached.holds_at(now):
                return None
            self._cache.move_to_end(url)
            return cached

    def _chain(self, url: str) -> list[x509.Certificate]:
        try:
            return x509.load_pem_x509_certificates(self._fetch(url))
        except Exception as error:  # an unreachable or unreadable chain is a failed verification, not a 500
            logger.warning("could not load the certificate chain: %s", type(error).__name__)
            raise VerificationException("could not load the certificate chain") from error

    def _remember(self, url: str, verified: VerifiedChain) -> None:
        """Cache a chain only once it has verified a signature, and only a few."""
        with self._lock:
            self._cache[url] = verified
            self._cache.move_to_end(url)
            while len(self._cache) > MAX_CACHED_CHAINS:
                self._cache.popitem(last=False)


class SkillIdVerifier(AbstractVerifier):
    """Refuses requests addressed to any other skill (as a verification failure, so HTTP 400)."""

    def __init__(self, skill_id: str):
        self._skill_id = skill_id

    def verify(
        self, headers: Mapping[str, Any], serialized_request_env: str, deserialized_request_env: RequestEnvelope
    ) -> None:
        context = deserialized_request_env.context
        system = context.system if context else None
        application = system.application if system else None
        if application is None or application.application_id != self._skill_id:
            raise VerificationException("request is for another skill")


def _header(headers: Mapping[str, Any], name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name.lower() and value:
            return str(value)
    raise VerificationException(f"missing header {name}")
