"""The mojibake pre-check: ftfy is skipped only where it would change nothing."""

from __future__ import annotations

import ftfy
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaners.unicode import _ASTRAL_CONTROL, _CONTROL, FIX_CONFIG, fix_unicode, has_control, needs_repair

# Words in several scripts, written correctly and as the mojibake of each single-byte charset ftfy knows.
WORDS = ["café", "naïve", "São Paulo", "Zürich", "привет", "Ελλάδα", "łódź", "it’s", "“quote”", "– dash", "€5"]
CHARSETS = ["latin-1", "cp1252", "cp1251", "cp1250", "cp1253", "iso-8859-2", "mac_roman", "cp437"]


# Characters whose UTF-8 holds the byte 0xA0 after a two-, three- or four-byte lead: their mojibake
# shows a no-break space, which copy and paste often turns into a space (ftfy restores those).
NBSP_WORDS = ["à la", "⠁", "㠁", "𠀀", "†"]


def _mojibake(word: str, charset: str) -> str:
    return word.encode("utf-8").decode(charset, errors="replace")


def _spaced_mojibake(word: str, charset: str) -> str:
    return _mojibake(word, charset).replace("\xa0", " ")


PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.builds(_mojibake, st.sampled_from(WORDS), st.sampled_from(CHARSETS)),
    st.builds(_spaced_mojibake, st.sampled_from(NBSP_WORDS), st.sampled_from(CHARSETS)),
    st.text(st.characters(max_codepoint=0x2FFF, exclude_categories=["Cs"]), max_size=12),
    st.sampled_from([" ", "\n", "?", "\xa0", "Ã ", "Â ", "â ", "в ", "В ", "р "]),
    # Beyond U+FFFF: emoji, a flag spelt with tag characters, a musical formatting character.
    st.sampled_from(["😀", "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f", "\U0001d173", "𠀀"]),
)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(PIECES, max_size=12))
def test_text_that_passes_the_check_is_what_ftfy_would_return(pieces: list[str]) -> None:
    text = "".join(pieces)
    if not needs_repair(text):
        assert ftfy.fix_text(text, FIX_CONFIG) == text


@pytest.mark.parametrize("charset", CHARSETS[:2])
def test_utf8_read_as_a_western_charset_is_repaired(charset: str) -> None:
    broken = " ".join(_mojibake(word, charset) for word in ["café", "São Paulo", "it’s"])
    assert needs_repair(broken)
    assert fix_unicode(broken) == ("café São Paulo it’s", True)


def test_characters_beyond_the_basic_plane_count_only_when_ftfy_removes_them() -> None:
    assert not needs_repair("Good news 😀 from 𠀀 town")
    flag = "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
    assert needs_repair(f"The {flag} flag")  # tag characters are among the controls the check sends to ftfy


def test_clean_accented_and_typographic_text_skips_ftfy() -> None:
    for text in ["Café naïve à São Paulo – “quoted” text, it’s fine", "Zürich, Łódź, Ελλάδα"]:
        assert not needs_repair(text)
        assert fix_unicode(text) == (text, False)


def test_pairs_in_lines_ftfy_finds_unremarkable_skip_ftfy() -> None:
    # Cyrillic letters before "»" or a space are also what cp1251 makes of UTF-8 lead bytes, and so is
    # Portuguese "ã " in Latin-1: ftfy's badness check passes such lines, so it would change nothing.
    for text in ["Привет, «мир» — мир да", "A votação não terminou. São Paulo ganhou a ação em maçã "]:
        assert not needs_repair(text)
        assert ftfy.fix_text(text, FIX_CONFIG) == text


def test_a_lost_no_break_space_after_a_long_lead_counts_only_before_a_continuation() -> None:
    # "㠁" in UTF-8 is E3 A0 81: read as cp1252 with the no-break space lost, "ã " and "" remain.
    assert needs_repair(_spaced_mojibake("The 㠁 sign and the café", "cp1252"))
    # Russian "в " (0xE2 and a space in cp1251) before a letter is no such sequence.
    assert not needs_repair("Он живёт в Москве и работает в центре\n" * 3)


def test_only_the_line_with_mojibake_decides() -> None:
    text = "Привет, «мир» — мир да\nthe café\u2019s menu: cafÃ© au lait\nSão Paulo"
    assert needs_repair(text)
    assert fix_unicode(text) == ("Привет, «мир» — мир да\nthe café’s menu: café au lait\nSão Paulo", True)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.text(st.characters(), max_size=40)
    | st.text(st.sampled_from("a\t\n\x07\x85\ud800\ufeff\ufffc\U000e0041"), max_size=8)
)
def test_the_control_table_finds_what_the_control_patterns_find(text: str) -> None:
    assert has_control(text) == bool(_CONTROL.search(text) or _ASTRAL_CONTROL.search(text))


def test_a_character_whose_last_byte_was_lost_stays_visible_instead_of_becoming_another() -> None:
    # ” is E2 80 9D; 0x9D is no Windows-1252 character, so the mojibake keeps "â€" and loses the rest.
    lost = "He was waiting,” said the man.".encode().decode("cp1252", errors="ignore")
    assert lost == "He was waiting,â€ said the man."
    assert fix_unicode(lost) == ("He was waiting,\ufffd said the man.", True)
    # The line's other mojibake is still repaired, and a space lost after "Ã" still restored.
    assert fix_unicode("He said â€œhelloâ€ and left.")[0] == "He said “hello\ufffd and left."
    assert fix_unicode("Il est allÃ© Ã  Paris.")[0] == "Il est allé à Paris."
