"""Line rules: each names one kind of chrome and selects the lines that are that kind.

A rule subclasses `Rule` and overrides one method: `matches(line, doc)` for a verdict
on a single line, or `select(doc, config)` when the verdict depends on other lines
(repetition, lists under a header, restatement of the body). Rules never edit text;
the engine in `cleaners.text` removes what they select and records the rule's name.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import ClassVar

import numpy as np

from cleaners.batching import sized_runs
from cleaners.config import CleanConfig
from cleaners.dates import is_clock_time, is_date_stamp
from cleaners.lexicon import (
    AGE_NOTICES,
    AGE_UNITS,
    AND_WORDS,
    APPEAL_OPENINGS,
    APPEAL_STEMS,
    BIO_COPULAS,
    BIO_ROLES,
    BLURB_VERBS,
    BYLINE_CONNECTORS,
    BYLINE_OPENERS,
    BYLINE_WORDS,
    CAPTION_NOTICES,
    CHANNEL_STEMS,
    CHANNEL_WORDS,
    COMMENT_FORM,
    COMMENT_PROMPTS,
    COMMENT_WORDS,
    CONTACT_LABELS,
    CONTACT_PHRASES,
    CREDIT_LABELS,
    CREDIT_LINE_OPENINGS,
    CREDIT_LINE_PHRASES,
    CREDIT_NOUNS,
    DATE_PARTICLES,
    EMBED_NOTICES,
    FIGURE_LABELS,
    FILE_WORDS,
    FOLLOW_VERBS,
    GALLERY_NOUNS,
    GALLERY_WORDS,
    HOME_WORDS,
    INBOX_PHRASES,
    LIST_HEADERS,
    META_FOOTER,
    META_LABELS,
    META_PREPOSITIONS,
    META_VERBS,
    MODERATION_STEMS,
    MONTH_NAMES,
    MORE_WORDS,
    NAV_DIRECTIONS,
    NAV_ITEMS,
    NEW_WINDOW,
    OF_WORDS,
    PAYWALL_METERS,
    PAYWALL_NOTICES,
    PAYWALL_OBJECTS,
    PICTURE_DETERMINERS,
    PICTURE_KINDS,
    PICTURE_LABELS,
    PICTURE_NOUNS,
    PICTURE_POSITIONS,
    PICTURE_SIDES,
    PICTURE_VERBS,
    PICTURED_PHRASES,
    POST_SHARED_BY,
    PROMPT_PREFIXES,
    READ_FULL,
    READING_LABELS,
    READING_TIME,
    SHARE_BUTTONS,
    SHARE_LINKERS,
    SHOP_NOTICES,
    SIGNUP_BUTTONS,
    SIGNUP_OBJECTS,
    SIGNUP_PHRASES,
    SOURCE_LABELS,
    STORY_NOUNS,
    TAXONOMY_LABELS,
    TEASER_PREFIXES,
    TO_TOP,
    VIEW_ALL,
    WE_WORDS,
    WEEKDAY_NAMES,
    WIDGET_LINES,
    YOU_WORDS,
    phrases,
)
from cleaners.lines import CLOSERS, LIST_MARKS, Doc, Line, holds_any, strip_edges
from cleaners.patterns import DIGIT, UPPER, LexiconPattern, literal, search_from_digit, word_alternation
from cleaners.shingles import SHORT_TEXTS, line_trigrams, restated

# What a removed line was, for the `captions` and `related` columns.
CAPTION = "caption"
RELATED = "related"
CHROME = "chrome"

_I = re.IGNORECASE

AGENCIES = (
    r"Getty Images|Getty|AFP|AP Photo|AP|Associated Press|Reuters|REUTERS|EPA|EPA-EFE|PA Wire|"
    r"PA Media|PA|Press Association|Shutterstock|Alamy|iStock|iStockphoto|Rex Features|REX|"
    r"Bloomberg|Xinhua|Sipa USA|Sipa|Anadolu Agency|Anadolu|TASS|Sputnik|dpa|DPA|EFE|ANSA|"
    r"Statista|NurPhoto|SOPA Images|Zuma Press|ZUMA|Imago|IMAGO|Keystone|Kyodo|Yonhap|"
    r"Corbis|WireImage|Flickr|Wikimedia Commons|Unsplash|Pexels|NASA|ESA|Handout|HANDOUT|PAP|"
    r"Lusa|ANP|Belga|Europa Press|Agência Brasil|Adnkronos|LaPresse"
)
_AGENCY_NAMES = AGENCIES.split("|")
# After a comma, "PA" is more often Pennsylvania ("Allentown, PA") than the Press Association, whose
# credits come as "/PA", "(PA)", "PA Wire" or "PA Media".
_COMMA_AGENCY_NAMES = [name for name in _AGENCY_NAMES if name != "PA"]
COMMA_AGENCIES = "|".join(_COMMA_AGENCY_NAMES)


def _phrase_regex(items: Iterable[str], *, whole: bool) -> re.Pattern[str]:
    """Compile phrases into one pattern: whole-line keys, or prefixes followed by a word boundary."""
    keys = {strip_edges(p.casefold()) if whole else p.casefold() for p in items}
    alternatives = "|".join(sorted((literal(k) for k in keys if k), key=len, reverse=True))
    if whole:
        return re.compile(rf"^(?:{alternatives})$", _I)
    return re.compile(rf"^(?:{alternatives})(?=\W|$)", _I)


_SEPARATOR = re.compile(r"^\s*[:|»›>\-–—►▶▸➤➜➔→⇒]+\s*(?=\S)")


class Rule:
    """A named kind of chrome; subclasses override `matches` or `select`."""

    name: ClassVar[str] = "rule"
    kind: ClassVar[str] = CHROME

    # The rule's word patterns (cleaners.patterns.LexiconPattern), for `languages`.
    lexicon_patterns: ClassVar[tuple[LexiconPattern, ...]] = ()

    def languages(self) -> tuple[str, ...]:
        """Return the languages whose phrase tables the rule reads (none: it reads no words)."""
        return tuple(sorted({lang for pattern in self.lexicon_patterns for lang in pattern.languages}))

    def matches(self, line: Line, doc: Doc) -> bool:
        """Tell whether `line` is this kind of chrome."""
        raise NotImplementedError

    def select(self, doc: Doc, config: CleanConfig) -> Iterable[int]:
        """Return the indices of the alive lines this rule removes."""
        return [ln.index for ln in doc.alive() if self.matches(ln, doc)]

    def prepare(self, docs: Sequence[Doc], config: CleanConfig) -> None:
        """Compute for several documents at once what `select` will need (by default nothing)."""

    @property
    def line_local(self) -> bool:
        """Tell whether the verdict on a line depends on that line alone (the rule only defines `matches`)."""
        return type(self).select is Rule.select


class PatternRule(Rule):
    """A rule that is one regular expression searched in short lines; subclasses set the class fields."""

    # A fixed pattern, or one filled with the document's language's words.
    pattern: ClassVar[re.Pattern[str] | LexiconPattern]
    max_words: ClassVar[int] = 40
    # Quoted speech is prose even when it carries the rule's words.
    skip_quotes: ClassVar[bool] = False
    # Lower-cased strings one of which every match of `pattern` holds (checked first: a substring
    # test is far cheaper than a search); empty: always search.
    needs: ClassVar[tuple[str, ...]] = ()

    def matches(self, line: Line, doc: Doc) -> bool:
        """Match a line of at most `max_words` words in which `pattern` is found."""
        if line.n_words > self.max_words or (self.skip_quotes and line.has_quote):
            return False
        needs = self.needs_for(doc.language)
        if needs and not holds_any(line.lower, needs):
            return False
        return self.compiled(doc.language).search(line.core.strip()) is not None

    def needs_for(self, language: str | None) -> tuple[str, ...]:
        """Return the lower-cased strings one of which every match holds in a document in `language`."""
        return self.needs

    def compiled(self, language: str | None) -> re.Pattern[str]:
        """Return the rule's pattern for a document in `language` (None: unknown, every language's words)."""
        return self.pattern(language) if isinstance(self.pattern, LexiconPattern) else self.pattern

    def languages(self) -> tuple[str, ...]:
        """Return the languages of the pattern's phrase tables."""
        return self.pattern.languages if isinstance(self.pattern, LexiconPattern) else ()


