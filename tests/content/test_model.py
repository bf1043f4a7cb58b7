"""Partial dates keep their precision and order; URLs must be http(s)."""

import pytest
from pydantic import ValidationError

from generator.content.model import Dispute, PartialDate, Source


def test_partial_dates() -> None:
    assert PartialDate.parse("2025-11").precision == "month"
    assert PartialDate.parse("2025").iso() == "2025"
    assert PartialDate.parse("2025-11") < PartialDate.parse("2025-11-03")
    with pytest.raises(ValueError, match="day 29 does not exist"):
        PartialDate.parse("2025-02-29")


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,x", "//x.org", "https://x.org/a b", 'https://x.org/"']
)
def test_unsafe_urls_are_rejected(url: str) -> None:
    with pytest.raises(ValidationError):
        Source.model_validate({"title": "t", "publisher": "p", "url": url, "language": "en", "kind": "news"})


def test_a_dispute_matters_unless_marked_minor() -> None:
    base = {"field": "date", "value": "2025-11-04", "sources": ["s"]}
    assert Dispute.model_validate(base).minor is False  # records written before `minor` existed stay valid
    assert Dispute.model_validate({**base, "minor": True}).minor is True
    with pytest.raises(ValidationError):
        Dispute.model_validate({**base, "minor": "yes"})
