"""Repair mojibake without rewriting legitimate typography."""

from __future__ import annotations

import re

import ftfy

# Repair encodings only: typographic quotes, ligatures, full-width forms and line
# breaks are legitimate text, so those fixers are off. Normalization is off too, so
# that `changed` means "mojibake was repaired", not "NFC recomposed an accent".
FIX_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=True,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=True,
    normalization=None,
    explain=False,
)

# ftfy costs ~3 ms per article. UTF-8 read as Latin-1/cp1252 always yields a lead
# character in U+00C2..U+00F4, and the other repairs concern control characters,
# C1 controls, surrogates or U+FFFD, so text without any of these is returned
# untouched at no cost.
_SUSPECT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\xff\ud800-\udfff\ufffd]")


def needs_repair(text: str) -> bool:
    """Tell whether `text` holds any character that a mojibake repair could touch."""
    return _SUSPECT.search(text) is not None


def fix_unicode(text: str) -> tuple[str, bool]:
    """Repair mojibake in `text`; return the text and whether anything changed."""
    if not needs_repair(text):
        return text, False
    fixed = ftfy.fix_text(text, FIX_CONFIG)
    return fixed, fixed != text
