"""Stories: the articles of an output that tell one event, grouped in DIR/stories; rewritten whole by each run.

Single-pass clustering, as in topic detection and tracking: the articles in date order (undated ones
last, then by source) each join the story whose centroid is nearest by TF-IDF cosine, when that is at
least `threshold` and, both being dated, the article's date lies within `days` of the story's dates;
else the article starts a story. A near-duplicate (flows.output.duplicates) joins its first copy's story.
A story's id is the doc_id of its first article. Every article is in one story (most in a story of one).

An article's terms are the words of its title and text (its first TEXT_WORDS), lower-cased, less jusText's
stop words for its language and words under 3 letters, weighed by (1 + log count) x idf. A word
capitalised inside a sentence (a name, mostly) weighs NAME_WEIGHT times as much: outlets tell one event in
their own words, but with the same names. The idf counts PRIOR_DOCS more articles than the output holds,
none of them with the word: in a small output, the words its few articles share are not yet common.

_LAZY: the dataset readers and jusText are imported where they are used (as in flows.output.duplicates).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from flows.output.parquet import DUPLICATES, STORIES, write_part
from flows.stats import RunStats

TEXT_WORDS = 2000
NAME_WEIGHT = 2.0
PRIOR_DOCS = 1000
# An article keeps its VECTOR_TERMS heaviest terms, a story's centroid its CENTROID_TERMS: bounded work per pair.
VECTOR_TERMS = 400
CENTROID_TERMS = 1000
# Candidate stories are found through an article's QUERY_TERMS heaviest terms, among the PER_TERM stories
# that last took each term; at most CANDIDATES of them (those sharing most terms) are compared. These bounds
# make the cost grow with the number of articles, not with its square.
QUERY_TERMS = 10
PER_TERM = 200
CANDIDATES = 20
_TOKEN = re.compile(r"\w+|[.!?:;]")
# jusText's stop-word lists, by the ISO 639-1 code our language detection gives.
STOPLISTS = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "cy": "Welsh",
    "da": "Danish", "de": "German", "el": "Greek", "en": "English", "eo": "Esperanto", "es": "Spanish",
    "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French", "ga": "Irish",
    "gl": "Galician", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian",
    "is": "Icelandic", "it": "Italian", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian",
    "ms": "Malay", "nb": "Norwegian_Bokmal", "nl": "Dutch", "nn": "Norwegian_Nynorsk", "no": "Norwegian_Bokmal",
    "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian",
    "sq": "Albanian", "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "tl": "Tagalog", "tr": "Turkish",
    "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
}  # fmt: skip
_ARTICLE_COLUMNS = ["doc_id", "source", "url", "site_name", "title", "language", "published", "fetched_at"]


@cache
def stop_words(language: str | None) -> frozenset[str]:
    """Return jusText's stop words for a language code (none for a language it has no list for)."""
    import justext  # see _LAZY

    name = STOPLISTS.get((language or "").split("-")[0])
    return frozenset(justext.get_stoplist(name)) if name else frozenset()


def story_terms(title: str | None, text: str, language: str | None) -> dict[str, float]:
    """Return an article's terms with their weight before idf: 1 + log count, NAME_WEIGHT times for a name."""
    stop = stop_words(language)
    words = " ".join(text.split(maxsplit=TEXT_WORDS)[:TEXT_WORDS])
    counts: Counter[str] = Counter()
    names: set[str] = set()
    sentence_start = True
    for token in _TOKEN.findall(f"{title or ''}.\n{words}"):
        if not token[0].isalnum() and token[0] != "_":
            sentence_start = True
            continue
        word = token.lower()
        if len(word) >= 3 and not word.isdigit() and word not in stop:
            counts[word] += 1
            if token[0].isupper() and not sentence_start:
                names.add(word)
        sentence_start = False
    return {word: (1.0 + math.log(n)) * (NAME_WEIGHT if word in names else 1.0) for word, n in counts.items()}


@dataclass(slots=True)
class Vector:
    """A sparse unit vector: sorted term ids and their weights."""

    ids: np.ndarray
    weights: np.ndarray

    def dot(self, other: Vector) -> float:
        """Return the dot product with another vector."""
        _, mine, theirs = np.intersect1d(self.ids, other.ids, assume_unique=True, return_indices=True)
        return float(np.dot(self.weights[mine], other.weights[theirs]))


Bag = tuple[np.ndarray, np.ndarray]  # an article's term ids (int32) and their weights before idf (float32)


