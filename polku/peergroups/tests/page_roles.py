from django.urls import reverse

from polku.peergroups.tests.factories import formed_round
from polku.testing.roles import NON_MEMBERS

PAGES = {
    "peergroups_list": (
        lambda w: reverse("peergroups:list"),
        {"anonymous": 302, "coord_a": 200, "coord_b": 200, "admin": 200},
        403,
    ),
    "peergroups_detail": (
        lambda w: reverse("peergroups:detail", args=[formed_round(w.a).pk]),
        NON_MEMBERS | {"coord_a": 200, "admin": 200},
        404,
    ),
    "peergroups_mine": (lambda w: reverse("peergroups:mine"), {"anonymous": 302, "user_a": 200}, 403),
}
