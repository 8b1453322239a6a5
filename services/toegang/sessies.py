"""The kengetallen page's sessions: a random id in an HttpOnly cookie for a signed-in user, short-lived, in memory."""

from __future__ import annotations

import secrets
import threading
import time

from services.toegang.tokens import Gebruiker

COOKIE = "__Host-welkom_sessie"
"""`__Host-`: Secure, Path=/, no Domain, so no other host can set or shadow it (Chromium takes it
on http://127.0.0.1 and http://localhost too: loopback counts as a secure origin)."""


class Sessies:
    """Signed-in users of the page by session id. Kept in memory: a restart signs everyone out.
    Also remembers which one-time login links (their token's `jti`) were used."""

    def __init__(self, minuten: int) -> None:
        self.duur_s = minuten * 60
        self._sessies: dict[str, tuple[Gebruiker, float]] = {}
        self._gebruikt: dict[str, float] = {}
        self._lock = threading.Lock()

    def open(self, gebruiker: Gebruiker) -> str:
        """A new session for `gebruiker`: its id, for the cookie."""
        sessie_id = secrets.token_urlsafe(32)
        with self._lock:
            self._ruim_op()
            self._sessies[sessie_id] = (gebruiker, time.monotonic() + self.duur_s)
        return sessie_id

    def gebruiker(self, sessie_id: str | None) -> Gebruiker | None:
        """The user of a live session, or None (unknown or expired)."""
        if not sessie_id:
            return None
        with self._lock:
            gevonden = self._sessies.get(sessie_id)
            if gevonden is None or gevonden[1] < time.monotonic():
                self._sessies.pop(sessie_id, None)
                return None
            return gevonden[0]

    def sluit(self, sessie_id: str | None) -> None:
        with self._lock:
            self._sessies.pop(sessie_id or "", None)

    def eenmalig(self, jti: str, geldig_s: float) -> bool:
        """True the first time a login link's `jti` is used, False ever after (while it could be valid)."""
        with self._lock:
            self._ruim_op()
            if jti in self._gebruikt:
                return False
            self._gebruikt[jti] = time.monotonic() + geldig_s
            return True

    def _ruim_op(self) -> None:
        nu = time.monotonic()
        for tabel in (self._sessies, self._gebruikt):
            for sleutel in [k for k, v in tabel.items() if (v[1] if isinstance(v, tuple) else v) < nu]:
                del tabel[sleutel]
