"""Repair mojibake without rewriting legitimate typography."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import ftfy
import numpy as np
from ftfy.badness import is_bad
from ftfy.chardata import CHARMAP_ENCODINGS  # also registers ftfy's "sloppy" codecs

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

# ftfy costs ~2-5 ms per article, and most articles hold no mojibake; `needs_repair` tells cheaply
# whether ftfy could change anything, erring on the side of running it.
# - Its other repairs concern control characters, C1 controls, surrogates, U+FFFD and a few
#   invisible format characters.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffd\ufeff\u206a-\u206f\ufff9-\ufffc]")
# The same beyond the Basic Multilingual Plane.
_ASTRAL_CONTROL = re.compile("[\U0001d173-\U0001d17a\U000e0000-\U000e007f]")
# - Its encoding repair only acts on UTF-8 decoded as a single-byte charset: a character that a
#   UTF-8 lead byte (0xC2-0xF4) becomes in one of ftfy's charsets, followed by one that a
#   continuation byte (0x80-0xBF) becomes in the same charset, or by the space or "?" that a lost
#   no-break space or an unmappable byte turned into (ftfy.chardata.ALTERED_UTF8_RE, LOSSY_UTF8_RE).
#   Every such pair, from ftfy's own charset list:
_LEAD_BYTES = bytes(range(0xC2, 0xF5))
_CONTINUATION_BYTES = bytes(range(0x80, 0xC0))
# ftfy restores a no-break space turned into a space right after these lead bytes (chardata.ALTERED_UTF8_RE)
# of two-byte sequences, and of three- and four-byte ones only when a continuation byte follows the space.
_SPACED_LEAD_BYTES = b"\xc2\xc3\xc5\xce\xd0\xd9"
_SPACED_LONG_LEAD_BYTES = b"\xe2\xe3\xf0"


@functools.cache
def _mojibake_pairs() -> frozenset[str]:
    """Return every two characters that may start a repair, and every three for a long lead and a space."""
    pairs: set[str] = set()
    for encoding in CHARMAP_ENCODINGS:
        leads = _decode_each(_LEAD_BYTES, encoding)
        continuations = _decode_each(_CONTINUATION_BYTES, encoding)
        pairs.update(lead + cont for lead in leads for cont in continuations)
        if encoding != "macroman":  # where ftfy does not look for them: "– " would be a false alarm
            pairs.update(lead + " " for lead in _decode_each(_SPACED_LEAD_BYTES, encoding))
            # Three characters: Russian "в " is cp1251's 0xE2 and a space, in almost every line.
            long_leads = _decode_each(_SPACED_LONG_LEAD_BYTES, encoding)
            pairs.update(lead + " " + cont for lead in long_leads for cont in continuations)
            pairs.update(lead + "?" for lead in _decode_each(b"\xc2\xc3", encoding))
    return frozenset(pairs)


def _decode_each(data: bytes, encoding: str) -> set[str]:
    return {bytes([byte]).decode(encoding, errors="replace") for byte in data}


@functools.cache
def _pair_start() -> re.Pattern[str]:
    """Match where a mojibake pair may start: a non-ASCII first character of a pair, before a second one of its kind.

    One class of first characters opens the pattern (the regex engine then skips to them in C), and
    each kind of pair checks its own follower: a letter that only pairs with a continuation character
    is no candidate before a space (Cyrillic text has hundreds of those, each a turn of the loop below).
    """
    pairs = [p for p in _mojibake_pairs() if not p[0].isascii()]

    def chars(items: Iterable[str]) -> str:
        return "[" + re.escape("".join(sorted(set(items)))) + "]"

    continued = [p for p in pairs if len(p) == 2 and p[1] not in " ?"]
    spaced = [p[0] for p in pairs if p[1:] == " "]
    questioned = [p[0] for p in pairs if p[1:] == "?"]
    long_spaced = [p for p in pairs if len(p) == 3]
    kinds = [
        f"(?<={chars(p[0] for p in continued)})(?={chars(p[1] for p in continued)})",
        f"(?<={chars(spaced)})(?= )",
        f"(?<={chars(questioned)})(?=\\?)",
        f"(?<={chars(p[0] for p in long_spaced)})(?= {chars(p[2] for p in long_spaced)})",
    ]
    # A first character, then (one test: most first characters are letters before another letter)
    # any second character, then the kind of pair.
    return re.compile(f"{chars(p[0] for p in pairs)}(?={chars(p[1] for p in pairs)})(?:{'|'.join(kinds)})")


@functools.cache
def _control_table() -> np.ndarray:
    """Return, for every code point, whether it is one of the characters _CONTROL and _ASTRAL_CONTROL match."""
    everything = np.arange(0x110000, dtype=np.uint32).tobytes().decode("utf-32-le", errors="surrogatepass")
    table = np.zeros(0x110000, dtype=bool)
    for pattern in (_CONTROL, _ASTRAL_CONTROL):
        for match in pattern.finditer(everything):
            table[match.start()] = True
    return table


def has_control(text: str) -> bool:
    """Tell whether `text` holds a character of _CONTROL or _ASTRAL_CONTROL (a table lookup: ~0.4 of a search)."""
    points = np.frombuffer(text.encode("utf-32-le", errors="surrogatepass"), dtype=np.uint32)
    return bool(np.take(_control_table(), points).any())


def needs_repair(text: str) -> bool:
    """Tell whether `text` holds anything a mojibake repair could touch."""
    if has_control(text):
        return True
    if text.isascii():
        return False
    # The class pair finds candidates in C; the exact pair list decides (most candidates are not pairs:
    # "é" before "’" is both a first and a second character, of different charsets).
    pairs, search = _mojibake_pairs(), _pair_start().search
    match = search(text)
    while match is not None:
        start = match.start()
        if text[start : start + 2] not in pairs and text[start : start + 3] not in pairs:
            match = search(text, start + 1)
            continue
        # ftfy fixes a text line by line, and repairs an encoding only in a line its badness
        # heuristic flags: Portuguese "ã " and Russian "в " are pairs, in lines it leaves alone.
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start) + 1 or len(text)
        if is_bad(text[line_start:line_end]):
            return True
        match = search(text, line_end)
    return False


@functools.cache
def _lost_third_byte() -> re.Pattern[str]:
    """Match the first two characters of a three-byte UTF-8 character read as Windows-1252, before a space.

    The third byte was lost (0x9D, the last byte of a closing quote, is no Windows-1252 character and
    drops out): ftfy reads the space as a lost no-break space and makes "waiting,â€ said" a dagger,
    "waiting,†said". Such a pair becomes U+FFFD before the repair: the loss stays visible.
    """
    leads = _decode_each(b"\xe2\xe3", "sloppy-windows-1252")
    continuations = _decode_each(_CONTINUATION_BYTES, "sloppy-windows-1252")
    return re.compile(f"[{re.escape(''.join(sorted(leads)))}][{re.escape(''.join(sorted(continuations)))}](?= )")


def fix_unicode(text: str) -> tuple[str, bool]:
    """Repair mojibake in `text`; return the text and whether anything changed."""
    if not needs_repair(text):
        return text, False
    lost = _lost_third_byte()
    if lost.search(text):
        # Only in lines ftfy takes for mojibake: "ã" and "â" before a symbol and a space are rare, not wrong.
        text_lines = text.splitlines(keepends=True)
        masked = "".join(lost.sub("\ufffd", line) if is_bad(line) else line for line in text_lines)
        fixed = ftfy.fix_text(masked, FIX_CONFIG)
    else:
        fixed = ftfy.fix_text(text, FIX_CONFIG)
    return fixed, fixed != text
