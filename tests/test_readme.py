"""The README's examples of using the output run as written, on the bundled samples' output."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flows.config import PipelineConfig
from flows.flow import clean_batch
from flows.output.duplicates import update_duplicates
from flows.output.stories import update_stories
from flows.readers.files import list_inputs

ROOT = Path(__file__).resolve().parent.parent


def _examples() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Using the output", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)


EXAMPLES = _examples()


@pytest.fixture(scope="module")
def sample_output(samples: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Write what `make run` writes (output/sample) under a temporary directory, without Prefect."""
    root = tmp_path_factory.mktemp("readme")
    sources = list(list_inputs([samples]))
    out = str(root / "output" / "sample")
    clean_batch.fn(0, "part-000-00000", sources, out, PipelineConfig(), None)
    update_duplicates(out, PipelineConfig().to_json(), PipelineConfig().dup_threshold)
    update_stories(out, PipelineConfig().to_json(), PipelineConfig().story_threshold, PipelineConfig().story_days)
    return root


def test_the_section_has_examples() -> None:
    assert len(EXAMPLES) == 3


@pytest.mark.parametrize("number", range(len(EXAMPLES)))
def test_example_runs(number: int, sample_output: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(sample_output)
    namespace: dict[str, object] = {}
    exec(compile(EXAMPLES[number], f"README example {number}", "exec"), namespace)
    if number == 0:
        assert namespace["articles"].num_rows == 10  # type: ignore[attr-defined]
    if number == 1:
        rules = namespace["rules"]["rule"].to_list()  # type: ignore[index]
        assert "caption_credit" in rules and len(namespace["by_language"]) >= 2  # type: ignore[arg-type]
    if number == 2:
        assert sum(n for _, n, _ in namespace["top"]) == 10  # type: ignore[attr-defined]
        # The five seeds are one story, listed one row an article.
        assert len(namespace["stories"].fetchall()) == 5  # type: ignore[attr-defined]
