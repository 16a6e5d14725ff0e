"""Properties of the cleaning engine on generated documents."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaners import CleanConfig, Draft, clean_text, clean_texts
from cleaners.dates import _HAS_YEAR_OR_TIME
from cleaners.lexicon import WE_WORDS, phrases
from cleaners.lines import (
    _BULLET,
    _DAY_MONTH,
    WORD,
    Line,
    _unbullet,
    holds_any,
    line_key,
    split_lines,
    strip_edges,
    word_count,
)
from cleaners.patterns import search_from_digit
from cleaners.rules import (
    _AGENCY,
    _AGENCY_REACH,
    _CAPTION_MARKER_KINDS,
    _CREDIT_ONLY,
    _CREDIT_SUFFIX,
    _GALLERY,
    _HAS_DATE,
    _WE,
    AGENCIES,
    COMMA_AGENCIES,
    RULES,
    PatternRule,
    _gallery,
    _marker_needs,
    _may_be_credit_only,
)
from cleaners.text import _HOVER_CARD, _strip_hover_cards
from cleaners.unicode import fix_unicode


def joined(pieces: list[str], max_size: int) -> st.SearchStrategy[str]:
    """Return texts made of up to `max_size` of `pieces`, in any order and number."""
    return st.builds("".join, st.lists(st.sampled_from(pieces), max_size=max_size))


CHROME = [
    "Read more: Another story",
    "Soldiers on parade (Photo by A. Person/AFP via Getty Images)",
    "Advertisement",
    "More:",
    "* A list item",
    "stock a, stock b, stock c, stock d, stock e, stock f",
    "WATCH THE MINISTER EXPLAIN THE NEW PLAN",
    "Updated: 14.02.2022 10:00",
    "Oops! Something went wrong.",
    "“We will not accept it,” he said.",
    "The government announced a plan on Tuesday.",
]
LINE = st.one_of(
    st.text(st.characters(codec="ascii", exclude_characters="\r\x0b\x0c\x1c\x1d\x1e\x85"), max_size=120),
    st.sampled_from(CHROME),
)
LANGUAGE = st.sampled_from([None, "en", "de", "ja", "xx"])


AGAIN = CleanConfig(detect_title=False)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(LINE, max_size=25), LANGUAGE, st.booleans())
def test_body_is_made_of_input_lines_and_every_removal_is_recorded(
    lines: list[str], language: str | None, extracted: bool
) -> None:
    text = "\n".join(lines)
    cleaned = clean_text(text, language=language, extracted=extracted)
    # Mojibake and control-character repair happens first and is recorded as a flag, not per line.
    repaired, changed = fix_unicode(text)
    assert cleaned.unicode_fixed == changed
    inputs = [ln.strip() for ln in repaired.splitlines() if ln.strip()]
    kept = cleaned.text.split("\n\n") if cleaned.text else []
    removed = [r.text for r in cleaned.removals if r.rule not in ("date_stamp", "hover_card")]
    inline_cut = len(removed) != len(cleaned.removals)
    if not inline_cut:
        # Nothing invented, nothing lost: the kept and removed lines are the input's lines.
        assert sorted(kept + removed) == sorted(inputs)
    assert all(k.strip() for k in kept)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=2000), LANGUAGE)
def test_never_raises_on_any_string(text: str, language: str | None) -> None:
    cleaned = clean_text(text, language=language)
    assert isinstance(cleaned.text, str)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(LINE, max_size=25), LANGUAGE, st.booleans())
def test_cleaning_is_idempotent(lines: list[str], language: str | None, extracted: bool) -> None:
    once = clean_text("\n".join(lines), language=language, extracted=extracted)
    # The headline is metadata, not body: the second pass is told what the first found (or that there
    # was none), as the pipeline tells the cleaners an HTML page's title.
    twice = clean_text(once.text, AGAIN, language=language, extracted=extracted, title=once.title)
    assert twice.text == once.text


DRAFT = st.builds(
    Draft,
    st.builds("\n".join, st.lists(LINE, max_size=15)),
    LANGUAGE,
    st.one_of(st.none(), st.sampled_from(["Another story", "WATCH THE MINISTER EXPLAIN THE NEW PLAN"])),
    st.booleans(),
)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(DRAFT, max_size=6))
def test_documents_cleaned_together_come_out_as_each_would_alone(drafts: list[Draft]) -> None:
    together = clean_texts(drafts)
    alone = [clean_text(d.text, language=d.language, title=d.title, extracted=d.extracted) for d in drafts]
    assert together == alone


ANY_LINE = st.text(
    st.one_of(st.characters(exclude_categories=["Cs"]), st.sampled_from(" \n\n\r\t-•*1.)東京한국語_’é")), max_size=60
)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(ANY_LINE, max_size=12), st.booleans())
def test_words_counted_over_the_whole_text_are_those_of_the_word_pattern(lines: list[str], extracted: bool) -> None:
    text = "\n".join(lines)
    for line in split_lines(text, one_block_per_line=extracted):
        alone = Line.make(line.index, line.text, line.block)
        assert (line.n_words, line.text_words, line.text_cjk) == (alone.n_words, alone.text_words, alone.text_cjk)
        assert line.n_words == word_count(line.core)
    cleaned = clean_text(text, extracted=extracted)
    assert cleaned.n_words == word_count(cleaned.text)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.one_of(ANY_LINE, st.sampled_from(["we", "us", "our", "Ours", "we_", "wé", "us2", "unsere", "nós"])),
        max_size=8,
    ),
    st.sampled_from([None, *WE_WORDS]),
)
def test_we_words_found_by_the_pattern_are_the_words_that_are_we(pieces: list[str], language: str | None) -> None:
    folded = " ".join(pieces).casefold()
    words = set(phrases(WE_WORDS, language))
    assert len(_WE(language).findall(folded)) == sum(word in words for word in WORD.findall(folded))


EDGY = st.text(st.one_of(st.characters(exclude_categories=["Cs"]), st.sampled_from(" _-–“”’.,*•1)")), max_size=40)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(EDGY)
def test_shortcuts_give_what_the_patterns_give(text: str) -> None:
    assert strip_edges(text) == re.sub(r"^[\s\W_]+|[\s\W_]+$", "", text)
    stripped = text.strip()
    if not _DAY_MONTH.match(stripped):  # "14. Februar": a date, not item 14
        assert _unbullet(stripped) == _BULLET.sub("", stripped, count=1)
    key = " ".join(re.sub("[’ʼ´]", "'", strip_edges(stripped).casefold()).split())
    assert line_key(stripped, stripped.lower()) == line_key(stripped) == key


CREDITS = joined(
    [
        *("Photo", ". ", "/", " Getty Images", "AFP", ", ", "file", " FILE", " Archivbild", "  ", "\u2003", "."),
        *("x" * 30, "y" * 9, "Reuters", "EPA-EFE", "’", " John Smith", "iStock"),
    ],
    max_size=10,
)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(CREDITS)
def test_a_credit_suffix_always_has_its_agency_within_reach(text: str) -> None:
    text = text.strip()
    assert bool(_AGENCY.search(text)) == bool(re.search(f"(?:{AGENCIES})", text))  # the trie finds what the list does
    if _CREDIT_SUFFIX(None).search(text):
        assert _AGENCY.search(text, max(0, len(text) - _AGENCY_REACH))


CREDIT_LINES = joined(
    [
        *("Al", " ", "Goldis", ",", ", ", "Associated Press", "AP", "Press Association", "/", " / "),
        *("Photo", "photos", ":", " : ", "\u00a0", "\t", "x" * 25, "J.R.", "O’Neil", "-", "Getty Images"),
        *("and", "the", "said", "\n", "фото", "EPA-EFE", "EPA", "dpa", "Sipa USA", "REX"),
    ],
    max_size=24,
)


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(CREDIT_LINES)
def test_a_line_that_is_only_a_credit_passes_the_quick_test_first(text: str) -> None:
    if _CREDIT_ONLY.match(text):
        assert _may_be_credit_only(text)


# The credit pattern as first written: words that give back characters, the agencies one by one.
_CREDIT_ONLY_FLAT = re.compile(
    rf"^(?:[\w.'’-]+\s){{0,5}}[\w.'’-]+,\s*(?:{COMMA_AGENCIES})(?:\s?/\s?[\w .'’-]{{2,40}})?$"
    rf"|^(?:{AGENCIES})(?:\s?/\s?[\w .'’-]{{2,40}})?$",
    re.IGNORECASE,
)


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.one_of(
        CREDIT_LINES,
        CREDIT_LINES.map(str.lower),
        # "Name Name …, Agency / Source": up to eight words before the comma.
        st.builds(
            "{}{}{}{}".format,
            st.lists(st.sampled_from(["Al", "J.R.", "O’Neil", "of", "x" * 20]), min_size=1, max_size=8).map(" ".join),
            st.sampled_from([",", ", ", " ,", ",\t"]),
            st.sampled_from(["Associated Press", "AP", "dpa", "EPA-EFE", "Sipa USA", "Reuters", "Nobody"]),
            st.sampled_from(["", " / Wire", "/x", " / " + "w" * 41, " file", "."]),
        ),
    )
)
def test_the_credit_pattern_matches_what_it_matched_as_first_written(text: str) -> None:
    assert bool(_CREDIT_ONLY.match(text)) == bool(_CREDIT_ONLY_FLAT.match(text))


def test_the_quick_credit_test_lets_credits_through_and_stops_prose() -> None:
    longest = "Press Association / " + "w" * 40
    six_words = "Alan J. Goldis of Lansing Michigan, " + longest  # "Lansing Michigan" two words: six in all
    for credit in ("Al Goldis, Associated Press", "Press Association / Wire", longest, six_words):
        assert _CREDIT_ONLY.match(credit) and _may_be_credit_only(credit)
    assert _may_be_credit_only("Photo: AP")
    prose = "The minister, who spoke on Tuesday, said the plan would cost more than anyone had expected so far."
    assert not _may_be_credit_only(prose)


def _hover_cards_everywhere(text: str) -> tuple[str, list[str]]:
    cards: list[str] = []

    def cut(match: re.Match[str]) -> str:
        cards.append(match.group("card"))
        return match.group("name")

    return _HOVER_CARD.sub(cut, text), cards


HOVER_TEXTS = st.builds(
    "".join,
    st.lists(
        st.one_of(
            st.sampled_from(["Ilhan Omar", "Omar", "Ilhan OmarIlhan Omar", "OmarOmar", " MORE", " More", "MORE"]),
            st.sampled_from([" ", ". ", "\n", "Senators call for 5G coordinator | ", "BBC", "iPhone", "x"]),
            st.integers(0, 1800).map(lambda n: "z " * (n // 2)),
        ),
        max_size=12,
    ),
)


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(HOVER_TEXTS)
def test_hover_cards_are_looked_for_only_where_they_can_start(text: str) -> None:
    assert _strip_hover_cards(text) == _hover_cards_everywhere(text)


def test_the_longest_hover_card_is_found() -> None:
    name = " ".join(f"{c}{'b' * 30}" for c in "ABCD")  # four words of 31 characters
    text = f"Said {name}{name}!{'y' * 1500} MORE ended. " * 2
    stripped, cards = _strip_hover_cards(text)
    assert (stripped, cards) == _hover_cards_everywhere(text) and len(cards) == 2


NAVIGATION_LINES = joined(
    [
        *("« ", "Previous", "NEXT", "Prev", "Older", "newer", " ", "Post", "article", "Story", "s", " »"),
        *("Back to top", "GO TO TOP", "Return to top", "back to Homepage", "Source: Read full article"),
        *("Tags", "Filed under", "Categories", "Topics", "Теги", "Mots-clés", " :", ":", "Home", "x" * 12),
        *("Article", "précédent", "Vorheriger", "Beitrag", "Nach oben", "Entrada", "anterior", "Volgende"),
    ],
    max_size=8,
)


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(NAVIGATION_LINES)
def test_a_pattern_rule_matches_only_lines_that_hold_what_it_needs(text: str) -> None:
    for rule in (r for r in RULES if isinstance(r, PatternRule) and r.needs_for(None)):
        if rule.compiled(None).search(text.strip()):
            assert holds_any(text.lower(), rule.needs_for(None)), rule.name


DATED = joined(
    ["1", "2", "9", "0", "19", "20", "٣", "-", "/", ".", ":", " ", "月", "日", "x", "on ", "a1"], max_size=14
)


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(DATED)
def test_date_patterns_searched_from_the_first_digit_find_what_a_full_search_finds(text: str) -> None:
    for pattern in (_HAS_DATE, _HAS_YEAR_OR_TIME):
        full, quick = pattern.search(text), search_from_digit(pattern, text)
        assert (full and full.span()) == (quick and quick.span())


CAPTION_LINES = joined(
    [
        *("(left)", "(L-R)", "(", ")", "left", ", left, ", "right,", " centre", ",", " is pictured", " are"),
        *(" seen here", " shown", " in this photo", "Photo by", "EDITORIAL USE ONLY", "Mandatory credit"),
        *("Picture date:", " ", "The mayor", "x" * 10, "(second from left)", " was seen", ", centre, "),
    ],
    max_size=10,
)


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(CAPTION_LINES, st.sampled_from([None, "en", "de", "fr"]))
def test_caption_markers_searched_by_kind_find_what_one_alternation_finds(text: str, language: str | None) -> None:
    # As before: one alternation of every kind, searched when the line holds the words of any kind.
    patterns = [kind(language) for kind in _CAPTION_MARKER_KINDS]
    everything = re.compile("|".join(f"(?{'i' if p.flags & re.IGNORECASE else ''}:{p.pattern})" for p in patterns))
    needs = _marker_needs(language)
    holds = any(holds_any(text.lower(), words) for words in needs)
    by_kind = any(holds_any(text.lower(), words) and p.search(text) for words, p in zip(needs, patterns, strict=True))
    assert by_kind == bool(holds and everything.search(text))


GALLERY_LINES = joined(
    [
        "Image",
        "photos",
        "Slide",
        " ",
        "1",
        "12",
        "٣",
        "of",
        "/",
        "von",
        "View all",
        "(",
        ")",
        "Gallery",
        "GALLERY",
    ],
    max_size=8,
)


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(GALLERY_LINES)
def test_gallery_lines_pass_the_quick_test_first(text: str) -> None:
    text = text.strip()
    for language in (None, "en", "de", "fr"):
        assert _gallery(text, text.lower(), language) == bool(_GALLERY(language).match(text)), language