class _LexiconRule(Rule):
    """Match lines against a per-language phrase table, compiled once per language."""

    table: ClassVar[dict[str, tuple[str, ...]]]
    whole: ClassVar[bool] = True

    def __init__(self) -> None:
        self._cache: dict[str | None, re.Pattern[str]] = {}

    def languages(self) -> tuple[str, ...]:
        """Return the languages of the rule's phrase table."""
        return tuple(sorted(set(self.table) | set(super().languages())))

    def pattern(self, language: str | None) -> re.Pattern[str]:
        """Return the compiled phrase pattern for `language`."""
        if language not in self._cache:
            self._cache[language] = _phrase_regex(phrases(self.table, language), whole=self.whole)
        return self._cache[language]


# --- widgets and markup -------------------------------------------------------------

_GALLERY = LexiconPattern(
    r"^(?:(?:⟨noun⟩)s?\s*)?\d{1,3}\s*(?:⟨of⟩|/)\s*/?\s*\d{1,3}$"
    r"|^(?:⟨noun⟩)s?\s+\d{1,3}\s*(?:⟨of⟩|/)\s*/?\s*\d{0,3}$"
    r"|^(?:⟨view_all⟩)\s*\(\d+\)$|^\(?\d+\s+(?:⟨noun⟩)s\)?$"
    r"|^.{0,60}\b(?:⟨gallery⟩)$",
    _I,
    noun=GALLERY_NOUNS,
    of=OF_WORDS,
    gallery=GALLERY_WORDS,
    view_all=VIEW_ALL,
)
_SOCIAL_ITEMS = (
    r"facebook|twitter|x|google\+?|whatsapp|linkedin|pinterest|reddit|telegram|messenger|flipboard|"
    r"tumblr|vk|line|pocket|⟨button⟩"
)
# A row of share buttons, or one with what it shares or where: "Compartir en Facebook", "Artikel teilen"
# (a row of linkers alone, "on this", is none: _SOCIAL_ITEM then finds no button or network).
_SOCIAL = LexiconPattern(
    rf"^(?:(?:{_SOCIAL_ITEMS}|⟨linker⟩)\s*[|,/·•:]?\s*){{2,}}$", _I, button=SHARE_BUTTONS, linker=SHARE_LINKERS
)
_SOCIAL_ITEM = LexiconPattern(rf"\b(?:{_SOCIAL_ITEMS})\b", _I, button=SHARE_BUTTONS)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_SENTENCE_ENDS = (".", "!", "?")


def _gallery(core: str, lower: str, language: str | None) -> bool:
    """Tell whether a line is a gallery counter or label (every match has a digit or ends in a gallery word)."""
    if DIGIT.search(core) is None and not lower.rstrip().endswith(phrases(GALLERY_WORDS, language)):
        return False
    return _GALLERY(language).match(core) is not None


_SHARED_BY = LexiconPattern(r"^(?:⟨shared_by⟩)\b", _I, shared_by=POST_SHARED_BY)
# A widget's label with its count: "Kommentare (12)", "Comments 3", "12 Kommentare".
_COUNT = re.compile(r"\s*\(?\d{1,6}$|^\d{1,6}\s+")
# A paywall's notice beside the article or its rest it keeps ("La suite est réservée aux abonnés."),
# and its meter said to the reader ("Il vous reste 75% de cet article à lire.").
_PAYWALL = LexiconPattern(
    r"(?<!\w)(?:⟨object⟩).{0,60}(?:⟨notice⟩)|(?:⟨notice⟩).{0,60}(?<!\w)(?:⟨object⟩)"
    r"|(?<!\w)(?:⟨you⟩)(?!\w).{0,40}(?:⟨meter⟩)",
    _I,
    object=PAYWALL_OBJECTS,
    notice=PAYWALL_NOTICES,
    you=YOU_WORDS,
    meter=PAYWALL_METERS,
)
_EMPTY_ITEMS = frozenset(LIST_MARKS)
# A link's label that says it opens another window: "Click to share on Twitter (Opens in new window)".
_NEW_WINDOW = LexiconPattern(r"\((?:⟨phrase⟩)\)$", _I, phrase=NEW_WINDOW)


# The services that fill a page's recommendation boxes, named in the box's label ("Recommended by
# Outbrain", "Gesponsert von Taboola") whatever the language.
_RECOMMENDERS = re.compile(r"\b(?:outbrain|taboola|plista|revcontent|mgid|zergnet|ligatus)\b", _I)
_RECOMMENDER_LABEL_WORDS = 6


class WidgetRule(_LexiconRule):
    """Widget, share-bar and gallery debris: "Advertisement", "Image 1 of 9", "Oops!"."""

    name = "widget"
    lexicon_patterns = (_GALLERY, _SOCIAL, _SHARED_BY, _NEW_WINDOW, _PAYWALL)
    table = WIDGET_LINES  # type: ignore[assignment]

    def matches(self, line: Line, doc: Doc) -> bool:
        """Match a whole line of known debris, a gallery counter or a row of share buttons."""
        if line.n_words > 12:
            return False
        core = line.core.strip()
        pattern = self.pattern(doc.language)
        if pattern.match(line.key) or _gallery(core, line.lower, doc.language):
            return True
        if _SOCIAL(doc.language).match(core) and _SOCIAL_ITEM(doc.language).search(core):
            return True
        counted = line.key[-1:].isdigit() or line.key[:1].isdigit()
        if counted and (label := _COUNT.sub("", line.key)) != line.key and label and pattern.match(label):
            return True
        if _SHARED_BY(doc.language).match(core):
            return True
        if core.endswith(")") and _NEW_WINDOW(doc.language).search(core):
            return True
        if holds_any(line.lower, self._paywall(doc.language)) and _PAYWALL(doc.language).search(core):
            return True
        if not line.key and core in _EMPTY_ITEMS:  # a list item left without its text (an icon's)
            return True
        if line.n_words <= _RECOMMENDER_LABEL_WORDS and _RECOMMENDERS.search(core):
            return True
        # Debris comes in runs of stock phrases: "Oops! Something went wrong. Please try again later."
        if not holds_any(core, _SENTENCE_ENDS):  # one sentence: nothing to split
            return False
        parts = [strip_edges(p).casefold() for p in _SENTENCE_END.split(core)]
        return len(parts) > 1 and all(p and pattern.match(p) for p in parts)

    @staticmethod
    @functools.cache
    def _paywall(language: str | None) -> tuple[str, ...]:
        """Return the paywall notices and meters of `language`, for a cheap look before the pattern."""
        return (*phrases(PAYWALL_NOTICES, language), *phrases(PAYWALL_METERS, language))


_MARKUP = re.compile(
    r"&(?:amp;)*(?:lt|gt|quot|nbsp|#\d+);.*&(?:amp;)*(?:lt|gt|quot|nbsp|#\d+);"
    r"|</?(?:a|p|div|span|img|br|hr|iframe|script|style|ul|ol|li|table|tr|td|th|em|strong|b|i|u|h[1-6]|"
    r"figure|figcaption|section|article|aside|header|footer|nav|form|input|button|label|noscript|"
    r"source|picture|video|audio|svg|path|meta|link|blockquote|small|sup|sub|center|font)(?:\s[^<>]*)?/?>"
    r"|\bdata-[a-z-]+=|\{\s*[\"']?[\w-]+[\"']?\s*:|^\s*(?:function\s*\(|var |window\.|document\.)",
    _I,
)


class MarkupRule(PatternRule):
    """Leaked HTML, entity soup or script fragments."""

    name = "markup"
    pattern = _MARKUP
    max_words = 10_000
    needs = ("&", "<", "{", "data-", "function", "var ", "window.", "document.")


