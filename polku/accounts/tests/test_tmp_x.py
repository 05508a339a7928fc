import pytest
from polku.accounts.tests.helpers import add_totp
@pytest.mark.mfa
@pytest.mark.parametrize("role", ["coord_a", "lead", "evaluator", "admin"])
def test_x(client, world, role):
    user = getattr(world, role); add_totp(user); client.force_login(user)
    assert client.get("/projects/").status_code == 200
    assert client.get("/participants/").status_code in (200, 403)
