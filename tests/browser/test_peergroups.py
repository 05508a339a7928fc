"""A coordinator forms a peer-group round, moves a person and sees the scores change, publishes; a member
sees their group. Every page and the HTMX-swapped groups are axe-checked."""

import pytest

from polku.peergroups.models import PeerGroupMembership, PeerGroupRound

pytestmark = pytest.mark.browser


def test_coordinator_forms_moves_publishes_and_member_sees_group(browser, live_world):
    from polku.peergroups.tests.factories import PeerGroupRoundFactory, pool

    peer_round = PeerGroupRoundFactory(partner=live_world.a, name="Mastermind spring")
    pool(peer_round, 6, extra=[live_world.part_a])
    browser.sign_in(live_world.coord_a.email)
    browser.go("/peer-groups/")
    page = browser.page
    browser.follow(page.get_by_role("link", name="Mastermind spring"))
    browser.follow(page.get_by_role("button", name="Form the groups"))
    assert page.get_by_role("heading", name="Group 2").is_visible()

    before = page.get_by_test_id("diversity-1").inner_text()
    member = PeerGroupMembership.objects.filter(round=peer_round, group__number=1).first()
    form = page.locator(f"form:has(input[name=participation][value='{member.participation_id}'])")
    with page.expect_response(lambda r: "/move/" in r.url):
        form.get_by_role("button", name="Move").click()
    page.wait_for_function(
        "before => document.querySelector('[data-testid=diversity-1]').innerText !== before", arg=before
    )
    browser.check()
    member.refresh_from_db()
    assert member.group.number == 2

    browser.follow(page.get_by_role("button", name="Publish"))
    peer_round.refresh_from_db()
    assert peer_round.status == PeerGroupRound.Status.PUBLISHED

    browser.sign_out()
    browser.sign_in(live_world.user_a.email)
    browser.go("/peer-groups/mine/")
    assert "Mastermind spring" in page.content()
    assert "Amina" in page.locator("main").inner_text()
