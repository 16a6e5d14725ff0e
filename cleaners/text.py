"""The cleaning engine: text in, clean text and a record of every removal out."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from cleaners.config import CleanConfig
from cleaners.dates import is_date_stamp, parse_date, split_glued_date
from cleaners.lines import CLOSERS, Doc, Line, split_lines
from cleaners.rules import CAPTION, CHROME, RELATED, RULE_KINDS, RULES, Rule
from cleaners.unicode import fix_unicode

TITLE = "title"
DATE_STAMP = "date_stamp"
HOVER_CARD = "hover_card"
# Name words are bounded: an unbounded run would be matched and backtracked from every position.
# A link's hover card scraped inline: the name is printed twice with no space, the card's
# headlines follow, and a "MORE" link closes it: "Rep. Ilhan OmarIlhan OmarHeadline | … MORE (D-Minn.)".
_HOVER_CARD = re.compile(
    r"(?P<name>\b[A-Z][\w.'’-]{1,30}(?: [A-Z][\w.'’-]{1,30}){0,3})(?P<card>(?P=name)\S.{10,1500}?\s(?:MORE|More)\b)"
)
# The longest a name can be (4 words of 31 characters and their spaces) and a whole card (the name
# twice, one character, 1,500 more, a space and "MORE"): how far before its end a match can start.
_NAME_REACH = 4 * 31 + 3
_HOVER_CARD_REACH = 2 * _NAME_REACH + 1 + 1500 + 1 + 4
# Where a name repeats without a space, the last character of one copy touches the capital of the next.
_NAME_AGAIN = re.compile(r"(?<=[\w.'’-])[A-Z]")
# Rules that judge a line by what stands around it run after the headline is known.
_CONTEXT_RULES = frozenset({"byline_dateline", "duplicate", "restated"})
# Passes after the first; each must remove something to earn the next (two sufficed in every test).
_MAX_PASSES = 4
KINDS: dict[str, str] = {**RULE_KINDS, TITLE: CHROME, DATE_STAMP: CHROME, HOVER_CARD: RELATED}
# What the steps of this engine that are not rules remove (`newsclean rules` lists them with the rules).
STEP_DESCRIPTIONS: dict[str, str] = {
    TITLE: "The headline repeated as the first line of the body.",
    DATE_STAMP: "A date stamp glued to the start of the first paragraph.",
    HOVER_CARD: "A link's hover card scraped inline: name twice, headlines, MORE.",
}
# Every name a removal may carry, and so every name `CleanConfig.disabled_rules` accepts.
ALL_RULE_NAMES: frozenset[str] = frozenset(KINDS)


@dataclass(frozen=True, slots=True)
class Removal:
    """One removed line (or glued prefix) and the name of the rule that removed it."""

    rule: str
    text: str


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The result of cleaning one document."""

    text: str
    removals: tuple[Removal, ...] = ()
    title: str | None = None
    published: dt.date | None = None
    unicode_fixed: bool = False
    # Every input line in order with the rule that removed it (None: kept); inline cuts come first.
    marks: tuple[tuple[str, str | None], ...] = ()
    # Words in `text` (`cleaners.lines.word_count(text)`, counted line by line as the lines were split).
    n_words: int = 0
    # The rule that removed each line of the input, in order (None: kept), without the inline cuts.
    fates: tuple[str | None, ...] = ()

    @property
    def captions(self) -> list[str]:
        """Return the removed picture captions and credits."""
        return [r.text for r in self.removals if KINDS.get(r.rule) == CAPTION]

    @property
    def related(self) -> list[str]:
        """Return the removed teaser headlines and related links."""
        return [r.text for r in self.removals if KINDS.get(r.rule) == RELATED]


@dataclass(frozen=True, slots=True)
class Draft:
    """One document's text to clean and what is known of it; `extracted`: extractor output, a paragraph a line."""

    text: str
    language: str | None = None
    title: str | None = None
    extracted: bool = False


@dataclass(slots=True)
class _Cleaning:
    """A document on its way through `clean_texts`."""

    doc: Doc
    draft: Draft
    prefix: list[Removal]
    fixed: bool
    published: dt.date | None
    title: str | None = None
    # What each rule saw when it last ran and found nothing new: run on the same lines again, it
    # would find nothing again (removals only grow, so an unchanged count means unchanged lines).
    idle: dict[str, int] = field(default_factory=dict)


