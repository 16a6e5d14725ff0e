"""Show, for one input, which lines the cleaners removed and by which rule."""

from __future__ import annotations

from dataclasses import dataclass

from flows.config import PipelineConfig
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
    )
