"""A SASL_SSL listener for tests: TLS and SCRAM in front of the plaintext local broker (Tansu) on loopback.

Tansu 0.6 cannot do either itself (its TLS is never switched on; with authentication on, no
SCRAM login can succeed because its memory storage keeps no credentials), and no Kafka with
SASL_SSL can be installed here. So this proxy plays the broker's listener:

TLS is terminated here (real handshake, server certificate signed by a test CA). SASL SCRAM-SHA-256/512
is done here as the server side of RFC 5802/7677, the way Kafka does it over SaslHandshake v0/v1 and
SaslAuthenticate v0-v2: until a client has authenticated, only ApiVersions is forwarded to the broker,
SaslHandshake/SaslAuthenticate are answered here, anything else closes the connection. After
authentication the proxy copies bytes both ways. The broker must advertise this proxy's host:port.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import os
import ssl
import struct
from dataclasses import dataclass

API_VERSIONS, SASL_HANDSHAKE, SASL_AUTHENTICATE = 18, 17, 36
UNSUPPORTED_SASL_MECHANISM, ILLEGAL_SASL_STATE, SASL_AUTHENTICATION_FAILED = 33, 34, 58
HASHES = {"SCRAM-SHA-256": "sha256", "SCRAM-SHA-512": "sha512"}


@dataclass(frozen=True)
class ScramCredential:
    salt: bytes
    iterations: int
    stored_key: bytes
    server_key: bytes

    @classmethod
    def from_password(cls, mechanism: str, password: str, iterations: int = 4096) -> ScramCredential:
        h = HASHES[mechanism]
        salt = os.urandom(24)
        salted = hashlib.pbkdf2_hmac(h, password.encode(), salt, iterations)
        client_key = hmac.new(salted, b"Client Key", h).digest()
        return cls(salt, iterations, hashlib.new(h, client_key).digest(),
                   hmac.new(salted, b"Server Key", h).digest())


class AuthFailed(Exception):
    """The client's SCRAM proof did not match, or its messages were malformed."""


class ScramServer:
    """One SCRAM exchange: step(client-first) -> server-first, step(client-final) -> server-final."""

    def __init__(self, mechanism: str, credentials: dict[str, dict[str, ScramCredential]]):
        self.h = HASHES[mechanism]
        self.mechanism = mechanism
        self.credentials = credentials
        self.stage = 0
        self.user: str | None = None

    def step(self, token: bytes) -> bytes:
        msg = token.decode()
        if self.stage == 0:
            cbind, authzid, bare = msg.split(",", 2)
            if cbind not in ("n", "y"):  # no channel binding over Kafka
                raise AuthFailed("malformed client-first message")
            self.gs2 = f"{cbind},{authzid},"
            attrs = dict(a.split("=", 1) for a in bare.split(","))
            self.user = attrs["n"].replace("=2C", ",").replace("=3D", "=")
            cred = self.credentials.get(self.user, {}).get(self.mechanism)
            # an unknown user gets a made-up credential, and fails at the proof (no user enumeration)
            self.cred = cred or ScramCredential(hashlib.sha256(self.user.encode()).digest(), 4096,
                                                os.urandom(64), os.urandom(64))
            self.known = cred is not None
            self.nonce = attrs["r"] + base64.b64encode(os.urandom(18)).decode()
            self.server_first = f"r={self.nonce},s={base64.b64encode(self.cred.salt).decode()},i={self.cred.iterations}"
            self.client_first_bare = bare
            self.stage = 1
            return self.server_first.encode()
        if self.stage == 1:
            self.stage = 2
            without_proof, _, proof = msg.rpartition(",p=")
            attrs = dict(a.split("=", 1) for a in without_proof.split(","))
            if attrs.get("r") != self.nonce or base64.b64decode(attrs.get("c", "")) != self.gs2.encode():
                raise AuthFailed("nonce or channel binding mismatch")
            auth_message = f"{self.client_first_bare},{self.server_first},{without_proof}".encode()
            signature = hmac.new(self.cred.stored_key, auth_message, self.h).digest()
            client_key = bytes(a ^ b for a, b in zip(base64.b64decode(proof), signature, strict=False))
            if not self.known or not hmac.compare_digest(hashlib.new(self.h, client_key).digest(),
                                                         self.cred.stored_key):
                raise AuthFailed(f"Authentication failed during authentication due to invalid credentials "
                                 f"with SASL mechanism {self.mechanism}")
            server_signature = hmac.new(self.cred.server_key, auth_message, self.h).digest()
            return f"v={base64.b64encode(server_signature).decode()}".encode()
        raise AuthFailed("SCRAM exchange already finished")

    @property
    def done(self) -> bool:
        return self.stage == 2


# --- Kafka wire helpers ------------------------------------------------------------------------

async def read_frame(r: asyncio.StreamReader) -> bytes:
    (n,) = struct.unpack(">i", await r.readexactly(4))
    return await r.readexactly(n)


def frame(payload: bytes) -> bytes:
    return struct.pack(">i", len(payload)) + payload


def uvarint(b: bytes, i: int) -> tuple[int, int]:
    shift = value = 0
    while True:
        byte = b[i]
        i += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, i
        shift += 7


def enc_uvarint(v: int) -> bytes:
    out = bytearray()
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


def skip_tags(b: bytes, i: int) -> int:
    n, i = uvarint(b, i)
    for _ in range(n):
        _, i = uvarint(b, i)
        size, i = uvarint(b, i)
        i += size
    return i


