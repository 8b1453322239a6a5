"""Configuration from the environment (WELKOM_ prefix, plus KAFKA_BOOTSTRAP_SERVERS)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from services.runtime.faults import Fault

DEV_PSEUDONYM_SECRET = "welkom-ontwikkelsleutel-niet-voor-productie"


class Settings(BaseSettings):
    """Every knob of welkom, with defaults for a developer's machine."""

    model_config = SettingsConfigDict(env_prefix="WELKOM_", extra="ignore")

    data_dir: Path = Path("data")
    database_url: str | None = Field(
        None, description="postgresql://user@host:port/db, `{service}` = the service's name (one role "
        "per service, password from PGPASSFILE); unset = one SQLite file per service"
    )
    database_schema_prefix: str = Field("welkom_", description="PostgreSQL schema per service")

    kafka_bootstrap_servers: str | None = Field(
        None,
        validation_alias=AliasChoices("KAFKA_BOOTSTRAP_SERVERS", "WELKOM_KAFKA_BOOTSTRAP_SERVERS"),
        description="unset = start the bundled local broker (Tansu) on 127.0.0.1",
    )
    local_broker_port: int = 9092
    kafka_session_timeout_ms: int | None = Field(None, description="default: 10000; 3000 on Tansu")
    kafka_fetch_max_wait_ms: int | None = Field(None, description="default: 500; 50 on Tansu")
    kafka_security_protocol: Literal["PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    kafka_sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = "SCRAM-SHA-512"
    kafka_sasl_username: str | None = Field(
        None, description="the SASL user; `{service}` = the principal's name (welkom_{service}: each service its "
        "own, `keten` for `welkom publish`, `beheer` for status, DLQ and lag)")
    kafka_sasl_password: SecretStr | None = Field(None, description="one password for every principal")
    kafka_sasl_password_file: Path | None = Field(
        None, description="instead: a file of `user:password` lines, one per principal (mode 0600)")
    kafka_idempotent_producer: bool | None = Field(
        None, description="default: on for a real Kafka, off for the local Tansu (unsupported)"
    )
    kafka_ssl_cafile: Path | None = Field(
        None, description="CA bundle that signed the broker certificate (SASL_SSL); unset = the system's"
    )
    kafka_create_topics: bool | None = Field(
        None,
        description="create missing topics; default: only on the bundled broker. Otherwise welkom "
        "checks that every topic exists with its partitions and stops with one line if not",
    )
    kafka_partitions: int = Field(6, description="partitions of every keten.* and gemeente.* topic (DLQs: 1)")

    http_host: str = "127.0.0.1"
    http_port: int = 8080

    pseudonym_secret: SecretStr = SecretStr(DEV_PSEUDONYM_SECRET)
    cipher_key: SecretStr | None = Field(None, description="AES key: encrypt stored events")

    clock: Literal["realtime", "manual"] = "realtime"
    clock_interval_s: float = 60.0
    batch_size: int = 500
    batch_timeout_ms: int = 50
    relay_interval_ms: int = 50
    gauge_interval_s: float = Field(15.0, description="how often the kengetallen gauges are set from the views")
    lag_interval_s: float = Field(5.0, description="how often consumer lag and relay progress are measured")
    max_event_bytes: int = 64 * 1024
    gemeentecode: str = "0268"
    toekomst_venster_dagen: int = Field(
        30, ge=0, description="facts dated more than this many days after today are refused (422, or the DLQ)"
    )
    opvang_kind_verplaatsing_dagen: int = Field(
        90, ge=1, le=3650, description="a child's move within this many days of their previous move counts as "
        "repeated (welkom_opvang_kinderen_herhaald_verplaatst_personen); each signal stores the window it was judged by"
    )
    inburgering_duo_signaal_weken: int = Field(
        8, ge=1, le=104, description="a traject without DUO's plicht signal this many weeks after its start is on "
        "the attention list; each traject stores the date it was judged by"
    )
    inburgering_voortgang_maanden: int = Field(
        6, ge=1, le=24, description="a voortgangsgesprek is due this many months after the PIP or the last one"
    )
    huisvesting_vereist: Annotated[list[Literal["bsn", "iban"]], NoDecode] = Field(
        ["bsn", "iban"],
        description="comma-separated persoonsgegevens of the main person without which a dossier is blocked",
    )

    @field_validator("huisvesting_vereist", mode="before")
    @classmethod
    def _komma_lijst(cls, waarde: Any) -> Any:
        if isinstance(waarde, str):
            return [deel.strip() for deel in waarde.split(",") if deel.strip()]
        return waarde
    log_level: str = "INFO"

    oidc_issuer: str | None = Field(
        None, description="the issuer (`iss`) of the access tokens; unset = welkom is its own development "
        "issuer (a key pair in the data dir; refused when WELKOM_HTTP_HOST is not loopback)")
    oidc_audience: str = Field("welkom", description="the `aud` every access token must carry")
    oidc_jwks_url: str | None = Field(None, description="the issuer's JWKS (default: from its OpenID configuration)")
    oidc_jwks_file: Path | None = Field(None, description="the issuer's JWKS as a file, instead of a URL")
    oidc_algoritmen: Annotated[list[str], NoDecode] = Field(
        ["RS256", "PS256", "ES256", "EdDSA"], description="comma-separated allow-list of signing algorithms "
        "(asymmetric only: `none` and HS* are always refused)")
    oidc_leeway_s: int = Field(30, ge=0, le=300, description="clock skew allowed on exp, nbf and iat")
    oidc_client_id: str | None = Field(None, description="the kengetallen page's client at the issuer (code flow + PKCE)")
    oidc_client_secret: SecretStr | None = Field(None, description="only for a confidential client")
    oidc_redirect_url: str | None = Field(None, description="the page's redirect URI at the issuer "
                                          "(default: <this server>/login/terug); set it behind a gateway")
    sessie_minuten: int = Field(15, ge=1, le=480, description="lifetime of the kengetallen page's session cookie")
    rate_limit: str = Field("120/minute", description="per token, on the command and audit endpoints (limits syntax)")
    token: SecretStr | None = Field(None, description="the CLI's access token against a configured issuer")

    @field_validator("oidc_issuer", "oidc_jwks_url", "oidc_jwks_file", "oidc_client_id", "oidc_client_secret",
                     "oidc_redirect_url", "token", mode="before")
    @classmethod
    def _leeg_is_niet_gezet(cls, waarde: Any) -> Any:
        """`WELKOM_OIDC_JWKS_FILE=` (as compose passes an unset variable) means unset, not `.`."""
        return None if isinstance(waarde, str) and not waarde.strip() else waarde

    @field_validator("oidc_algoritmen", mode="before")
    @classmethod
    def _algoritmen(cls, waarde: Any) -> Any:
        return cls._komma_lijst(waarde)

    fault: Fault | None = Field(None, description="tests only: the fault hook to trigger (services/runtime/faults.py)")


@lru_cache
def settings() -> Settings:
    """The settings of this process, read once."""
    return Settings()
