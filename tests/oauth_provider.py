"""A local stand-in for huggingface.co's OpenID Connect provider, for sign-in tests.

It serves what Authlib (behind Gradio's ``/login/huggingface``) really calls: the discovery
document, the authorize page (approves at once, or answers ``error=access_denied`` as a person
pressing "Cancel" would), the token endpoint (an RS256-signed ID token carrying the nonce
Authlib sent) and the JWKS it verifies that token with. The userinfo endpoint is there as on
huggingface.co; Gradio reads the profile from the ID token, so it is not called.
"""

from __future__ import annotations

import base64
import secrets
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from joserfc import jwt
from joserfc.jwk import RSAKey
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

CLIENT_ID = "costar-test-client"
CLIENT_SECRET = "costar-test-secret"  # a test double's fixed secret
KEY_ID = "test-key-1"


@dataclass
class HubPerson:
    """The account the provider signs in: the claims huggingface.co puts in its ID token."""

    sub: str
    preferred_username: str
    name: str

    def claims(self) -> dict[str, str]:
        return {
            "sub": self.sub,
            "preferred_username": self.preferred_username,
            "name": self.name,
            "profile": f"https://huggingface.co/{self.preferred_username}",
            "picture": "https://huggingface.co/avatars/placeholder.svg",
        }


@dataclass
class OpenIdProvider:
    """What the provider answers next, and every endpoint path it was asked for (in order)."""

    issuer: str = ""
    person: HubPerson = field(default_factory=lambda: HubPerson("0" * 24, "hf_tester", "Hub T"))
    refuse_next: bool = False  # the next authorize request is "cancelled" by the person
    break_next_token: bool = False  # the next code exchange fails as a provider outage would
    calls: list[str] = field(default_factory=list)
    _codes: dict[str, dict[str, Any]] = field(default_factory=dict)
    _key: RSAKey = field(default_factory=lambda: RSAKey.generate_key(2048, {"kid": KEY_ID}))

    def discovery(self, request: Request) -> Response:
        self.calls.append(request.url.path)
        return JSONResponse({
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/oauth/authorize",
            "token_endpoint": f"{self.issuer}/oauth/token",
            "userinfo_endpoint": f"{self.issuer}/oauth/userinfo",
            "jwks_uri": f"{self.issuer}/oauth/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "profile"],
            "grant_types_supported": ["authorization_code"],
        })  # fmt: skip

    def authorize(self, request: Request) -> Response:
        self.calls.append(request.url.path)
        query = request.query_params
        if query.get("client_id") != CLIENT_ID or query.get("response_type") != "code":
            return JSONResponse({"error": "invalid_request"}, status_code=400)
        answer: dict[str, str] = {"state": query.get("state", "")}
        if self.refuse_next:
            self.refuse_next = False
            answer |= {"error": "access_denied", "error_description": "The user cancelled."}
        else:
            code = secrets.token_urlsafe(16)
            self._codes[code] = {
                "nonce": query.get("nonce"),
                "redirect_uri": query.get("redirect_uri"),
                "person": self.person,
            }
            answer["code"] = code
        return RedirectResponse(_add_query(query.get("redirect_uri", ""), answer), 302)

    async def token(self, request: Request) -> Response:
        self.calls.append(request.url.path)
        form = await request.form()
        grant = self._codes.pop(str(form.get("code")), None)  # a code works once
        if self.break_next_token:
            self.break_next_token = False
            return JSONResponse({"error": "server_error"}, status_code=500)
        if not _client_authenticated(request) or grant is None:
            return JSONResponse({"error": "invalid_grant"}, status_code=400)
        if form.get("redirect_uri") != grant["redirect_uri"]:
            return JSONResponse({"error": "invalid_grant"}, status_code=400)
        now = int(time.time())
        claims = grant["person"].claims() | {
            "iss": self.issuer, "aud": CLIENT_ID, "iat": now, "exp": now + 3600,
            "auth_time": now, "nonce": grant["nonce"],
        }  # fmt: skip
        id_token = jwt.encode({"alg": "RS256", "kid": KEY_ID}, claims, self._key)
        access_token = "hf_oauth_" + secrets.token_urlsafe(16)
        self._codes[access_token] = {"person": grant["person"]}
        return JSONResponse({
            "access_token": access_token, "token_type": "bearer", "expires_in": 3600,
            "scope": "openid profile", "id_token": id_token,
        })  # fmt: skip

    def userinfo(self, request: Request) -> Response:
        self.calls.append(request.url.path)
        bearer = request.headers.get("authorization", "").removeprefix("Bearer ")
        grant = self._codes.get(bearer)
        if grant is None:
            return JSONResponse({"error": "invalid_token"}, status_code=401)
        return JSONResponse(grant["person"].claims())

    def jwks(self, request: Request) -> Response:
        self.calls.append(request.url.path)
        return JSONResponse({"keys": [self._key.as_dict(private=False)]})

    def app(self) -> Starlette:
        return Starlette(routes=[
            Route("/.well-known/openid-configuration", self.discovery),
            Route("/oauth/authorize", self.authorize),
            Route("/oauth/token", self.token, methods=["POST"]),
            Route("/oauth/userinfo", self.userinfo),
            Route("/oauth/jwks", self.jwks),
        ])  # fmt: skip


def _client_authenticated(request: Request) -> bool:
    """Authlib's default client authentication: HTTP Basic with the id and secret."""
    expected = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
    return secrets.compare_digest(request.headers.get("authorization", ""), f"Basic {expected}")


def _add_query(url: str, params: dict[str, str]) -> str:
    """``url`` with ``params`` added to the query it already has (Gradio's callback has one)."""
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.parse_qsl(parts.query) + list(params.items())
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


@contextmanager
def serving_provider(port: int) -> Iterator[OpenIdProvider]:
    """Run a provider on 127.0.0.1:``port`` in a background thread for the ``with`` block."""
    provider = OpenIdProvider(issuer=f"http://127.0.0.1:{port}")
    config = uvicorn.Config(provider.app(), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="openid-provider", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test OpenID provider did not start")
        time.sleep(0.05)
    try:
        yield provider
    finally:
        server.should_exit = True
        thread.join(timeout=10)