def parse_request(b: bytes) -> tuple[int, int, int, int]:
    """(api_key, api_version, correlation_id, offset of the body); flexible = SaslAuthenticate v2+."""
    api_key, api_version, corr, cid_len = struct.unpack(">hhih", b[:10])
    i = 10 + max(cid_len, 0)
    if api_key == SASL_AUTHENTICATE and api_version >= 2:
        i = skip_tags(b, i)
    return api_key, api_version, corr, i


def handshake_response(corr: int, error: int, mechanisms: list[str]) -> bytes:
    body = struct.pack(">ih", corr, error) + struct.pack(">i", len(mechanisms))
    for m in mechanisms:
        body += struct.pack(">h", len(m)) + m.encode()
    return frame(body)


def authenticate_response(corr: int, version: int, error: int, message: str | None, data: bytes) -> bytes:
    msg = message.encode() if message is not None else None
    if version >= 2:  # flexible: response header v1 (tags), compact types
        body = struct.pack(">i", corr) + b"\x00" + struct.pack(">h", error)
        body += enc_uvarint(0 if msg is None else len(msg) + 1) + (msg or b"")
        body += enc_uvarint(len(data) + 1) + data + struct.pack(">q", 0) + b"\x00"
        return frame(body)
    body = struct.pack(">ih", corr, error)
    body += struct.pack(">h", -1) if msg is None else struct.pack(">h", len(msg)) + msg
    body += struct.pack(">i", len(data)) + data
    if version >= 1:
        body += struct.pack(">q", 0)  # session_lifetime_ms: 0 = no re-authentication required
    return frame(body)


def authenticate_token(b: bytes, version: int, body: int) -> bytes:
    if version >= 2:
        n, i = uvarint(b, body)
        return b[i:i + n - 1]
    (n,) = struct.unpack(">i", b[body:body + 4])
    return b[body + 4:body + 4 + n]


# --- the proxy ---------------------------------------------------------------------------------

class SaslSslProxy:
    """Listens with TLS on loopback, authenticates with SCRAM, then relays bytes to the broker."""

    def __init__(self, upstream: tuple[str, int], ssl_context: ssl.SSLContext | None,
                 users: dict[str, str] | None, mechanisms=("SCRAM-SHA-512", "SCRAM-SHA-256")):
        self.upstream = upstream
        self.ssl_context = ssl_context
        self.mechanisms = list(mechanisms)
        self.credentials = {u: {m: ScramCredential.from_password(m, p) for m in self.mechanisms}
                            for u, p in (users or {}).items()}
        self.sasl = users is not None
        self.server: asyncio.base_events.Server | None = None
        self.stats = {"connections": 0, "authenticated": 0, "refused": 0, "tls_failed": 0}

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> int:
        self.server = await asyncio.start_server(self._handle, host, port, ssl=self.ssl_context,
                                                 ssl_handshake_timeout=10)
        return self.server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self.server:
            self.server.close()
            await self.server.wait_closed()

    async def _handle(self, cr: asyncio.StreamReader, cw: asyncio.StreamWriter) -> None:
        self.stats["connections"] += 1
        ur = uw = None
        try:
            ur, uw = await asyncio.open_connection(*self.upstream)
            if self.sasl and not await self._authenticate(cr, cw, ur, uw):
                self.stats["refused"] += 1
                return
            await asyncio.gather(self._pipe(cr, uw), self._pipe(ur, cw))
        except (asyncio.IncompleteReadError, ConnectionError, ssl.SSLError):
            pass
        finally:
            for w in (cw, uw):
                if w is not None:
                    w.close()

    async def _authenticate(self, cr, cw, ur, uw) -> bool:
        scram: ScramServer | None = None
        raw_tokens = False  # after SaslHandshake v0 the SCRAM messages come as bare length-prefixed tokens
        while True:
            req = await read_frame(cr)
            if raw_tokens:
                try:
                    cw.write(frame(scram.step(req)))
                    await cw.drain()
                except (AuthFailed, KeyError, ValueError):
                    return False
                if scram.done:
                    self.stats["authenticated"] += 1
                    return True
                continue
            api_key, version, corr, body = parse_request(req)
            if api_key == API_VERSIONS:
                uw.write(frame(req))
                await uw.drain()
                cw.write(frame(await read_frame(ur)))
            elif api_key == SASL_HANDSHAKE and scram is None:
                (n,) = struct.unpack(">h", req[body:body + 2])
                mechanism = req[body + 2:body + 2 + n].decode()
                if mechanism not in self.mechanisms:
                    cw.write(handshake_response(corr, UNSUPPORTED_SASL_MECHANISM, self.mechanisms))
                    await cw.drain()
                    return False
                scram = ScramServer(mechanism, self.credentials)
                raw_tokens = version == 0
                cw.write(handshake_response(corr, 0, self.mechanisms))
            elif api_key == SASL_AUTHENTICATE and scram is not None:
                try:
                    out = scram.step(authenticate_token(req, version, body))
                except (AuthFailed, KeyError, ValueError) as e:
                    msg = str(e) if isinstance(e, AuthFailed) else "malformed SCRAM message"
                    cw.write(authenticate_response(corr, version, SASL_AUTHENTICATION_FAILED, msg, b""))
                    await cw.drain()
                    return False
                cw.write(authenticate_response(corr, version, 0, None, out))
                if scram.done:
                    await cw.drain()
                    self.stats["authenticated"] += 1
                    return True
            else:  # like Kafka: no other request before authentication
                return False
            await cw.drain()

    @staticmethod
    async def _pipe(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        try:
            while data := await r.read(65536):
                w.write(data)
                await w.drain()
        finally:
            if w.can_write_eof():
                try:
                    w.write_eof()
                except (OSError, RuntimeError):
                    pass
            w.close()


def server_ssl_context(certfile: str, keyfile: str) -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.load_cert_chain(certfile, keyfile)
    return ctx
