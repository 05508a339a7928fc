"""The signed-in user of a page's or an API view's request, typed as Polku's `User`.

Django types `request.user` as `User | AnonymousUser`. Behind `@login_required` (pages) or DRF's default
`IsAuthenticated` (API) it is always a `User`; the two request types below say so to the type checker,
so views pass `request.user` to `access_for` and to services as the actor without a cast. Views that
also serve anonymous visitors keep the plain request types and use `request_access` / `signed_in`,
which check at run time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails
from rest_framework.request import Request

from polku.accounts.access import ANONYMOUS, Access, access_for
from polku.accounts.models import User
from polku.core.errors import AccessDenied

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


class AuthenticatedHttpRequest(HttpRequest):
    """The request of a page behind `@login_required`. Only an annotation: Django builds the request."""

    user: User
    htmx: HtmxDetails  # set on every request by django-htmx's middleware


class AuthenticatedRequest(Request):
    """The request of an API view behind `IsAuthenticated`. Only an annotation: DRF builds the request."""

    user: User


def request_access(request: HttpRequest | Request) -> Access:
    """The access of whoever sent the request; `ANONYMOUS` when nobody is signed in (public views)."""
    user = request.user
    return access_for(user) if isinstance(user, User) else ANONYMOUS


def signed_in(request: HttpRequest | Request, *, refusal: str | StrPromise) -> tuple[User, Access]:
    """The signed-in user and their access, for a public view's action that needs signing in.

    `AccessDenied(refusal)` when nobody is signed in.
    """
    user = request.user
    if not isinstance(user, User):
        raise AccessDenied(refusal)
    return user, access_for(user)