def bag(terms: dict[str, float], vocabulary: dict[str, int]) -> Bag:
    """Return an article's terms as compact arrays of ids (numbered in `vocabulary`) and weights."""
    ids = np.fromiter((vocabulary.setdefault(t, len(vocabulary)) for t in terms), dtype=np.int32, count=len(terms))
    return ids, np.fromiter(terms.values(), dtype=np.float32, count=len(terms))


def tfidf(bags: Sequence[Bag], limit: int = VECTOR_TERMS) -> list[Vector]:
    """Weigh each bag's terms by their idf, keep its `limit` heaviest, and make unit vectors of them."""
    every = [ids for ids, _ in bags]
    df = np.bincount(np.concatenate(every)) if any(len(ids) for ids in every) else np.zeros(0, dtype=np.int64)
    idf = np.log((len(bags) + PRIOR_DOCS) / np.maximum(df, 1))
    return [_unit(ids, (weights * idf[ids]).astype(np.float32), limit) for ids, weights in bags]


def _unit(ids: np.ndarray, weights: np.ndarray, limit: int) -> Vector:
    if len(ids) > limit:
        keep = np.argpartition(-weights, limit)[:limit]
        ids, weights = ids[keep], weights[keep]
    order = np.argsort(ids)
    norm = float(np.linalg.norm(weights)) or 1.0
    return Vector(ids[order], weights[order] / norm)


@dataclass(slots=True)
class _Story:
    members: list[int]
    similarity: list[float | None]
    total: Vector  # the sum of its members' vectors, cut to CENTROID_TERMS
    dates: tuple[dt.date, dt.date] | None
    terms: set[int] = field(default_factory=set)


def cluster(
    vectors: Sequence[Vector], dates: Sequence[dt.date | None], threshold: float, days: int
) -> list[tuple[list[int], list[float | None]]]:
    """Group vectors, taken in the order given, into stories: (member positions, similarity of each on joining)."""
    stories: list[_Story] = []
    posting: dict[int, list[int]] = {}
    window = dt.timedelta(days=days)
    for position, (vector, date) in enumerate(zip(vectors, dates, strict=True)):
        query = vector.ids[np.argsort(-vector.weights)[:QUERY_TERMS]]
        shared: Counter[int] = Counter()
        for term in query.tolist():
            shared.update(posting.get(term, ())[-PER_TERM:])
        best, best_score = -1, -1.0
        # In the order the stories began: of two equally near, the older one wins.
        for candidate in sorted(story for story, _ in shared.most_common(CANDIDATES)):
            story = stories[candidate]
            if date and story.dates and not (story.dates[0] - window <= date <= story.dates[1] + window):
                continue
            score = vector.dot(story.total) / (float(np.linalg.norm(story.total.weights)) or 1.0)
            if score >= threshold and score > best_score:
                best, best_score = candidate, score
        if best < 0:
            best = len(stories)
            stories.append(_Story([position], [1.0], vector, (date, date) if date else None))
        else:
            story = stories[best]
            story.members.append(position)
            story.similarity.append(round(best_score, 4))
            story.total = _add(story.total, vector)
            if date:
                story.dates = (min(story.dates[0], date), max(story.dates[1], date)) if story.dates else (date, date)
        for term in query.tolist():
            if term not in stories[best].terms:
                stories[best].terms.add(term)
                posting.setdefault(term, []).append(best)
    return [(story.members, story.similarity) for story in stories]


def _add(total: Vector, vector: Vector) -> Vector:
    ids, inverse = np.unique(np.concatenate([total.ids, vector.ids]), return_inverse=True)
    weights = np.zeros(len(ids), dtype=np.float32)
    np.add.at(weights, inverse, np.concatenate([total.weights, vector.weights]))
    if len(ids) > CENTROID_TERMS:
        keep = np.sort(np.argpartition(-weights, CENTROID_TERMS)[:CENTROID_TERMS])
        ids, weights = ids[keep], weights[keep]
    return Vector(ids, weights)


def outlet(url: str | None, site_name: str | None) -> str | None:
    """Return an article's outlet: its URL's host without "www.", else its site name."""
    host = (urlsplit(url).hostname or "") if url else ""
    host = host.removeprefix("www.")
    return host or site_name or None


