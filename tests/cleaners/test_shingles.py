"""Word trigrams as hashes, and the restated rule computed from them, against plain Python sets."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaners import CleanConfig
from cleaners.lines import WORD, Doc, split_lines
from cleaners.rules import RestatedRule
from cleaners.shingles import line_trigrams

# Few words, so that lines share trigrams and restate each other often; some are not ASCII, some
# join letters and digits with "_" (a word character), some are split by punctuation.
VOCABULARY = ["the", "The", "cat", "dog", "sat", "on", "mat", "Über", "über", "東京", "x_y", "42", "naïve", "ΣΟΦΙΑ"]
SEPARATORS = [" ", "  ", ", ", " — ", "’", "-", ". "]
TEXT = st.builds(
    "".join,
    st.lists(st.tuples(st.sampled_from(VOCABULARY), st.sampled_from(SEPARATORS)).map("".join), max_size=18),
)


def reference_trigrams(text: str) -> list[tuple[str, str, str]]:
    """Return a text's word trigrams as the words themselves."""
    words = WORD.findall(text)
    return list(zip(words, words[1:], words[2:], strict=False))


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.one_of(TEXT, st.text(max_size=40)), max_size=12))
def test_trigram_hashes_stand_for_the_trigrams(texts: list[str]) -> None:
    hashes, owners = line_trigrams(texts)
    expected = [(i, gram) for i, text in enumerate(texts) for gram in reference_trigrams(text)]
    assert owners.tolist() == [i for i, _ in expected]  # none spans two texts, none is lost
    # Equal trigrams have equal hashes, and different ones (here) different hashes.
    by_gram: dict[tuple[str, str, str], int] = {}
    for (_, gram), value in zip(expected, hashes.tolist(), strict=True):
        assert by_gram.setdefault(gram, value) == value
    assert len(set(by_gram.values())) == len(by_gram)


def reference_restated(doc: Doc, config: CleanConfig) -> list[int]:
    """Return the lines the restated rule selects, computed line by line with sets of trigrams."""
    hits: list[int] = []
    earlier: set[tuple[str, str, str]] = set()
    keys: set[str] = set()
    found: set[str] = set()
    for line in doc.alive():
        if line.key in keys:  # a copy: removed with its first when that restated
            if line.key in found:
                hits.append(line.index)
            continue
        keys.add(line.key)
        grams = set(reference_trigrams(line.key))
        judged = line.n_words >= config.restated_min_words and grams
        if judged and len(grams & earlier) / len(grams) >= config.restated_min_share:
            hits.append(line.index)
            found.add(line.key)
            continue
        earlier |= grams
    return hits


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(TEXT, min_size=1, max_size=10),
    st.lists(st.tuples(st.integers(0, 30), st.booleans(), st.sampled_from(["", *VOCABULARY])), max_size=10),
    st.sampled_from([0.0, 0.3, 0.5, 0.8, 1.0]),
    st.integers(0, 12),
)
def test_restated_lines_are_those_of_the_line_by_line_rule(
    lines: list[str], copies: list[tuple[int, bool, str]], share: float, min_words: int
) -> None:
    # Later copies of earlier lines (copies too), cut short or made longer: restatements of one or
    # several earlier lines, and lines whose trigrams only a removed restatement held.
    for source, cut, extra in copies:
        words = lines[source % len(lines)].split()
        lines.append(" ".join(words[1:] if cut else words) + " " + extra)
    config = CleanConfig(restated_min_share=share, restated_min_words=min_words)
    doc = Doc(split_lines("\n".join(lines)))
    assert list(RestatedRule().select(doc, config)) == reference_restated(doc, config)


def test_what_only_a_removed_restatement_held_stands_nowhere_earlier() -> None:
    body = "one two three four five six seven eight nine ten"
    caption = f"{body} eleven twelve"  # 8 of its 10 trigrams are the body's: removed
    tail = "nine ten eleven twelve"  # its 2 trigrams stood in the caption only: kept
    doc = Doc(split_lines(f"{body}\n{caption}\n{tail}"))
    config = CleanConfig(restated_min_words=4)
    assert list(RestatedRule().select(doc, config)) == reference_restated(doc, config) == [1]
