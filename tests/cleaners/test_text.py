"""The cleaning engine: headline, date stamp, mojibake, and the record of removals."""

from __future__ import annotations

import datetime as dt

from cleaners import CleanConfig, clean_text
from cleaners.dates import is_date_stamp, parse_date, split_glued_date
from cleaners.unicode import fix_unicode


def test_headline_and_glued_date_leave_the_body() -> None:
    raw = (
        " date 2022-02-15 Putin says he does not want war\n"
        "Vladimir Putin has insisted he does not want war in Europe.\n"
        "The Russian president confirmed a decision had been taken.\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.title == "Putin says he does not want war"
    assert cleaned.published == dt.date(2022, 2, 15)
    assert cleaned.text.startswith("Vladimir Putin")
    assert [r.rule for r in cleaned.removals] == ["date_stamp", "title"]


def test_sentence_first_line_is_not_a_headline() -> None:
    raw = "Vladimir Putin has insisted he does not want war.\nHe said so on Tuesday.\n"
    cleaned = clean_text(raw)
    assert cleaned.title is None
    assert "Vladimir Putin" in cleaned.text


def test_a_first_line_that_heads_a_list_is_not_the_headline() -> None:
    raw = "What's new in version 2.26\n* New tasks for the game\n* Bugs fixed\nTry it this weekend.\n"
    cleaned = clean_text(raw)
    assert cleaned.title is None
    assert cleaned.text.startswith("What's new in version 2.26")
    # Followed by prose, the same line is the headline.
    assert clean_text(raw.replace("* ", "")).title == "What's new in version 2.26"


def test_metadata_title_repeated_in_body_is_removed() -> None:
    body = "Putin says he does not want war\nVladimir Putin has insisted he does not want war."
    cleaned = clean_text(body, title="Putin says he does not want war", extracted=True)
    assert cleaned.text == "Vladimir Putin has insisted he does not want war."
    assert cleaned.removals[0].rule == "title"


def test_every_removed_line_is_recorded_and_the_rest_is_kept_in_order() -> None:
    raw = (
        "Headline of the day\n"
        "First paragraph of the story, which is long enough to be prose.\n"
        "Advertisement\n"
        "Second paragraph follows the first and ends with a full stop.\n"
        "Read more: Another story\n"
    )
    cleaned = clean_text(raw)
    lines = [ln for ln in raw.splitlines() if ln.strip()]
    removed = [r.text for r in cleaned.removals]
    kept = cleaned.text.split("\n\n")
    assert sorted(removed + kept) == sorted(lines)
    assert kept == [lines[1], lines[3]]


def test_paragraphs_are_separated_by_a_blank_line() -> None:
    cleaned = clean_text("One paragraph here.\nAnother paragraph there.\n", CleanConfig(detect_title=False))
    assert cleaned.text == "One paragraph here.\n\nAnother paragraph there."


def test_mojibake_is_repaired_and_typography_is_not_rewritten() -> None:
    fixed, changed = fix_unicode("The minister’s plan â€“ café")
    assert changed
    assert fixed == "The minister’s plan – café"
    untouched, changed = fix_unicode("“Curly quotes” and ﬁ ligatures stay")
    assert not changed
    assert untouched == "“Curly quotes” and ﬁ ligatures stay"


def test_clean_text_reports_unicode_repair() -> None:
    cleaned = clean_text("CafÃ© owners protest against the new rules in the city centre.")
    assert cleaned.unicode_fixed
    assert "Café owners" in cleaned.text


def test_date_stamps() -> None:
    assert is_date_stamp("Published 11:11 PM EST Nov 19, 2019")
    assert is_date_stamp("2022-02-15")
    assert not is_date_stamp("The talks ended in 2019 without an agreement between the parties.")
    assert parse_date("Published 11:11 PM EST Nov 19, 2019") == dt.date(2019, 11, 19)
    assert parse_date("no date here") is None
    assert split_glued_date(" date 2022-02-15 Russia's army")[0] == "2022-02-15"
    assert split_glued_date("2022 was a year of war")[0] is None


def test_glued_hover_card_is_cut_inline_and_recorded() -> None:
    raw = (
        "A man pleaded guilty to threatening Rep. Ilhan OmarIlhan OmarSenators call for 5G coordinator | "
        "Facebook gets questions over tracking MORE (D-Minn.), prosecutors said on Tuesday.\n"
    )
    cleaned = clean_text(raw, CleanConfig(detect_title=False))
    assert cleaned.text == "A man pleaded guilty to threatening Rep. Ilhan Omar (D-Minn.), prosecutors said on Tuesday."
    assert [r.rule for r in cleaned.removals] == ["hover_card"]
    assert cleaned.related == [
        "Ilhan OmarSenators call for 5G coordinator | Facebook gets questions over tracking MORE"
    ]


def test_names_that_repeat_with_a_space_are_not_cards() -> None:
    raw = "Sirhan Sirhan was denied parole again. Walla Walla voters want MORE parks.\n"
    assert clean_text(raw, CleanConfig(detect_title=False)).text == raw.strip()


def test_every_rule_name_can_be_disabled() -> None:
    from cleaners import ALL_RULE_NAMES

    assert {"title", "date_stamp", "hover_card", "caption_credit", "appeal"} <= ALL_RULE_NAMES
    raw = " date 2022-02-15 Putin says he does not want war in Europe\nBody text of the article follows here.\n"
    kept = clean_text(raw, CleanConfig(disabled_rules=frozenset({"date_stamp", "title"})))
    assert kept.published is None and kept.title is None
    assert kept.text.startswith("date 2022-02-15 Putin says")
