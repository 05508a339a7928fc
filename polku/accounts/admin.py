"""Users and their roles in the admin. Users sign in with their e-mail; there is no username."""

from __future__ import annotations

from typing import ClassVar

from allauth.account.decorators import secure_admin_login
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.contrib.auth.forms import UserChangeForm as DjangoUserChangeForm
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from polku.accounts.models import Membership, User

# The admin's own log-in form would skip allauth: its rate limits, e-mail verification and the
# authenticator code. Send admins through allauth's sign-in instead.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
admin.site.site_header = _("Polku administration")
admin.site.site_title = _("Polku administration")
admin.site.index_title = _("Platform administration")


class UserCreationForm(AdminUserCreationForm):
    class Meta(AdminUserCreationForm.Meta):
        model = User
        fields = ("email", "full_name", "preferred_language")

    def clean_email(self) -> str:
        email = User.objects.normalize_email(self.cleaned_data["email"]).lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("A user with this e-mail address already exists."))
        return email


class UserChangeForm(DjangoUserChangeForm):
    class Meta(DjangoUserChangeForm.Meta):
        model = User
        fields = "__all__"
        field_classes: ClassVar[dict[str, type[forms.Field]]] = {}

    def clean_email(self) -> str:
        email = User.objects.normalize_email(self.cleaned_data["email"]).lower()
        if User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("A user with this e-mail address already exists."))
        return email


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ("role", "project", "partner", "created_at")
    readonly_fields = ("created_at",)
    autocomplete_fields = ("project", "partner")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Membership]:
        return (
            super()
            .get_queryset(request)
            .select_related("project", "partner__organisation", "partner__project")
        )


class EmailAddressInline(admin.TabularInline):
    """allauth's record of the address: mark it verified when an admin creates an account by hand."""

    model = EmailAddress
    extra = 0
    fields = ("email", "verified", "primary")
    verbose_name = _("sign-in e-mail address")
    verbose_name_plural = _("sign-in e-mail addresses")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserChangeForm
    add_form = UserCreationForm
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("full_name", "preferred_language")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "email",
                    "full_name",
                    "preferred_language",
                    "usable_password",
                    "password1",
                    "password2",
                ),
            },
        ),
    )
    readonly_fields = ("last_login", "date_joined")
    inlines = (MembershipInline, EmailAddressInline)
    list_display = ("email", "full_name", "is_active", "is_staff", "is_superuser", "has_totp", "last_login")
    list_filter = ("is_active", "is_staff", "is_superuser", "memberships__role", "groups")
    search_fields = ("email", "full_name")
    ordering = ("email",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        totp = Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
        return super().get_queryset(request).annotate(_has_totp=Exists(totp))

    def get_inlines(self, request: HttpRequest, obj: User | None):
        return self.inlines if obj is not None else ()

    @admin.display(boolean=True, description=_("authenticator app"), ordering="_has_totp")
    def has_totp(self, user: User) -> bool:
        return bool(getattr(user, "_has_totp", False))


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "project", "partner", "created_at")
    list_filter = ("role", "project")
    search_fields = (
        "user__email",
        "user__full_name",
        "project__code",
        "project__name",
        "partner__organisation__name",
    )
    list_select_related = ("user", "project", "partner__organisation", "partner__project")
    autocomplete_fields = ("user", "project", "partner")