_METADATA = re.compile(
    r"^(?:https?://\S+/)?\S+\.(?:jpe?g|png|gif|webp|avif|svg)(?:\?\S*)?$"
    r"|^(?:19|20)\d{2}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$",
    _I,
)


_READING_TIME = LexiconPattern(
    r"(?<!\w)(?:⟨phrase⟩)(?!\w)|^(?:⟨label⟩)\s*:?\s*\d{1,3}\s*min(?!\w)|^\d{1,3}\s*min\.?\s*(?:⟨label⟩)$",
    _I,
    phrase=READING_TIME,
    label=READING_LABELS,
)
# A reading-time note is a label and a duration: "Estimated reading time: 6 minutes".
_READING_TIME_WORDS = 10


class MetadataRule(PatternRule):
    """Page metadata printed as lines of their own: an ISO timestamp, an image's file name or URL, the reading time.

    Not a bare link: deal pages and reference lists print links as their content.
    """

    name = "metadata"
    pattern = _METADATA
    lexicon_patterns = (_READING_TIME,)
    max_words = 60
    # Every match of the pattern holds a colon (the time) or a dot (the file name).
    needs = (":", ".")

    def matches(self, line: Line, doc: Doc) -> bool:
        """Match a line of metadata, or a short one that gives the reading time."""
        short = line.n_words <= _READING_TIME_WORDS
        if (
            short
            and holds_any(line.lower, self._reading(doc.language))
            and _READING_TIME(doc.language).search(line.core)
        ):
            return True
        return super().matches(line, doc)

    @staticmethod
    @functools.cache
    def _reading(language: str | None) -> tuple[str, ...]:
        return tuple(p.lower() for table in (READING_TIME, READING_LABELS) for p in phrases(table, language))

    def languages(self) -> tuple[str, ...]:
        """Return the languages of the reading-time table."""
        return Rule.languages(self)


# --- captions and credits -----------------------------------------------------------

_CREDIT_PAREN = LexiconPattern(
    r"\((?:[^()]*\b(?i:⟨credit⟩|⟨source⟩)s?\b[^()]*"
    rf"|[^()]*\b(?:{AGENCIES})\b[^()]{{0,40}}"
    rf"|(?:[{UPPER}][\w.'’&-]*\s?){{1,4}}/\s?(?:[{UPPER}][\w.'’&-]*\s?){{1,5}}[^()]{{0,20}})\)\s*$",
    credit=CREDIT_NOUNS,
    source=SOURCE_LABELS,
)
# "…, installation views, photos © Studio, 2018": a credit closing a short line.
_CREDIT_TAIL = LexiconPattern(
    r"\b(?:⟨credit⟩)s?\s*(?:©|\(c\)|:|(?:⟨by⟩)\b)\s*[^.;!?]{1,50}(?:,\s*(?:19|20)\d{2})?\.?$"
    r"|(?:^|[.,;|]\s*)©\s*[\w][\w.&'’ /-]{1,40}(?:,\s*(?:19|20)\d{2})?\.?$",
    _I,
    credit=CREDIT_NOUNS,
    by=BYLINE_WORDS,
)
_CREDIT_PREFIX = LexiconPattern(
    # "Credit...Jane Doe for The Times": an ellipsis sets the label off too.
    r"^(?:(?:⟨credit⟩)s?\s*(?::|\.{2,3}|…|©|(?:⟨by⟩)\b|(?:⟨credit⟩)\b)|(?:⟨label⟩)(?!\w)|©|ⓒ|\(c\)\s)",
    _I,
    credit=CREDIT_NOUNS,
    by=BYLINE_WORDS,
    label=CREDIT_LABELS,
)
_CREDIT_SUFFIX = LexiconPattern(
    rf"(?:(?:[.!?\]][\s”\"’]*|\s/\s?|/)(?:[{UPPER}][\w.'’-]*\s){{0,4}}(?:{AGENCIES})"
    rf"|,\s(?:[{UPPER}][\w.'’-]*\s){{0,4}}(?:{COMMA_AGENCIES}))"
    r"(?:\s?/\s?[\w .'’-]{2,40})?(?:,?\s{1,14}(?i:⟨file⟩))?\.?\s*$",
    file=FILE_WORDS,
)
# Every match of _CREDIT_SUFFIX ends a line without trailing space, its agency at most 76 characters and
# the longest archive word before the end: an agency there is looked for first (a search of the whole
# line costs ~5x more).
# A trie of the names: the flat alternation tried each of them at every capital (and every "d").
_AGENCY_TRIE = word_alternation(_AGENCY_NAMES)
_AGENCY = re.compile(_AGENCY_TRIE)
_AGENCY_REACH = 76 + max(map(len, phrases(FILE_WORDS, None)))
# Words are taken whole (possessive: giving back a word character never makes room for the space or
# comma after it), and the agencies as a trie: on prose, a flat alternation tried every name.
_CREDIT_ONLY = re.compile(
    rf"^(?:[\w.'’-]++\s){{0,5}}+[\w.'’-]++,\s*(?:{word_alternation(_COMMA_AGENCY_NAMES)})"
    r"(?:\s?/\s?[\w .'’-]{2,40})?$"
    rf"|^(?:{_AGENCY_TRIE})(?:\s?/\s?[\w .'’-]{{2,40}})?$",
    _I,
)
# "Photo: …" opening a line.
_CREDIT_LABEL = LexiconPattern(r"^(?:⟨credit⟩)s?\s*:", _I, credit=CREDIT_NOUNS)
_GETTY_DATELINE = LexiconPattern(
    r"^[A-Z][A-Z .'’-]+,(?:\s*[A-Z][A-Z .'’-]+,)?\s*[A-Z][A-Z .'’-]+\s*[-–—]\s*"
    r"(?i:⟨month⟩)\.?\s+\d{1,2}(?:,\s*\d{4})?\s*:",
    month=MONTH_NAMES,
)
# Caption conventions, each a pattern and what its matches hold (lower-cased): only the kinds whose
# words a line holds are searched (one alternation of them all had no quick scan and cost ~15 us on
# every line with a bracket).
_CAPTION_MARKER_KINDS = (
    LexiconPattern(r"(?<!\w)(?:⟨notice⟩)", _I, notice=CAPTION_NOTICES),
    LexiconPattern(r"\((?:⟨position⟩)\)", _I, position=PICTURE_POSITIONS),
    LexiconPattern(r",\s(?:⟨side⟩),\s", side=PICTURE_SIDES),
    LexiconPattern(r"(?<!\w)(?:⟨pictured⟩)(?!\w)", _I, pictured=PICTURED_PHRASES),
)
_CAPTION_MARKER_NEEDS: tuple[tuple[str, ...] | None, ...] = (None, ("(",), None, None)
# "In this file photo taken …", "Auf diesem Foto …", "Pictured: …".
_CAPTION_MARKERS_START = LexiconPattern(
    r"(?:⟨det⟩) (?:(?:⟨kind⟩) )?(?:⟨noun⟩)(?: (?:⟨verb⟩)(?!\w)|,)|(?:⟨label⟩)\s*:"
    r"|(?:⟨figure⟩)\.?\s*\d{1,3}[a-z]?\s*[:.]\s",
    _I,
    det=PICTURE_DETERMINERS,
    kind=PICTURE_KINDS,
    noun=PICTURE_NOUNS,
    verb=PICTURE_VERBS,
    label=PICTURE_LABELS,
    figure=FIGURE_LABELS,
)
# AP-style captions give the weekday and the full date ("Tuesday, Feb. 15, 2022", "Dienstag, 15. Februar
# 2022"); prose says "on Tuesday".
_WEEKDAY_DATE = LexiconPattern(
    r"(?<!\w)(?:⟨weekday⟩),?\s+(?:(?:⟨month⟩)\.?\s+\d{1,2},|\d{1,2}\.?\s+(?:(?:⟨particle⟩)\s+)?(?:⟨month⟩)\.?"
    r"(?:\s+(?:⟨particle⟩))?)\s+(?:19|20)\d{2}\b",
    _I,
    weekday=WEEKDAY_NAMES,
    month=MONTH_NAMES,
    particle=DATE_PARTICLES,
)


