"""Pages that are no article: error pages, cookie walls, paywall and login stubs."""

from __future__ import annotations

import pytest

from cleaners.pages import not_article


@pytest.mark.parametrize(
    ("text", "language", "phrase"),
    [
        ("404 - Page not found. The page you requested does not exist.", "en", "page not found"),
        (
            "Diese Website verwendet Cookies. Alle Cookies akzeptieren | Einstellungen",
            "de",
            "diese website verwendet cookies",
        ),
        ("Contenu réservé aux abonnés. Déjà abonné ? Connectez-vous.", "fr", "réservé aux abonnés"),
        ("Please enable JavaScript to view this page.", "es", "please enable javascript"),  # English for every language
    ],
)
def test_a_short_page_that_says_what_it_is_is_no_article(text: str, language: str, phrase: str) -> None:
    assert not_article(text, len(text.split()), language, 80) == phrase


def test_an_article_that_mentions_the_words_is_one() -> None:
    story = "The regulator said that sites which say 'we use cookies' must also offer a way to refuse them. " * 10
    assert not_article(story, len(story.split()), "en", 80) is None  # longer than a stub
    assert not_article(story, len(story.split()), "en", 10_000) == "we use cookies"
    # Another language's phrase counts only in that language (or when the language is unknown).
    assert not_article("Seite nicht gefunden", 3, "en", 80) is None
    assert not_article("Seite nicht gefunden", 3, None, 80) == "seite nicht gefunden"
