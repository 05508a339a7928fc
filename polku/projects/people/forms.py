"""Forms of the people pages: invite someone, change a role, and accept an invitation with a password."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from polku.accounts.access import Access
from polku.accounts.models import Role
from polku.core.models import Language
from polku.projects.models import Partner, Project

PARTNER_HELP = _("Coordinators always belong to a partner; mentors and employer representatives may.")


def _partners(project: Project) -> Any:
    return (
        Partner.objects.filter(project=project).select_related("organisation").order_by("organisation__name")
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    partner = forms.ModelChoiceField(
        label=_("Partner"), queryset=Partner.objects.none(), required=False, help_text=PARTNER_HELP
    )

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        partner_field: Any = self.fields["partner"]
        partner_field.queryset = _partners(project)
        partner_field.label_from_instance = lambda partner: partner.organisation.name


class InviteForm(RoleForm):
    """The roles and partners offered are those the reader may invite to (`Access.can_invite`)."""

    email = forms.EmailField(label=_("E-mail"))
    language = forms.ChoiceField(label=_("Language of the e-mail"), choices=Language.choices)
    field_order = ["email", "role", "partner", "language"]

    def __init__(self, *args: Any, project: Project, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, project=project, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        if not access.can_manage_people(project.pk):
            role_field: Any = self.fields["role"]
            role_field.choices = [(r.value, r.label) for r in (Role.MENTOR, Role.EMPLOYER)]
            partner_field: Any = self.fields["partner"]
            partner_field.queryset = partner_field.queryset.filter(pk__in=access.coordinator_partner_ids)
            partner_field.required = True
            partner_field.empty_label = None


class AcceptForm(forms.Form):
    """A new user's name and password; the e-mail is the invitation's."""

    full_name = forms.CharField(label=_("Your name"), max_length=200)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password1") and data.get("password2") and data["password1"] != data["password2"]:
            self.add_error("password2", _("The two passwords differ."))
        return data