@functools.cache
def _marker_needs(language: str | None) -> tuple[tuple[str, ...], ...]:
    """Return, per caption convention, the lower-cased words one of which each of its matches holds."""
    tables = (CAPTION_NOTICES, None, PICTURE_SIDES, PICTURED_PHRASES)
    return tuple(
        fixed or tuple(max(p.split(), key=len) for p in phrases(table, language))  # type: ignore[arg-type]
        for fixed, table in zip(_CAPTION_MARKER_NEEDS, tables, strict=True)
    )


# What a match of _CREDIT_ONLY needs, tested first (most lines are prose, and the pattern is costly on
# them): a colon ("Photo:"); or an agency and "/ source" (up to 43 characters, and a final newline)
# as the whole line, or after the line's first comma with at most six words before it.
_CREDIT_ONLY_WORDS = 6
_CREDIT_ONLY_LONGEST = max(map(len, _AGENCY_NAMES)) + 43 + 1


def _may_be_credit_only(text: str) -> bool:
    """Tell whether `text` may match _CREDIT_ONLY (False only when it cannot)."""
    if len(text) <= _CREDIT_ONLY_LONGEST or ":" in text:
        return True
    comma = text.find(",")
    if comma <= 0 or len(text[comma + 1 :].lstrip()) > _CREDIT_ONLY_LONGEST:
        return False
    return len(text[:comma].split(None, _CREDIT_ONLY_WORDS)) <= _CREDIT_ONLY_WORDS


def _credit_only(line: Line, language: str | None) -> bool:
    """Tell whether a line is only a picture credit ("Al Goldis, Associated Press"), once for all passes."""

    def judge(ln: Line) -> bool:
        if not _may_be_credit_only(ln.core):
            return False
        return _CREDIT_ONLY.match(ln.core) is not None or _CREDIT_LABEL(language).match(ln.core) is not None

    return line.remember("credit_only", judge)


class CaptionCreditRule(Rule):
    """Photo captions and credits: "(Photo by X/AFP via Getty Images)", "(PA)", "Photo: X, AP"."""

    name = "caption_credit"
    lexicon_patterns = (_CREDIT_PAREN, _CREDIT_PREFIX, _CREDIT_TAIL, _CREDIT_SUFFIX)
    kind = CAPTION

    def matches(self, line: Line, doc: Doc) -> bool:
        """Match a line that carries a picture credit at its end or start, or is one."""
        text = line.core
        # Captions are short: on the dev pages no removal past 40 words was right (bench/quality.py
        # --rule caption_credit); a paragraph that closes on a source note "(… dpa)" is prose.
        if line.n_words > 50:
            return False
        # Every credit in brackets closes the line.
        if text.rstrip().endswith(")") and _CREDIT_PAREN(doc.language).search(text) and not self._quoted_tail(text):
            return True
        if _CREDIT_PREFIX(doc.language).match(text) or _credit_only(line, doc.language):
            return True
        tail_words = (*phrases(CREDIT_NOUNS, doc.language), "©")
        if line.n_words <= 40 and holds_any(line.lower, tail_words) and _CREDIT_TAIL(doc.language).search(text):
            return True
        if line.n_words > 90 or _AGENCY.search(text, max(0, len(text) - _AGENCY_REACH)) is None:
            return False
        return _CREDIT_SUFFIX(doc.language).search(text) is not None

    @staticmethod
    def _quoted_tail(text: str) -> bool:
        # "… said the spokesman (Reuters)" inside a quotation is still prose.
        return text.rstrip().endswith(("”)", '")'))


class CaptionMarkerRule(Rule):
    """Captions recognised by caption conventions: "CITY, COUNTRY - MONTH D:", "(left)", "Picture date"."""

    name = "caption_marker"
    kind = CAPTION
    lexicon_patterns = (_GETTY_DATELINE, _CAPTION_MARKERS_START, *_CAPTION_MARKER_KINDS, _WEEKDAY_DATE)

    def matches(self, line: Line, doc: Doc) -> bool:
        """Match a line written in caption style rather than prose."""
        text = line.core
        if _GETTY_DATELINE(doc.language).match(text):
            return True
        if line.n_words > 90:
            return False
        # Captions are short; a paragraph that opens "This picture shows" is an essay on the picture.
        if line.n_words <= 40 and _CAPTION_MARKERS_START(doc.language).match(text):
            return True
        for needs, pattern in zip(_marker_needs(doc.language), _CAPTION_MARKER_KINDS, strict=True):
            if holds_any(line.lower, needs) and pattern(doc.language).search(text):
                return True
        if line.has_quote or line.n_words > 70 or not holds_any(line.lower, phrases(WEEKDAY_NAMES, doc.language)):
            return False
        return _WEEKDAY_DATE(doc.language).search(text) is not None


class CaptionBeforeCreditRule(Rule):
    """A caption line that stands right before a bare credit line ("Al Goldis, Associated Press")."""

    name = "caption_before_credit"
    kind = CAPTION

    def select(self, doc: Doc, config: CleanConfig) -> Iterable[int]:
        """Select the line before a line that is only a picture credit."""
        alive = doc.alive()
        hits: list[int] = []
        for prev, line in pairwise(alive):
            if line.n_words > 10 or not _credit_only(line, doc.language):
                continue
            if prev.n_words > 70 or prev.has_quote or (prev.bullet and prev.ends_sentence):
                continue
            if prev.block == line.block or not prev.ends_sentence:
                hits.append(prev.index)
        return hits


# --- teasers, related lists, prompts, navigation ------------------------------------


_TEASER_WRAP = '[(«»“”„"*_ )]'
_ELLIPSIS_SEPARATOR = re.compile(r"^\s*(?:\.{2,}|…)\s*(?=\S)")


class TeaserRule(_LexiconRule):
    """Links to other articles: "Read more: …", "Watch: …", "Related: …", "[Related: …]"."""

    name = "teaser"
    kind = RELATED
    table = TEASER_PREFIXES  # type: ignore[assignment]
    whole = False

    def matches(self, line: Line, doc: Doc) -> bool:
        """Match a teaser prefix followed by a separator and a headline."""
        if line.n_words > 40:
            return False
        # Brackets, quotes and Markdown emphasis around it: "[Related: …]", "“Read more: …”", "**Related:** …".
        core = line.core.strip().lstrip(_TEASER_WRAP).rstrip(_TEASER_WRAP)
        m = self.pattern(doc.language).match(core)
        if not m:
            return False
        # "More than 100,000 soldiers …" is prose: the prefix must be set off by a separator, or be a
        # label in capitals before a headline ("LESEN SIE AUCH Die Mieten steigen", "LIRE AUSSI. Les …").
        rest = core[m.end() :]
        if _SEPARATOR.match(rest) or _ELLIPSIS_SEPARATOR.match(rest):
            return True
        words = rest.lstrip(". ").split(maxsplit=1)
        return bool(words) and core[: m.end()].isupper() and words[0][:1].isupper() and not words[0].isupper()


_ELLIPSIS = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])$")


class ExcerptRule(Rule):
    """Other posts' excerpts: paragraphs a CMS cut to one length and ended with an ellipsis."""

    name = "excerpt"
    kind = RELATED

    def select(self, doc: Doc, config: CleanConfig) -> Iterable[int]:
        """Select the largest set of `excerpt_min_lines` or more ellipsis-ended lines of about one length.

        Writers end paragraphs with an ellipsis too, at any length; a teaser list's excerpts are cut
        at a fixed count of words or characters, so their lengths agree within `excerpt_spread`.
        """
        cut = [ln for ln in doc.alive() if ln.n_words >= 10 and _ELLIPSIS.search(ln.core.rstrip(CLOSERS + " "))]
        if len(cut) < config.excerpt_min_lines:
            return []
        best: list[Line] = []
        for line in cut:
            size = len(line.core)
            alike = [other for other in cut if abs(len(other.core) - size) <= config.excerpt_spread * size]
            if len(alike) > len(best):
                best = alike
        return [ln.index for ln in best] if len(best) >= config.excerpt_min_lines else []


