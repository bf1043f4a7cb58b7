"""Fixtures of the render tests: the small fixture's content, validated once, and its Spanish labels."""

from __future__ import annotations

import pytest

from generator.content.validate import Content
from generator.pipeline import check
from generator.render.labels import Labels

from ..conftest import FIXTURES


@pytest.fixture(scope="session")
def small_content() -> Content:
    """The small fixture, validated (read-only: tests that change content copy the project)."""
    content, problems = check(FIXTURES / "small")
    assert content is not None, problems
    return content


@pytest.fixture
def es(small_content: Content) -> Labels:
    """The Spanish view of the fixture (English is the default language)."""
    return Labels(small_content, "es")
