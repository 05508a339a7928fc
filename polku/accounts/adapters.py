"""allauth hooks: mail goes through the task queue; no open sign-up."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives

from polku.core.tasks import send_email


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