_MORE_HEADER = LexiconPattern(r"^(?:⟨more⟩)(?:\b|(?<=')).{0,30}\b(?:⟨noun⟩)$", _I, more=MORE_WORDS, noun=STORY_NOUNS)


_LIST_MAX_ITEMS = 12


class ListHeaderRule(_LexiconRule):
    """A link-list header ("Related articles", "More in Politics") and the list below it."""

    name = "related_list"
    kind = RELATED
    table = LIST_HEADERS  # type: ignore[assignment]
    lexicon_patterns = (_MORE_HEADER,)

    def select(self, doc: Doc, config: CleanConfig) -> Iterable[int]:
        """Select each header and the short, unpunctuated items that follow it."""
        alive = doc.alive()
        pattern = self.pattern(doc.language)
        # "More on …", "Related coverage …": only multi-word phrases may open a longer header, so a
        # sub-heading such as "More than a game" is not taken for a list.
        prefix = self._prefix(doc.language)
        hits: list[int] = []
        i = 0
        while i < len(alive):
            line = alive[i]
            is_header = (
                line.n_words <= 6
                and not line.ends_sentence
                and bool(
                    pattern.match(line.key) or prefix.match(line.key) or _MORE_HEADER(doc.language).match(line.key)
                )
            )
            if not is_header:
                i += 1
                continue
            hits.append(line.index)
            j = i + 1
            # A link list is uniform (all bulleted or none) and short; a switch from plain items to
            # bullets, or a run past the cap, is content such as a product box or a feature list.
            while (
                j < len(alive)
                and j - i <= _LIST_MAX_ITEMS
                and self._item(alive[j], alive[i])
                and alive[j].bullet == alive[i + 1].bullet
            ):
                hits.append(alive[j].index)
                j += 1
            i = j
        return hits

    def __init__(self) -> None:
        super().__init__()
        self._prefixes: dict[str | None, re.Pattern[str]] = {}

    def _prefix(self, language: str | None) -> re.Pattern[str]:
        if language not in self._prefixes:
            phrases_with_spaces = (p for p in phrases(LIST_HEADERS, language) if " " in p)
            self._prefixes[language] = _phrase_regex(phrases_with_spaces, whole=False)
        return self._prefixes[language]

    @staticmethod
    def _item(line: Line, header: Line) -> bool:
        if line.n_words > 30:
            return False
        if line.bullet or re.match(r"^\d{1,2}[.)]?\s", line.text):
            return True
        # Unbulleted teaser headlines: short, and no sentence end unless it is a headline-ish "?".
        return not line.ends_sentence and line.n_words <= 18 and line.block <= header.block + 12


# A prompt names its channel: a network or an address (the same in every language), or a word for one.
_CHANNELS = LexiconPattern(
    r"twitter|facebook|instagram|youtube|linkedin|tiktok|whatsapp|telegram|recaptcha|https?://|www\.|@\w"
    r"|(?<!\w)(?:⟨stem⟩)|(?<!\w)(?:⟨word⟩)(?!\w)",
    _I,
    stem=CHANNEL_STEMS,
    word=CHANNEL_WORDS,
)
_NETWORKS = r"twitter|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky|mastodon"


# Prompts anywhere in a short line: "Follow us on Twitter", "… straight to your inbox", "Sign up for our
# daily newsletter", "Email the reporter at jane@…".
_PROMPT_ANYWHERE = LexiconPattern(
    rf"^(?:⟨follow⟩)\b.{{0,80}}(?:\b(?:{_NETWORKS})\b|https?://)"
    rf"|(?<!\w)(?:⟨follow⟩) [\w@.'’ ]{{1,40}}\b(?:{_NETWORKS})\b"
    r"|(?<!\w)(?:⟨inbox⟩)(?!\w)"
    r"|(?<!\w)(?:⟨signup⟩)(?!\w).*\b(?:⟨object⟩)"
    # Our newsletter, its verb last: "Hier können Sie unseren Newsletter abonnieren."
    r"|(?<!\w)(?:⟨we⟩)\s+(?:\w+\s+)?(?:⟨object⟩)(?!\w)[\s:,–-]+(?:\w+\s+){0,2}(?:⟨button⟩)\s*[.!]?$"
    r"|(?<![\w@.])(?:⟨contact⟩)(?![\w@.]).{1,40}@",  # not the name of an address: "kontakt@…"
    _I,
    follow=FOLLOW_VERBS,
    inbox=INBOX_PHRASES,
    signup=SIGNUP_PHRASES,
    object=SIGNUP_OBJECTS,
    button=SIGNUP_BUTTONS,
    we=WE_WORDS,
    contact=CONTACT_PHRASES,
)


# Contact details, a line of them: "Telefon: +49 40 300 30 | Fax: … | E-Mail: presse@…".
_CONTACT_ITEM = r"(?:⟨label⟩)\.?\s*:?\s*(?:\+?[\d(][\d ()/.–-]{5,24}\d|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
_CONTACT_DETAILS = LexiconPattern(rf"^{_CONTACT_ITEM}(?:\s*[|,;/]?\s*{_CONTACT_ITEM})*$", _I, label=CONTACT_LABELS)
_CONTACT_DETAIL_WORDS = 15

# A sign-up box flattened to one line: its pitch, then the button's label at the very end.
_SIGNUP_BUTTON = LexiconPattern(r"(?<!\w)(?:⟨button⟩)!?$", _I, button=SIGNUP_BUTTONS)


class PromptRule(_LexiconRule):
    """Newsletter, contact, social and membership prompts."""

    name = "prompt"
    table = PROMPT_PREFIXES  # type: ignore[assignment]
    lexicon_patterns = (_CHANNELS, _PROMPT_ANYWHERE, _SIGNUP_BUTTON, _CONTACT_DETAILS)
    whole = False

    def matches(self, line: Line, doc: Doc) -> bool:
        """Match a prompt opening that also names a channel (email, app, social network)."""
        # A bulleted "Sign up for …" is a step in a list of instructions, not a prompt.
        if line.n_words > 120 or line.bullet:
            return False
        core = line.core.strip()
        pattern = self.pattern(doc.language)
        # A long promo paragraph opens with the prompt: judge its first sentence (which opens the line).
        if pattern.match(core):
            first = _SENTENCE_END.split(core, maxsplit=1)[0]
            if len(first.split()) <= 45 and pattern.match(first) and _CHANNELS(doc.language).search(first):
                return True
        if line.n_words > 45:
            return False
        if line.n_words <= _CONTACT_DETAIL_WORDS and _CONTACT_DETAILS(doc.language).match(core):
            return True
        if line.n_words <= 30 and line.lower.rstrip("! ").endswith(self._buttons(doc.language)):
            button = _SIGNUP_BUTTON(doc.language).search(core)
            if button and button.start() and _CHANNELS(doc.language).search(core, 0, button.start()):
                return True
        needs = self._needs(doc.language)
        return holds_any(line.lower, needs) and _PROMPT_ANYWHERE(doc.language).search(core) is not None

    @staticmethod
    @functools.cache
    def _buttons(language: str | None) -> tuple[str, ...]:
        """Return the sign-up buttons' labels in `language`, for a cheap look at a line's end."""
        return tuple(phrases(SIGNUP_BUTTONS, language))

    @staticmethod
    @functools.cache
    def _needs(language: str | None) -> tuple[str, ...]:
        """Return what every match of _PROMPT_ANYWHERE in `language` holds, lower-cased."""
        tables = (FOLLOW_VERBS, INBOX_PHRASES, SIGNUP_PHRASES, SIGNUP_OBJECTS, CONTACT_PHRASES)
        return tuple(max(p.split(), key=len) for table in tables for p in phrases(table, language))