def clean_text(
    text: str,
    config: CleanConfig | None = None,
    *,
    language: str | None = None,
    title: str | None = None,
    extracted: bool = False,
    rules: tuple[Rule, ...] | None = None,
) -> Cleaned:
    """Clean one document's text; `extracted` marks extractor output (one paragraph per line)."""
    return clean_texts([Draft(text, language, title, extracted)], config, rules=rules)[0]


def clean_texts(
    drafts: Sequence[Draft], config: CleanConfig | None = None, *, rules: tuple[Rule, ...] | None = None
) -> list[Cleaned]:
    """Clean several documents, as `clean_text` cleans each.

    Each step, and each rule, goes over all the documents before the next starts: its code and
    patterns stay in the processor's caches, which made groups of 16 texts ~10 % cheaper than the
    same texts one at a time (8 and 32 gained as much). A rule looks at one document at a time, so
    every document comes out as it would alone.
    """
    config = config or CleanConfig()
    cleanings = _prepare(drafts, config)
    active = tuple(r for r in (rules or RULES) if config.enabled(r.name))
    for rule in active:
        if rule.name not in _CONTEXT_RULES:
            for cleaning in cleanings:
                _apply(rule, cleaning.doc, config, cleaning.idle)
    for cleaning in cleanings:
        cleaning.title = _find_title(cleaning, config)
    for rule in active:
        if rule.name in _CONTEXT_RULES:
            rule.prepare([cleaning.doc for cleaning in cleanings], config)
            for cleaning in cleanings:
                _apply(rule, cleaning.doc, config, cleaning.idle)
    # Line-local rules have judged every line already: only rules that look around a line can change.
    contextual = tuple(rule for rule in active if not rule.line_local)
    return [_finish(cleaning, config, contextual) for cleaning in cleanings]


def _prepare(drafts: Sequence[Draft], config: CleanConfig) -> list[_Cleaning]:
    """Repair the texts, cut what is glued into them, and split them into lines (each step over all)."""
    repaired = [fix_unicode(d.text) if config.fix_unicode else (d.text, False) for d in drafts]
    # NFC, as readers compare text: the same letter in two encodings (a nukta sign apart, or not) is one.
    texts = [_nfc(text.replace("\r\n", "\n").replace("\r", "\n")) for text, _ in repaired]
    prefixes: list[list[Removal]] = [[] for _ in drafts]
    if config.enabled(HOVER_CARD):
        for i, text in enumerate(texts):
            texts[i], cards = _strip_hover_cards(text)
            prefixes[i] += [Removal(HOVER_CARD, card) for card in cards]
    dates: list[dt.date | None] = [None] * len(drafts)
    if config.detect_title and config.enabled(DATE_STAMP):
        for i, text in enumerate(texts):
            texts[i], dates[i], glued = _strip_glued_date(text)
            if glued:
                prefixes[i].append(Removal(DATE_STAMP, glued))
    return [
        _Cleaning(Doc(split_lines(text, one_block_per_line=d.extracted), d.language, d.title), d, prefix, fixed, date)
        for d, text, prefix, (_, fixed), date in zip(drafts, texts, prefixes, repaired, dates, strict=True)
    ]


def _find_title(cleaning: _Cleaning, config: CleanConfig) -> str | None:
    """Remove the headline the head repeats, or take the first line as the headline; return the title."""
    doc, title = cleaning.doc, cleaning.draft.title
    if title and config.enabled(TITLE):
        _drop_repeated_head(doc, title, TITLE, config.title_max_words)
    elif config.detect_title and config.enabled(TITLE) and not cleaning.draft.extracted:
        found = _detect_title(doc, config)
        if found:
            # Scraped text often prints the headline twice (page title, then article heading).
            _drop_repeated_head(doc, found, TITLE, config.title_max_words)
        return found
    return title


