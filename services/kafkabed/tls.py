"""TLS material of the test bed: a local test CA and a broker certificate for 127.0.0.1/localhost (PEM + PKCS12)."""

from __future__ import annotations

import datetime as dt
import ipaddress
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

GELDIG = dt.timedelta(days=825)


@dataclass(frozen=True)
class TlsMateriaal:
    """The files of one test bed: what clients trust, and the broker's key store with its password."""

    cafile: Path
    keystore: Path
    keystore_wachtwoord: str


def _naam(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "welkom test bed"),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _ca(nu: dt.datetime) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    sleutel = ec.generate_private_key(ec.SECP256R1())
    naam = _naam("welkom test CA")
    cert = (
        x509.CertificateBuilder().subject_name(naam).issuer_name(naam).public_key(sleutel.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(nu).not_valid_after(nu + GELDIG)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(sleutel.public_key()), critical=False)
        .sign(sleutel, hashes.SHA256())
    )
    return sleutel, cert


def _broker(nu: dt.datetime, ca_sleutel: ec.EllipticCurvePrivateKey, ca: x509.Certificate):
    sleutel = ec.generate_private_key(ec.SECP256R1())
    namen = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    cert = (
        x509.CertificateBuilder().subject_name(_naam("localhost")).issuer_name(ca.subject)
        .public_key(sleutel.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(nu).not_valid_after(nu + GELDIG)
        .add_extension(x509.SubjectAlternativeName(namen), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, False, True, False, False, False, False, False, False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_sleutel.public_key()), critical=False)
        .sign(ca_sleutel, hashes.SHA256())
    )
    return sleutel, cert


def _schrijf(pad: Path, inhoud: bytes, modus: int) -> None:
    pad.write_bytes(inhoud)
    pad.chmod(modus)


def tls_materiaal(map_: Path) -> TlsMateriaal:
    """The CA certificate (PEM) and the broker key store (PKCS12) in `map_`, made once and then reused."""
    cafile, keystore, wachtwoord = map_ / "ca.crt", map_ / "kafka.keystore.p12", map_ / "keystore.wachtwoord"
    if not (cafile.is_file() and keystore.is_file() and wachtwoord.is_file()):
        map_.mkdir(parents=True, exist_ok=True)
        map_.chmod(0o700)
        nu = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=5)
        ca_sleutel, ca = _ca(nu)
        sleutel, cert = _broker(nu, ca_sleutel, ca)
        geheim = secrets.token_hex(24)
        p12 = pkcs12.serialize_key_and_certificates(
            b"kafka", sleutel, cert, [ca], serialization.BestAvailableEncryption(geheim.encode())
        )
        _schrijf(keystore, p12, 0o600)
        _schrijf(map_ / "broker.crt", cert.public_bytes(serialization.Encoding.PEM), 0o644)
        _schrijf(wachtwoord, geheim.encode(), 0o600)
        _schrijf(cafile, ca.public_bytes(serialization.Encoding.PEM), 0o644)  # last: marks it complete
    return TlsMateriaal(cafile, keystore, wachtwoord.read_text(encoding="utf-8").strip())
