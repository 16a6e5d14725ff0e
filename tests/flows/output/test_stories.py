"""Stories across an output: one event told by several outlets is one story; other events, and far dates, apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow.dataset as ds

from flows.config import PipelineConfig
from flows.output.duplicates import update_duplicates
from flows.output.parquet import write_batch
from flows.output.stories import bag, cluster, outlet, story_of, story_terms, tfidf, update_stories
from flows.stages.clean import process_batch

CONFIG = PipelineConfig()
CONFIG_JSON = CONFIG.to_json()


def _stories(out: Path) -> dict[str, list[str]]:
    """Return each story's documents by file name, keyed by its first document's file name."""
    names = {
        row["doc_id"]: Path(row["source"]).name
        for row in ds.dataset(out / "articles").to_table(columns=["doc_id", "source"]).to_pylist()
    }
    rows = ds.dataset(out / "stories").to_table().to_pylist()
    members = [doc for row in rows for doc in row["documents"]]
    assert sorted(members) == sorted(names)  # every article in exactly one story
    assert all(row["story_id"] == row["documents"][0] and row["size"] == len(row["documents"]) for row in rows)
    return {names[row["story_id"]]: [names[d] for d in row["documents"]] for row in rows}


def test_the_seeds_are_one_story_and_other_news_stays_apart(samples: Path, tmp_path: Path) -> None:
    inputs = [*sorted((samples / "seeds").glob("*.txt")), *sorted((samples / "aeb").glob("*.html.gz"))]
    out = tmp_path / "out"
    write_batch(str(out), "part-000-00000", process_batch([str(p) for p in inputs], CONFIG), CONFIG_JSON)
    stats = update_stories(str(out), CONFIG_JSON, CONFIG.story_threshold, CONFIG.story_days)
    stories = _stories(out)
    seeds = sorted(p.name for p in (samples / "seeds").glob("*.txt"))
    assert [sorted(docs) for docs in stories.values() if len(docs) > 1] == [seeds]
    assert stats.stories == 1 and len(stories) == 1 + len(inputs) - len(seeds)
    # The one dated seed comes first: its date starts the story.
    assert next(docs for docs in stories.values() if len(docs) > 1)[0] == "003.txt"


def test_a_copy_joins_its_first_copys_story_and_a_rerun_rewrites_the_table(samples: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in sorted((samples / "seeds").glob("*.txt")):
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "repost.txt").write_bytes((samples / "seeds" / "001.txt").read_bytes())
    out = tmp_path / "out"
    write_batch(str(out), "part-000-00000", process_batch(sorted(map(str, folder.iterdir())), CONFIG), CONFIG_JSON)
    update_duplicates(str(out), CONFIG_JSON, CONFIG.dup_threshold)
    for _ in range(2):
        update_stories(str(out), CONFIG_JSON, CONFIG.story_threshold, CONFIG.story_days)
    (story,) = ds.dataset(out / "stories").to_table().to_pylist()
    assert story["size"] == 6
    # The copy follows its first copy, with no cosine of its own.
    names = dict(zip(story["documents"], story["similarity"], strict=True))
    first = story_of(str(out), story["story_id"])
    assert first is not None and first["documents"] == story["documents"]
    repost = story["documents"][story["documents"].index(_doc_id(out, "001.txt")) + 1]
    assert names[repost] is None and story_of(str(out), repost) == first
    assert story_of(str(out), "no-such-id") is None


def _doc_id(out: Path, name: str) -> str:
    rows = ds.dataset(out / "articles").to_table(columns=["doc_id", "source"]).to_pylist()
    return next(row["doc_id"] for row in rows if row["source"].endswith("/" + name))


def test_one_text_on_dates_far_apart_is_two_stories_and_undated_joins_either(samples: Path) -> None:
    text = (samples / "seeds" / "002.txt").read_text(encoding="utf-8")
    vocabulary: dict[str, int] = {}
    vectors = tfidf([bag(story_terms(None, text, "en"), vocabulary) for _ in range(3)])
    day = dt.date(2022, 2, 15)
    groups = cluster(vectors, [day, day + dt.timedelta(days=30), None], threshold=0.45, days=3)
    assert [members for members, _ in groups] == [[0, 2], [1]]
    near = cluster(vectors, [day, day + dt.timedelta(days=3), None], threshold=0.45, days=3)
    assert [members for members, _ in near] == [[0, 1, 2]]


def test_names_weigh_more_and_stop_words_not_at_all() -> None:
    terms = story_terms("Talks in Geneva", "Diplomats met in Geneva. Geneva talks went on and the talks ended.", "en")
    assert "the" not in terms and "and" not in terms and "in" not in terms
    # "Geneva" inside a sentence is a name; "talks" is not, though it appears as often.
    assert terms["geneva"] > terms["talks"]


def test_an_outlet_is_the_host_without_www_else_the_site_name() -> None:
    assert outlet("https://www.bbc.co.uk/news/x", "BBC") == "bbc.co.uk"
    assert outlet(None, "Reuters") == "Reuters"
    assert outlet(None, None) is None