_NAVIGATION = LexiconPattern(
    r"^[«‹<←\-–—\s]*(?:(?:⟨direction⟩)\s+(?:[A-Z][\w-]*\s+)?(?:⟨item⟩)s?|(?:⟨item⟩)\s+(?:⟨direction⟩))\b"
    r"|^(?:⟨to_top⟩)\b|^(?:⟨read_full⟩)\b"
    r"|^[«‹<←\-–—\s]*(?:⟨direction⟩)\s*:\s*\S.{0,150}$"
    r"|^(?:⟨taxonomy⟩)\s*:"
    r"|^[\w\s.-]{0,40}(?:⟨direction⟩)\s+(?:⟨item⟩)\s*[»›>]?$",
    _I,
    direction=NAV_DIRECTIONS,
    item=NAV_ITEMS,
    to_top=TO_TOP,
    read_full=READ_FULL,
    taxonomy=TAXONOMY_LABELS,
)


# A breadcrumb trail's steps and separators: arrows only ("Home / Away / Total" and "Home | Away | Total"
# head sports tables).
_TRAIL_ARROWS = (">", "»", "›", "→")
_TRAIL_STEP = re.compile(rf"\s*([{''.join(_TRAIL_ARROWS)}])\s*")
_TRAIL_STEP_WORDS = 4
_TRAIL_MAX_STEPS = 8


def _is_trail(core: str, language: str | None) -> bool:
    """Tell whether a line is a breadcrumb trail ("Home > News > Politics", "News › Politik › Europa")."""
    parts = _TRAIL_STEP.split(core)
    steps, separators = parts[::2], parts[1::2]
    if not separators or len(steps) > _TRAIL_MAX_STEPS:
        return False
    # A trail may open or end on its separator ("» Home » News").
    steps = steps[1:] if steps[0] == "" else steps
    steps = steps[:-1] if steps and steps[-1] == "" else steps
    if not steps:
        return False
    if not all(
        step and len(step.split()) <= _TRAIL_STEP_WORDS and step[-1] not in ".!?" and any(c.isalpha() for c in step)
        for step in steps
    ):
        return False
    if steps[0].casefold() in phrases(HOME_WORDS, language):
        return True
    return len(separators) >= 2 and all(step[0].isupper() for step in steps)


class NavigationRule(PatternRule):
    """Post navigation, breadcrumbs and taxonomy: "Previous post …", "Home > News", "Tags: …"."""

    name = "navigation"
    kind = RELATED
    pattern = _NAVIGATION

    def matches(self, line: Line, doc: Doc) -> bool:
        """Match a breadcrumb trail, or a line the navigation pattern finds."""
        core = line.core.strip()
        short = line.n_words <= _TRAIL_MAX_STEPS * _TRAIL_STEP_WORDS
        if short and holds_any(core, _TRAIL_ARROWS) and _is_trail(core, doc.language):
            return True
        return super().matches(line, doc)

    def needs_for(self, language: str | None) -> tuple[str, ...]:
        """Every match names a direction, the top or the full article, or ends its label with a colon."""
        return (*phrases(NAV_DIRECTIONS, language), *phrases(TO_TOP, language), *phrases(READ_FULL, language), ":")


_CREDIT_LINE_START = LexiconPattern(
    r"\(?(?:⟨opening⟩)(?!\w)|(?:©|ⓒ|\(c\)\s)|\(?(?:⟨source⟩)s?\s*:\s*\S",
    _I,
    opening=CREDIT_LINE_OPENINGS,
    source=SOURCE_LABELS,
)
_CREDIT_LINE = LexiconPattern(r"(?:⟨phrase⟩)", _I, phrase=CREDIT_LINE_PHRASES)


class CreditLineRule(Rule):
    """Reporting credits, copyright lines and source notes at the edges of the body."""

    name = "credit_line"
    lexicon_patterns = (_CREDIT_LINE_START, _CREDIT_LINE)

    def matches(self, line: Line, doc: Doc) -> bool:
        """Match "(Reporting by …; editing by …)", "© …", "Copyright …", "Source: …"."""
        if line.n_words > 45:
            return False
        core = line.core.strip()
        found = _CREDIT_LINE_START(doc.language).match(core) or (
            holds_any(line.lower, phrases(CREDIT_LINE_PHRASES, doc.language))
            and _CREDIT_LINE(doc.language).search(core)
        )
        if not found:
            return False
        # "Source:" also opens prose ("Source: the ministry said …") only when long.
        return not (core.lower().startswith(phrases(SOURCE_LABELS, doc.language)) and line.n_words > 12)


# --- head of the document -----------------------------------------------------------

_BYLINE = LexiconPattern(
    rf"^(?:⟨by⟩|(?i:⟨opener⟩))\s*:?\s+[{UPPER}][\w.'’-]+"
    rf"(?:[\s,]+(?:⟨and_⟩)?\s*[{UPPER}][\w.'’-]*){{0,8}}[\s|,-]*.{{0,40}}$",
    by=BYLINE_WORDS,
    opener=BYLINE_OPENERS,
    and_=AND_WORDS,
)


# A name and the writer's role, as an author box prints them: "Jane Doe | Staff Writer", "Max Mustermann, Redakteur".
_NAMED_ROLE = LexiconPattern(
    rf"^[{UPPER}][\w.'’-]+(?:\s+[{UPPER}][\w.'’-]*){{1,3}}\s*(?:[|,–—]|\s-)\s*(?:[\w-]+\s+){{0,2}}(?i:⟨role⟩)s?$",
    role=BIO_ROLES,
)


# The signature line of an embedded post: "— The Senate (@Senate) October 9, 2018".
_EMBED_SIGNATURE = re.compile(r"\(@\w+\)|^[—–-]\s*@\w+")


def _embed_signature(text: str) -> bool:
    """Tell whether `text` signs an embedded post (every signature holds an "@": tested first)."""
    return "@" in text and _EMBED_SIGNATURE.search(text) is not None


class HeadRule(Rule):
    """Bylines and date stamps at the head and end of the document ("By Jane Doe", "Published 11:11 PM EST …")."""

    name = "byline_dateline"
    lexicon_patterns = (_BYLINE, _NAMED_ROLE)

    def select(self, doc: Doc, config: CleanConfig) -> Iterable[int]:
        """Select bylines and date stamps among the first lines, and a byline just above a stamp."""
        alive = doc.alive()
        head = alive[: config.head_lines]
        hits: list[int] = []
        # Times of day on lines of their own, twice or more: a live report's entries ("4:14 p.m.").
        entries = {line.index for line in alive if len(line.core) <= 16 and is_clock_time(line.core)}
        entries = entries if len(entries) > 1 else set()
        for pos, line in enumerate(head):
            # A list item is content: a filmography's "(1990)" is no date stamp, its names no byline.
            if line.bullet or line.n_words > 16 or (line.ends_sentence and not is_date_stamp(line.core)):
                continue
            if _embed_signature(line.core) or line.index in entries:
                continue
            if is_date_stamp(line.core) or _BYLINE(doc.language).match(line.core) or self._named_role(line, doc):
                hits.append(line.index)
                if pos and head[pos - 1].index not in hits and self._byline_shape(head[pos - 1], doc.language):
                    hits.append(head[pos - 1].index)
        # The same stamps often close the page again ("Published 10:02 AM EST …").
        for line in alive[-4:]:
            if line.bullet or _embed_signature(line.core) or line.index in entries:
                continue
            if (
                line.n_words <= 12
                and (is_date_stamp(line.core) or self._named_role(line, doc))
                and line.index not in hits
            ):
                hits.append(line.index)
        return hits

    @staticmethod
    def _named_role(line: Line, doc: Doc) -> bool:
        return line.n_words <= 8 and _NAMED_ROLE(doc.language).match(line.core) is not None

    @staticmethod
    def _byline_shape(line: Line, language: str | None) -> bool:
        words = line.core.split()
        connectors = phrases(BYLINE_CONNECTORS, language)
        return (
            not line.bullet
            and 1 < len(words) <= 12
            and not line.ends_sentence
            and all(w[:1].isupper() or w.lower() in connectors for w in words)
        )


