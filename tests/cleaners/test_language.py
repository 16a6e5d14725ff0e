"""Language identification: the numpy walk gives py3langid's own answer."""

from __future__ import annotations

import re
from pathlib import Path

import py3langid
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaners.language import _Classifier, _classifier, count_letters, detect_language, detect_languages

TEXTS = sorted(Path(__file__).parents[1].joinpath("fixtures", "aeb-text").glob("*.txt"))
SAMPLES = [
    "Der Bundestag hat am Donnerstag über das neue Gesetz zur Energiewende abgestimmt.",
    "Le gouvernement a annoncé mercredi une réforme des retraites très contestée.",
    "El presidente anunció nuevas medidas económicas para combatir la inflación.",
    "Правительство объявило о новых мерах поддержки экономики в этом году.",
    "東京都は新しい感染対策を発表しました。",
    "O governo anunciou hoje um novo pacote de medidas para a economia.",
    "AN ALL CAPS HEADLINE ABOUT THE ELECTION RESULTS IN THE NORTHERN STATES",
]


def test_the_fast_walk_is_in_use() -> None:
    assert isinstance(_classifier(), _Classifier)


@pytest.mark.parametrize("path", TEXTS[:40], ids=lambda p: p.name[:12])
def test_same_language_as_py3langid_on_article_texts(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for piece in (text[:1000], text[:120], text[500:530]):
        assert _classifier().classify(piece) == py3langid.classify(piece)[0]


@pytest.mark.parametrize("text", SAMPLES)
def test_same_language_as_py3langid_in_several_scripts(text: str) -> None:
    assert _classifier().classify(text) == py3langid.classify(text)[0]


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(st.characters(max_codepoint=0x30FF, exclude_categories=["Cs"]), max_size=60))
def test_same_language_as_py3langid_on_any_text(text: str) -> None:
    assert _classifier().classify(text) == py3langid.classify(text)[0]


def test_too_little_text_has_no_language() -> None:
    assert detect_language("Breaking: 12 34") is None
    assert detect_language(SAMPLES[0]) == "de"


def test_rows_kept_widened_are_the_models_rows_also_after_the_cache_fills(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    import cleaners.language as language

    monkeypatch.setattr(language, "ROW_CACHE", 700)  # a text needs ~340 rows: this one fills often
    classifier = _Classifier(_classifier()._identifier)
    pieces = [path.read_text(encoding="utf-8")[:600] for path in TEXTS[:30]] + SAMPLES
    for _ in range(2):
        assert [classifier.classify(p) for p in pieces] == [py3langid.classify(p)[0] for p in pieces]
    assert 0 < classifier._used <= 700
    weights = classifier._identifier.nb_ptc
    for seed in range(5):
        index = np.unique(np.random.default_rng(seed).integers(0, len(weights), 300))
        with classifier._lock:
            assert np.array_equal(classifier._rows[classifier._kept(index)], weights[index].astype(np.float32))


def test_texts_identified_together_get_the_language_each_gets_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import cleaners.language as language

    texts = [path.read_text(encoding="utf-8") for path in TEXTS[:40]] + SAMPLES + ["", "Breaking: 12 34", "x" * 50]
    alone = [detect_language(text) for text in texts]
    assert detect_languages(texts) == alone
    # Long samples: texts go together while their bytes fit the kept rows; a text with more features
    # than those rows is scored from rows widened for it alone.
    monkeypatch.setattr(language, "ROW_CACHE", 500)
    classifier = _Classifier(_classifier()._identifier)
    long = [text[:5000] for text in texts]
    assert classifier.classify_all(long) == [py3langid.classify(text)[0] for text in long]


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.text(st.characters(max_codepoint=0x30FF, exclude_categories=["Cs"]), max_size=60), max_size=20))
def test_any_texts_identified_together_get_what_py3langid_gives_each(texts: list[str]) -> None:
    assert _classifier().classify_all(texts) == [py3langid.classify(text)[0] for text in texts]


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=80) | st.text(st.characters(max_codepoint=0x7F), max_size=80))
def test_letters_are_counted_as_the_letter_pattern_finds_them(text: str) -> None:
    assert count_letters(text) == len(re.findall(r"[^\W\d_]", text))
