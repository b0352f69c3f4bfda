"""Lets flask-ask-sdk import on OpenSSL 3.0.10 and newer.

``flask_ask_sdk`` imports ``ask_sdk_webservice_support.verifier``. That module
imports ``certvalidator`` at load time, for the SDK's stock ``RequestVerifier``.
``certvalidator`` loads ``oscrypto``, and oscrypto 1.3.0, its only release,
cannot parse a version string with a two-digit patch number such as "3.0.19".
It fails on import (LibraryNotFoundError), so the whole web stack fails with it.
The fix exists only on oscrypto's unreleased master.

This skill never uses the stock verifier: ``web_endpoint.verification`` checks
requests with ``cryptography``. So before the SDK's verifier module loads,
this module puts in a stand-in ``certvalidator`` that refuses to be used. The
real package is never imported, and neither is oscrypto. Import this module
before anything from ``ask_sdk_webservice_support`` or ``flask_ask_sdk``.
"""

from __future__ import annotations

import sys
import types


class PathError(Exception):
    pass


class ValidationError(Exception):
    pass


class CertificateValidator:
    def __init__(self, *args: object, **kwargs: object):
        raise RuntimeError(
            "certvalidator is not loaded in this skill; requests are verified by web_endpoint.verification"
        )


def _install() -> None:
    if "certvalidator" in sys.modules:
        return
    package = types.ModuleType("certvalidator", "Stand-in: see web_endpoint.webservice_compat.")
    errors = types.ModuleType("certvalidator.errors")
    package.CertificateValidator = CertificateValidator
    package.errors = errors
    errors.PathError = PathError
    errors.ValidationError = ValidationError
    sys.modules["certvalidator"] = package
    sys.modules["certvalidator.errors"] = errors


_install()
