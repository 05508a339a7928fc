import pytest

from polku.skills.ranker import SkillRanker


@pytest.fixture(scope="session")
def ranker() -> SkillRanker:
    return SkillRanker.load()


@pytest.fixture(scope="session")
def lexical() -> SkillRanker:
    return SkillRanker.load(semantic="none")