def _finish(cleaning: _Cleaning, config: CleanConfig, contextual: tuple[Rule, ...]) -> Cleaned:
    """Pass the contextual rules again until nothing changes, and return what is left."""
    doc, found_title, published = cleaning.doc, cleaning.title, cleaning.published
    # Rules that look at a window (the head, the tail, a list) see new lines there once others are
    # gone; pass again over what is left until nothing changes, so that cleaning is idempotent.
    for _ in range(_MAX_PASSES if doc.removed else 0):
        before = len(doc.removed)
        if found_title and config.enabled(TITLE):
            _drop_repeated_head(doc, found_title, TITLE, config.title_max_words)
        for rule in contextual:
            if cleaning.idle.get(rule.name) != len(doc.removed):
                _apply(rule, doc, config, cleaning.idle)
        if len(doc.removed) == before:
            break

    # Extractor output comes with the page's metadata date; plain text only has its head.
    if published is None and config.detect_title and not cleaning.draft.extracted:
        published = _head_date(doc, config)

    removals = {index: Removal(rule_name, doc.lines[index].text) for index, rule_name in doc.removed.items()}
    kept = [ln for ln in doc.lines if ln.index not in doc.removed]
    ordered = cleaning.prefix + [removals[i] for i in sorted(removals)]
    return Cleaned(
        text="\n\n".join(ln.text for ln in kept),
        removals=tuple(ordered),
        title=found_title,
        published=published,
        unicode_fixed=cleaning.fixed,
        marks=tuple((r.text, r.rule) for r in cleaning.prefix)
        + tuple((ln.text, doc.removed.get(ln.index)) for ln in doc.lines),
        n_words=sum(ln.text_words for ln in kept) + sum(ln.text_cjk for ln in kept) // 2,
        fates=tuple(doc.removed.get(ln.index) for ln in doc.lines),
    )


def _apply(rule: Rule, doc: Doc, config: CleanConfig, idle: dict[str, int]) -> None:
    seen = len(doc.removed)
    for index in rule.select(doc, config):
        doc.removed.setdefault(index, rule.name)
    if len(doc.removed) == seen:
        idle[rule.name] = seen
    else:
        idle.pop(rule.name, None)


def _strip_hover_cards(text: str) -> tuple[str, list[str]]:
    """Cut every hover card (`_HOVER_CARD.sub`), searching only where one may start."""
    cards: list[str] = []
    # Every card ends at a "MORE" link and repeats a name unspaced.
    ends = [i for i in (text.find("MORE"), text.find("More")) if i >= 0]
    junction = _NAME_AGAIN.search(text) if ends else None
    if junction is None:
        return text, cards
    # A card starts at most _HOVER_CARD_REACH before its "MORE", and its name at most _NAME_REACH
    # before the name again: where the regex would find nothing, it is not run.
    start = max(0, min(ends) - _HOVER_CARD_REACH, junction.start() - _NAME_REACH)
    pieces: list[str] = [text[:start]]
    for match in _HOVER_CARD.finditer(text, start):
        pieces += [text[start : match.start()], match.group("name")]
        cards.append(match.group("card"))
        start = match.end()
    pieces.append(text[start:])
    return "".join(pieces), cards


def _strip_glued_date(text: str) -> tuple[str, dt.date | None, str | None]:
    stripped = text.lstrip()
    lead = text[: len(text) - len(stripped)]
    date_text, rest = split_glued_date(stripped)
    if date_text is None:
        return text, None, None
    glued = stripped[: len(stripped) - len(rest)].strip()
    return lead + rest, parse_date(date_text), glued


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _drop_repeated_head(doc: Doc, reference: str, rule: str, max_words: int) -> None:
    """Remove the leading lines that repeat the metadata title.

    A line longer than a headline can be (`max_words`) is a paragraph that begins with the title's
    words, not a repeat of it: extractors glue a page's heading to its first paragraph.
    """
    ref = _key(reference)
    if not ref:
        return
    for line in doc.alive()[:3]:
        key = _key(line.core)
        if not key or line.n_words > max(max_words, len(ref.split())):
            continue
        if key == ref or (len(key.split()) >= 4 and (ref.startswith(key) or key.startswith(ref))):
            doc.removed[line.index] = rule


def _title_like(line: Line, config: CleanConfig) -> bool:
    core = line.core.strip()
    if line.bullet or not core or len(core) > 300 or is_date_stamp(core):
        return False
    if not 2 <= line.n_words <= config.title_max_words:
        return False
    return core.rstrip(CLOSERS)[-1:] not in ".,;:…。"


def _detect_title(doc: Doc, config: CleanConfig) -> str | None:
    """Take the first line as the headline when it is shaped like one and text follows.

    A first line that a bulleted list follows heads that list ("What's new in 2.26?"), not the article.
    """
    alive = doc.alive()
    if len(alive) < 2 or not _title_like(alive[0], config) or alive[1].bullet:
        return None
    if alive[0].index > config.head_lines:
        return None
    doc.removed[alive[0].index] = TITLE
    return alive[0].core.strip()


def _head_date(doc: Doc, config: CleanConfig) -> dt.date | None:
    """Parse the first date stamp the head rules removed."""
    for line in doc.lines[: config.head_lines * 2]:
        if doc.removed.get(line.index) == "byline_dateline" and is_date_stamp(line.core):
            date = parse_date(line.core, doc.language)
            if date:
                return date
    return None
