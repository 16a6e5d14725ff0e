"""Show, for one input, which lines the cleaners removed and by which rule."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from cleaners import fix_unicode
from flows.config import PipelineConfig
from flows.document import HTML
from flows.stages.clean import clean_document, identify_language, load_document


@dataclass(frozen=True, slots=True)
class Explanation:
    """One document's lines in order, each with the rule that removed it or None when kept."""

    source: str
    input_format: str
    title: str | None
    published: str | None
    language: str | None
    # HTML: which extractor's text the cleaners saw (flows.stages.extract).
    extraction: str | None
    lines: tuple[tuple[str, str | None], ...]
    # Each mojibake repair as (what the input had, what it became), with how often it was made.
    repairs: tuple[tuple[str, str, int], ...] = ()

    @property
    def removed(self) -> list[tuple[str, str]]:
        """Return the (rule, line) pairs of the removed lines."""
        return [(rule, text) for text, rule in self.lines if rule is not None]


def explain(source: str, config: PipelineConfig | None = None) -> Explanation:
    """Read, extract and clean one input file and return each line with its fate."""
    config = config or PipelineConfig()
    doc = clean_document(identify_language(load_document(source, config)), config)
    return Explanation(
        source=source,
        input_format=doc.input_format,
        title=doc.title,
        published=doc.published.isoformat() if doc.published else None,
        language=doc.language,
        extraction=doc.extraction,
        lines=doc.marks,
        repairs=repairs(doc.body if doc.input_format == HTML else doc.raw),
    )


def repairs(text: str) -> tuple[tuple[str, str, int], ...]:
    """Return the changes the mojibake repair makes to `text`: (before, after, count), most frequent first."""
    fixed, changed = fix_unicode(text)
    if not changed:
        return ()
    found: Counter[tuple[str, str]] = Counter()
    for op, a, b, c, d in SequenceMatcher(None, text, fixed, autojunk=False).get_opcodes():
        if op != "equal":
            found[(text[a:b], fixed[c:d])] += 1
    return tuple((before, after, n) for (before, after), n in found.most_common())