# --- page furniture recognised by its shape ----------------------------------------

_META_LABEL = LexiconPattern(
    r"\b(?:⟨verb⟩)\s+(?:⟨preposition⟩)\b|\b(?:⟨label⟩)\s*:|(?:^|[|·•]\s*)(?:⟨footer⟩)\b",
    _I,
    verb=META_VERBS,
    preposition=META_PREPOSITIONS,
    label=META_LABELS,
    footer=META_FOOTER,
)
# A post filed by its theme under one category: "Posted in Uncategorized", "Publié dans Non classé".
_FILED_UNDER = LexiconPattern(
    r"(?:⟨verb⟩)\s+(?:⟨preposition⟩)\s+\S", _I, verb=META_VERBS, preposition=META_PREPOSITIONS
)
_FILED_WORDS = 5
_HAS_DATE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d{2}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b")


class PostMetaRule(Rule):
    """A blog's post-meta line: "05/10/2018 - Posted by: X - Category: Y - Tags: z"."""

    name = "post_meta"
    lexicon_patterns = (_META_LABEL, _FILED_UNDER)

    def matches(self, line: Line, doc: Doc) -> bool:
        """Match a short line with two meta labels, or one label beside a numeric date."""
        if line.n_words > 30 or (line.ends_sentence and not search_from_digit(_HAS_DATE, line.core)):
            return False
        if ":" not in line.core and not holds_any(line.lower, phrases(META_VERBS, doc.language)):
            return False
        labels = len(_META_LABEL(doc.language).findall(line.core))
        short = line.n_words <= _FILED_WORDS and not line.ends_sentence
        if labels == 1 and short and _FILED_UNDER(doc.language).match(line.core):  # "Posted in Uncategorized"
            return True
        return labels >= 2 or (labels == 1 and search_from_digit(_HAS_DATE, line.core) is not None)


_NOTICE = LexiconPattern(
    r"\b(?:⟨comment⟩)\w{0,2}\b.{0,160}\b(?:⟨moderation⟩)\w*"
    r"|\b(?:⟨shop⟩|⟨embed⟩|⟨prompt⟩|⟨form⟩)\b"
    r"|^(?:⟨age⟩)\s.{0,25}?\b(?:⟨unit⟩)\b",
    _I,
    age=AGE_NOTICES,
    unit=AGE_UNITS,
    comment=COMMENT_WORDS,
    moderation=MODERATION_STEMS,
    shop=SHOP_NOTICES,
    embed=EMBED_NOTICES,
    prompt=COMMENT_PROMPTS,
    form=COMMENT_FORM,
)


class NoticeRule(PatternRule):
    """Site notices: comment policies and forms, affiliate disclaimers, consent placeholders, an old article's age."""

    name = "notice"
    pattern = _NOTICE
    max_words = 70
    skip_quotes = True

    @staticmethod
    @functools.cache
    def needs_for(language: str | None) -> tuple[str, ...]:  # type: ignore[override]
        """Every match holds a word for comments or one of the notices."""
        tables = (COMMENT_WORDS, SHOP_NOTICES, EMBED_NOTICES, COMMENT_PROMPTS, COMMENT_FORM, AGE_NOTICES)
        return tuple(phrase for table in tables for phrase in phrases(table, language))


class KeywordListRule(Rule):
    """SEO keyword lines: "stock car 2018, stock car brasil, stock car cascavel, …"."""

    name = "keywords"

    def matches(self, line: Line, doc: Doc) -> bool:
        """Match a comma list of 6+ short items that keep repeating the same word."""
        if line.ends_sentence or line.core.count(",") < 5:
            return False
        items = [i.strip() for i in line.core.split(",") if i.strip()]
        if len(items) < 6 or sum(len(i.split()) <= 5 for i in items) < 0.9 * len(items):
            return False
        words = Counter(w for i in items for w in set(re.findall(r"\w+", i.casefold())) if len(w) > 2)
        return bool(words) and words.most_common(1)[0][1] >= 0.5 * len(items)


# The publication and the reader as pronouns (whole words of case-folded text), and an appeal's words.
_WE = LexiconPattern(r"(?<!\w)(?:⟨we⟩)(?!\w)", we=WE_WORDS)
_YOU = LexiconPattern(r"(?<!\w)(?:⟨you⟩)(?!\w)", _I, you=YOU_WORDS)
_APPEAL_WORDS = LexiconPattern(r"(?<!\w)(?:⟨stem⟩)", _I, stem=APPEAL_STEMS)
_APPEAL_OPENING = LexiconPattern(r"^(?:⟨opening⟩)(?!\w)", _I, opening=APPEAL_OPENINGS)
# An appeal's label is a line this short: "Support independent journalism", "Apoya el periodismo independiente".
_APPEAL_LABEL_WORDS = 6
# An unclosed quotation mark stops at the next opening one, so a search stays linear.
_QUOTED = re.compile(r"“[^”“]*”|\"[^\"]*\"|«[^»«]*»")


class AppealRule(Rule):
    """Appeals to the reader for money or membership: "We do this work at no cost to you… Support us"."""

    name = "appeal"
    lexicon_patterns = (_WE, _YOU, _APPEAL_WORDS, _APPEAL_OPENING)

    def select(self, doc: Doc, config: CleanConfig) -> Iterable[int]:
        """Select lines in the second half that speak as "we" to "you" about support, members or ads."""
        alive = doc.alive()
        start = len(alive) // 2
        hits: set[int] = set()
        for pos in range(start, len(alive)):
            line = alive[pos]
            we, you, appeals, opening = self._signals(line, doc.language)
            # Or a button or heading that is an appeal by itself, half its words an appeal's: "Support
            # independent journalism" ("Support for independent candidates fell" is a report).
            label = opening and appeals >= max(2, line.n_words / 2) and line.n_words <= _APPEAL_LABEL_WORDS
            if (we >= 2 and you and appeals >= 2) or (we and you and opening) or label:
                hits.add(pos)
        # An appeal runs over several paragraphs: neighbours that speak as "we" about it go too.
        for pos in sorted(hits):
            for step in (-1, 1):
                near = pos + step
                while start <= near < len(alive) and near not in hits:
                    we, _you, appeals, opening = self._signals(alive[near], doc.language)
                    if not ((we >= 2 and appeals) or (opening and alive[near].n_words <= 4)):
                        break
                    hits.add(near)
                    near += step
        return [alive[pos].index for pos in sorted(hits)]

    @staticmethod
    def _signals(line: Line, language: str | None) -> tuple[int, bool, int, bool]:
        return line.remember("appeal", lambda ln: AppealRule._measure(ln, language))

    @staticmethod
    def _measure(line: Line, language: str | None) -> tuple[int, bool, int, bool]:
        if line.n_words > 150:
            return 0, False, 0, False
        quoted = '"' in line.core or "“" in line.core or "«" in line.core
        plain = _QUOTED.sub(" ", line.core) if quoted else line.core
        opening = _APPEAL_OPENING(language).match(plain) is not None
        we = len(_WE(language).findall(plain.casefold() if quoted else line.key))
        if not we:  # every use of the other signals needs "we", but for an appeal's short label
            label = opening and line.n_words <= _APPEAL_LABEL_WORDS
            return 0, False, len(_APPEAL_WORDS(language).findall(plain)) if label else 0, opening
        you = _YOU(language).search(plain) is not None
        return we, you, len(_APPEAL_WORDS(language).findall(plain)), opening


_BLURB = LexiconPattern(r"(?<!\w)(?:⟨verb⟩)(?!\w)", _I, verb=BLURB_VERBS)


