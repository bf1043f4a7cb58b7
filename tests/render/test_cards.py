"""Share cards: PNGs of the right size, drawn offline with the shipped font, byte-identical across runs."""

from __future__ import annotations

import io

from PIL import Image

from generator.content.validate import Content
from generator.render.cards import HEIGHT, WIDTH, card_png, cards
from generator.render.labels import Labels
from generator.structure.routes import CARD, card_path


def test_a_card_is_a_png_of_the_preview_size() -> None:
    data = card_png("Why did Peru break relations?", "Because " * 80, "example.org")
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.size) == ("PNG", (WIDTH, HEIGHT))
    # The headline is drawn in light type on the dark background: there is text on the card.
    assert len(image.crop((60, 130, WIDTH - 60, 220)).getcolors(maxcolors=1 << 20) or []) > 10


def test_cards_are_deterministic_and_long_text_is_cut() -> None:
    headline = "A headline far too long for three lines of large type on one card " * 4
    card_png.cache_clear()
    one = card_png(headline, "sub", "label")
    card_png.cache_clear()
    assert card_png(headline, "sub", "label") == one
    assert card_png("Short", "sub", "label") != one


def test_each_edition_has_a_card_and_one_per_question(small_content: Content) -> None:
    en, es = cards(Labels(small_content, "en")), cards(Labels(small_content, "es"))
    questions = sorted(small_content.records["questions"])
    assert sorted(en) == sorted([CARD, *(card_path("questions", q) for q in questions)]) == sorted(es)
    assert en[CARD] != es[CARD]  # each in its language