def update_stories(out: str, config_json: str, threshold: float, days: int) -> RunStats:
    """Group every article of `out` into stories and rewrite DIR/stories; return the counts (`stories`)."""
    from flows.output.load import article_batches, load_articles  # see _LAZY

    started = time.perf_counter()
    articles = load_articles(out, columns=_ARTICLE_COLUMNS).to_pylist()
    copies = dict(_copies(out))
    firsts = [row for row in articles if row["doc_id"] not in copies]
    firsts.sort(key=lambda row: (_date(row) is None, _date(row) or dt.date.min, row["source"]))
    position = {row["doc_id"]: i for i, row in enumerate(firsts)}
    vocabulary: dict[str, int] = {}
    empty: Bag = (np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))
    bags = [empty] * len(firsts)
    wanted = [("doc_id", "in", list(position))] if len(position) < len(articles) else None
    # A batch at a time: the texts of a whole output need not be in memory at once.
    for batch in article_batches(out, ["doc_id", "text"], wanted):
        for doc_id, text in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist(), strict=True):
            if doc_id in position:
                row = firsts[position[doc_id]]
                bags[position[doc_id]] = bag(story_terms(row["title"], text, row["language"]), vocabulary)
    vectors = tfidf(bags)
    del bags  # the vectors are what the grouping needs: not both at once
    groups = cluster(vectors, [_date(row) for row in firsts], threshold, days)
    by_id = {row["doc_id"]: row for row in articles}
    followers: dict[str, list[str]] = {}
    for doc_id, first in copies.items():
        if first in by_id and doc_id in by_id:
            followers.setdefault(first, []).append(doc_id)
    rows = [_story_row(members, similarity, firsts, followers, by_id) for members, similarity in groups]
    write_part(out, STORIES, "part-00000", rows, config_json)
    stories = sum(1 for row in rows if row["size"] > 1)
    return RunStats(stories=stories, story_seconds=time.perf_counter() - started)


def _story_row(
    members: list[int],
    similarity: list[float | None],
    firsts: list[dict[str, Any]],
    followers: dict[str, list[str]],
    by_id: dict[str, dict[str, Any]],
) -> dict[str, object]:
    documents: list[str] = []
    similarities: list[float | None] = []
    for member, score in zip(members, similarity, strict=True):
        doc_id = firsts[member]["doc_id"]
        documents.append(doc_id)
        similarities.append(score)
        copies = sorted(followers.get(doc_id, ()), key=lambda d: by_id[d]["source"])
        documents += copies
        similarities += [None] * len(copies)
    rows = [by_id[d] for d in documents]
    published = [row["published"] for row in rows if row["published"]]
    fetched = [row["fetched_at"] for row in rows if row["fetched_at"]]
    return {
        "story_id": documents[0],
        "title": next((row["title"] for row in rows if row["title"]), None),
        "size": len(documents),
        "documents": documents,
        "similarity": similarities,
        "outlets": sorted({o for row in rows if (o := outlet(row["url"], row["site_name"]))}),
        "languages": sorted({row["language"] for row in rows if row["language"]}),
        "first_published": min(published, default=None),
        "last_published": max(published, default=None),
        "first_fetched": min(fetched, default=None),
        "last_fetched": max(fetched, default=None),
    }


def _date(row: dict[str, Any]) -> dt.date | None:
    if row["published"]:
        return row["published"]  # type: ignore[no-any-return]
    return row["fetched_at"].date() if row["fetched_at"] else None


def _copies(out: str) -> Iterator[tuple[str, str]]:
    """Yield (doc_id, first copy) of every near-duplicate in `out`."""
    from flows.output.load import load_table  # see _LAZY

    table = load_table(out, DUPLICATES, ["doc_id", "dup_of"], pc.field("dup_of").is_valid())
    yield from zip(table.column("doc_id").to_pylist(), table.column("dup_of").to_pylist(), strict=True)


def load_stories(out: str, min_size: int = 1) -> pa.Table:
    """Load the stories of `out` (of at least `min_size` articles), largest first; empty when there are none."""
    from flows.output.load import load_table  # see _LAZY

    table = load_table(out, STORIES, filters=[("size", ">=", min_size)])
    return table.sort_by([("size", "descending"), ("story_id", "ascending")])


def story_of(out: str, key: str) -> dict[str, Any] | None:
    """Return the story with id `key`, or the one holding the document `key` (a doc_id), else None."""
    stories = load_stories(out)
    documents = stories.column("documents")
    holding = pc.filter(pc.list_parent_indices(documents), pc.equal(pc.list_flatten(documents), key))
    for found in (pc.indices_nonzero(pc.equal(stories.column("story_id"), key)), holding):
        if len(found):
            return stories.take(found[:1]).to_pylist()[0]  # type: ignore[no-any-return]
    return None
