""" "Invite a mentor" of a mentoring programme: for those who run it (polku.mentoring.invitations)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.core.errors import ApplicationError
from polku.core.forms import apply_field_errors, response_status
from polku.core.models import Language
from polku.mentoring import selectors
from polku.mentoring.invitations import mentor_invite


class MentorInviteForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail"))
    language = forms.ChoiceField(label=gettext_lazy("Language of the e-mail"), choices=Language.choices)


@login_required
def mentor_invite_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    programme = selectors.programme_get(access=access, pk=pk)
    form = MentorInviteForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        try:
            mentor_invite(actor=request.user, access=access, programme=programme, **form.cleaned_data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(
                request, _("The invitation was sent to %(email)s.") % {"email": form.cleaned_data["email"]}
            )
            return redirect("mentoring:programme", programme.pk)
    context = {"programme": programme, "form": form, "forms": (form,)}
    return TemplateResponse(
        request,
        "mentoring/invite_mentor.html",
        context,
        status=response_status(request, form_ok=not form.errors),
    )
