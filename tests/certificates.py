"""A certificate authority made in the tests: root -> intermediate -> Alexa-style signing certificate.

Stands in for Amazon's certificate server, which cannot be reached here.
"""

from __future__ import annotations

import base64
import datetime
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

NOW = datetime.datetime.now(datetime.UTC)
CERT_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-13.pem"


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _certificate(subject, key, issuer, issuer_key, *, ca: bool, not_before, not_after, san: str | None = None):
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.subject if issuer is not None else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key((issuer_key or key).public_key()), critical=False
        )
        .add_extension(
            x509.KeyUsage(
                digital_signature=not ca,
                content_commitment=False,
                key_encipherment=not ca,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
    )
    if san is not None:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(san)]), critical=False)
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
    return builder.sign(issuer_key or key, hashes.SHA256())


@dataclass
class Authority:
    """A trusted root with an intermediate, able to issue signing certificates and sign bodies."""

    root: x509.Certificate
    root_key: rsa.RSAPrivateKey
    intermediate: x509.Certificate
    intermediate_key: rsa.RSAPrivateKey

    @classmethod
    def create(cls, name: str = "Test Root CA") -> Authority:
        root_key, intermediate_key = _key(), _key()
        long_ago, far_ahead = NOW - datetime.timedelta(days=3650), NOW + datetime.timedelta(days=3650)
        root = _certificate(_name(name), root_key, None, None, ca=True, not_before=long_ago, not_after=far_ahead)
        intermediate = _certificate(
            _name(f"{name} Intermediate"),
            intermediate_key,
            root,
            root_key,
            ca=True,
            not_before=long_ago,
            not_after=far_ahead,
        )
        return cls(root, root_key, intermediate, intermediate_key)

    def issue(
        self,
        san: str = "echo-api.amazon.com",
        not_before: datetime.datetime | None = None,
        not_after: datetime.datetime | None = None,
    ) -> Signer:
        key = _key()
        leaf = _certificate(
            _name(san),
            key,
            self.intermediate,
            self.intermediate_key,
            ca=False,
            not_before=not_before or NOW - datetime.timedelta(days=30),
            not_after=not_after or NOW + datetime.timedelta(days=300),
            san=san,
        )
        return Signer(key, [leaf, self.intermediate])


@dataclass
class Signer:
    key: rsa.RSAPrivateKey
    chain: list[x509.Certificate]

    def chain_pem(self) -> bytes:
        return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in self.chain)

    def sign(self, body: bytes) -> str:
        return base64.b64encode(self.key.sign(body, padding.PKCS1v15(), hashes.SHA256())).decode("ascii")