class VideoTeaserRule(Rule):
    """Embedded video teasers: an ALL-CAPS video title and the one-line blurb beside it."""

    name = "video_teaser"
    kind = RELATED
    lexicon_patterns = (_BLURB,)

    def select(self, doc: Doc, config: CleanConfig) -> Iterable[int]:
        """Select an all-caps line of 5+ words after the head together with its "X discusses Y" blurb."""
        alive = doc.alive()
        hits: list[int] = []
        for pos, line in enumerate(alive):
            if pos < 2 or line.n_words < 5 or not self._shouting(line.core):
                continue
            # AP-style sub-headings are in capitals too: only a title with its blurb is a teaser.
            for near in (alive[pos - 1], alive[pos + 1] if pos + 1 < len(alive) else None):
                if near and near.n_words <= 35 and not near.has_quote and _BLURB(doc.language).search(near.core):
                    hits += [line.index, near.index]
        return hits

    @staticmethod
    def _shouting(text: str) -> bool:
        if not text[:12].isupper():  # a cheap look first: most lines open in lower case somewhere
            return False
        letters = [c for c in text if c.isalpha()]
        cased = [c for c in letters if c.isupper() or c.islower()]
        return len(cased) >= 20 and sum(c.isupper() for c in cased) >= 0.9 * len(cased)


_BIO = LexiconPattern(
    rf"^(?:[\w.'’-]+\s){{0,3}}?(?:[{UPPER}][\w.'’-]+\s){{1,4}}(?:⟨copula⟩)\s.*(?<!\w)(?i:⟨role⟩)(?!\w)",
    copula=BIO_COPULAS,
    role=BIO_ROLES,
)


class AuthorBioRule(Rule):
    """The author's bio closing an article: "Jane Doe is a senior fellow at … @janedoe"."""

    name = "author_bio"
    lexicon_patterns = (_BIO,)

    def select(self, doc: Doc, config: CleanConfig) -> Iterable[int]:
        """Select a bio-shaped line among the last two lines."""
        return [
            line.index
            for line in doc.alive()[-2:]
            if line.n_words <= 70 and not line.has_quote and _BIO(doc.language).match(line.core)
        ]


# --- repetition ---------------------------------------------------------------------


class DuplicateRule(Rule):
    """A caption or teaser printed twice: the second copy of a line that occurs exactly twice."""

    name = "duplicate"

    def select(self, doc: Doc, config: CleanConfig) -> Iterable[int]:
        """Select the second copy of each line printed twice; the first copy always stays.

        Repetition alone is weak evidence: recipes, meal plans, schedules and interviews repeat their
        steps, headings and questions by design, so a line printed three times or more is structure,
        unless its copies follow one another.
        """
        alive = doc.alive()
        counts = Counter(ln.key for ln in alive if ln.n_words >= config.duplicate_min_words)
        seen: set[str] = set()
        hits: list[int] = []
        previous = ""
        for line in alive:
            # A repeated sentence or list item is content; repeated captions and teasers are not.
            if line.n_words < config.duplicate_min_words or line.ends_sentence or line.bullet:
                previous = line.key if line.n_words else previous  # a separator between copies breaks no run
                continue
            # Printed again right after itself, a line is a stutter however often it recurs (a gallery's
            # caption under each of its pictures).
            if line.key in seen and (counts[line.key] == 2 or line.key == previous):
                hits.append(line.index)
            seen.add(line.key)
            previous = line.key
        return hits


class RepeatedBlockRule(Rule):
    """The article printed again: a later run of paragraphs that repeats an earlier run line for line."""

    name = "repeated_block"

    def select(self, doc: Doc, config: CleanConfig) -> Iterable[int]:
        """Select each later copy of a run of prose lines worth `repeat_min_words` words or more.

        Pages that load their other editions, or a print view, carry the whole body twice or more.
        Structure that repeats by design (a plan's steps under each phase, a chorus) is short lines,
        so the copy must be prose paragraphs (`repeat_line_words` words a line on average).
        """
        lines = [ln for ln in doc.alive() if ln.n_words]  # a separator between paragraphs breaks no run
        keys = [ln.key for ln in lines]
        earlier: dict[str, list[int]] = {}
        hits: list[int] = []
        j = 0
        while j < len(lines):
            best = 0
            for i in earlier.get(keys[j], ()):
                run = 0
                while j + run < len(lines) and i + run < j and keys[i + run] == keys[j + run]:
                    run += 1
                best = max(best, run)
            copy = lines[j : j + best]
            words = sum(ln.n_words for ln in copy)
            if best >= 3 and words >= config.repeat_min_words and words >= config.repeat_line_words * best:
                hits.extend(ln.index for ln in copy)
                j += best
                continue
            earlier.setdefault(keys[j], []).append(j)
            j += 1
        return hits


class RestatedRule(Rule):
    """A caption or pull quote that restates sentences already in the body."""

    name = "restated"
    kind = CAPTION

    def select(self, doc: Doc, config: CleanConfig) -> Iterable[int]:
        """Select lines whose trigrams mostly stand in earlier kept lines."""
        seen, ready = doc.prepared.pop(self.name, (-1, None))
        fresh = seen == len(doc.removed)  # prepared for these very lines
        lines, trigrams, owners = ready if fresh else self._trigrams([doc])[0]  # type: ignore[misc]
        if not lines:
            return []
        minimum = config.restated_min_words
        judged = np.fromiter((line.n_words >= minimum for line in lines), dtype=bool, count=len(lines))
        found = {lines[i].key for i in restated(trigrams, owners, judged, config.restated_min_share)}
        # Each copy of a restating line restates the same lines: a caption under every picture goes each time.
        return [line.index for line in doc.alive() if line.key in found] if found else []

    def prepare(self, docs: Sequence[Doc], config: CleanConfig) -> None:
        """Hash the trigrams of several documents' lines in one pass (its numpy calls cost more than its work)."""
        for run in sized_runs(docs, _chars, SHORT_TEXTS):
            for doc, ready in zip(run, self._trigrams(run), strict=True):
                doc.prepared[self.name] = (len(doc.removed), ready)

    @staticmethod
    def _trigrams(docs: Sequence[Doc]) -> list[tuple[list[Line], np.ndarray, np.ndarray]]:
        """Return, for each document, its distinct alive lines and their trigrams (as `line_trigrams`)."""
        distinct: list[list[Line]] = []
        for doc in docs:
            lines: list[Line] = []
            keys: set[str] = set()
            for line in doc.alive():
                # An exact repeat is the duplicate rule's to judge (interview questions repeat on purpose).
                if line.key not in keys:
                    keys.add(line.key)
                    lines.append(line)
            distinct.append(lines)
        trigrams, owners = line_trigrams([line.key for lines in distinct for line in lines])
        firsts = np.cumsum([0] + [len(lines) for lines in distinct])
        cuts = np.searchsorted(owners, firsts).tolist()
        return [
            (lines, trigrams[cuts[i] : cuts[i + 1]], owners[cuts[i] : cuts[i + 1]] - firsts[i])
            for i, lines in enumerate(distinct)
        ]


def _chars(doc: Doc) -> int:
    return sum(len(line.key) + 1 for line in doc.alive())


RULES: Sequence[Rule] = (
    MarkupRule(),
    MetadataRule(),
    WidgetRule(),
    CaptionCreditRule(),
    CaptionMarkerRule(),
    CaptionBeforeCreditRule(),
    TeaserRule(),
    NavigationRule(),
    PromptRule(),
    CreditLineRule(),
    ListHeaderRule(),
    HeadRule(),
    PostMetaRule(),
    NoticeRule(),
    KeywordListRule(),
    AppealRule(),
    VideoTeaserRule(),
    AuthorBioRule(),
    RepeatedBlockRule(),
    ExcerptRule(),
    DuplicateRule(),
    RestatedRule(),
)
RULE_NAMES: frozenset[str] = frozenset(r.name for r in RULES)
RULE_KINDS: dict[str, str] = {r.name: r.kind for r in RULES}
