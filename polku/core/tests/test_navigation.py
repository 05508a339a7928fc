"""The main menu is built from what the apps register, grouped by the work, and shown per reader."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from polku.core.navigation import GROUPS, NavRegistry, main_menu


def reader(**flags):
    return SimpleNamespace(**flags)


def test_groups_follow_the_fixed_order_and_leave_out_empty_ones():
    menu = NavRegistry()
    menu.register("b", label="Follow-ups", url="home", group="outcomes", visible=lambda a: True)
    menu.register("a", label="People", url="home", group="people", visible=lambda a: True)
    menu.register("hidden", label="Hidden", url="home", group="settings", visible=lambda a: False)
    groups = menu.for_reader(reader(), "/")
    assert [g.key for g in groups] == ["people", "outcomes"]
    assert groups[0].links[0].label == "People" and groups[0].links[0].current


def test_a_label_may_depend_on_the_reader_and_an_unknown_group_is_refused():
    menu = NavRegistry()
    menu.register("plan", label=lambda a: a.word, url="home", group="mine", visible=lambda a: True)
    assert menu.for_reader(reader(word="My plan"))[0].links[0].label == "My plan"
    with pytest.raises(ValueError, match="no group 'nowhere'"):
        menu.register("x", label="X", url="home", group="nowhere", visible=lambda a: True)


def test_every_registered_entry_reverses_and_belongs_to_a_group():
    keys = {key for key, _label in GROUPS}
    for entry in main_menu.entries():
        assert entry.group in keys
        assert not entry.primary or entry.group == "mine", entry.key


@pytest.mark.django_db
def test_a_coordinator_and_a_participant_see_their_own_menus(client, world):
    client.force_login(world.coord_a)
    page = client.get("/projects/").content.decode()
    assert "People" in page and "Participants" in page and "My plan" not in page
    client.force_login(world.user_a)
    page = client.get("/participants/me/").content.decode()
    assert "My page" in page and "Import participants" not in page and "Audit log" not in page


def test_a_participant_gets_a_short_bar_and_more_and_staff_get_groups(rf):
    from django.template.loader import render_to_string

    from polku.core.navigation import MenuGroup, MenuLink

    mine = MenuGroup(
        "mine",
        "My things",
        (
            MenuLink("me", "My page", "/participants/me/", False, True),
            MenuLink("events", "Events", "/events/", False, True),
            MenuLink("data", "My data", "/participants/me/data/", True, False),
        ),
    )
    assert mine.primary_count == 2 and mine.secondary_current
    html = render_to_string("components/main_menu.html", {"menu_groups": [mine]})
    bar, more = html.split("<details", 1)
    assert "My page" in bar and "Events" in bar and "My data" not in bar
    assert "More" in more and "My data" in more and 'aria-current="page"' in more and "is-current" in html
    staff = [
        MenuGroup("people", "People", (MenuLink("p", "Participants", "/participants/", True, False),)),
        MenuGroup("settings", "Settings", (MenuLink("a", "Audit log", "/audit/", False, False),)),
    ]
    html = render_to_string("components/main_menu.html", {"menu_groups": staff})
    assert html.count("<details") == 2 and "<summary>People</summary>" in html and "More" not in html
