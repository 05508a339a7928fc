"""allauth hooks: mail goes through the task queue; no open sign-up; log-in throttling that a stranger
cannot use to lock someone out (decision 0062)."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal import ratelimit
from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.http import HttpRequest

from polku.core.tasks import send_email

# ACCOUNT_RATE_LIMITS["login_failed_account"]: failures on one account from every address together.
ACCOUNT_WIDE = "login_failed_account"


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return bool(getattr(settings, "ACCOUNT_ALLOW_SIGNUPS", False))

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        message: EmailMessage = self.render_mail(template_prefix, email, context)
        html = ""
        if isinstance(message, EmailMultiAlternatives) and message.alternatives:
            html = str(message.alternatives[0][0])
        send_email.enqueue(
            subject=str(message.subject),
            body=str(message.body),
            to=list(message.to),
            html=html,
            from_email=message.from_email,
        )

    # Throttling of failed log-ins. allauth counts `login_failed` per address ("ip") and per key; its key is
    # the account, so failures from anywhere lock the account for everyone, its owner included. Polku's key
    # is the account *and* the address: a stranger who fails someone's password is stopped at their own
    # address while the owner signs in from theirs. A high account-wide limit (`login_failed_account`)
    # still caps guessing spread over many addresses; a password reset clears it.

    def _account_key(self, request: HttpRequest, **credentials: Any) -> str:
        return super()._get_login_attempts_cache_key(request, **credentials)

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        return f"{self._account_key(request, **credentials)}@{ratelimit.get_ip(request)}"

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        super().pre_authenticate(request, **credentials)  # per address and per (account, address)
        account_wide = ratelimit.consume(
            request, app="allauth.account", action=ACCOUNT_WIDE, key=self._account_key(request, **credentials)
        )
        if account_wide is None:
            raise self.validation_error("too_many_login_attempts")
        # a successful log-in takes back what this attempt counted, on every counter (allauth's rollback)
        if self._login_failed_rl_usage:
            self._login_failed_rl_usage.usage.extend(account_wide.usage)

    def _delete_login_attempts_cached_email(self, request: HttpRequest, **credentials: Any) -> None:
        """After a password reset: the account's counters start again (the reset proved the mailbox)."""
        super()._delete_login_attempts_cached_email(request, **credentials)
        ratelimit.clear(
            request, app="allauth.account", action=ACCOUNT_WIDE, key=self._account_key(request, **credentials)
        )
