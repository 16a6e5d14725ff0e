"""Find a page's byline as trafilatura's `extract_author` does, without its regular-expression XPaths.

trafilatura tests every element's class and id against regular expressions through lxml's EXSLT
extension, which calls back into Python for each element, three times over a copy of the page.
Here one XPath collects the attribute values (in C), one regular expression keeps those that can
match, and trafilatura's tests run in Python on those few elements. The result is trafilatura's,
page for page (tests/flows/stages/test_authors.py).
"""

from __future__ import annotations

import re
from copy import deepcopy
from typing import Any

from lxml.etree import XPath
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.metadata import normalize_authors
from trafilatura.utils import trim
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS

# A superset of the elements trafilatura's AUTHOR_XPATHS can match: the class, id and itemprop values
# (in C) with one of the substrings their regular expressions need (in Python), and the rarer tests.
_ATTRIBUTES = XPath(
    "//@class|//@id|//@itemprop|//author|//*[@rel='author' or @data-testid='AuthorCard' or "
    "@data-testid='AuthorURL' or contains(@data-component, 'Byline') or rel]"
)
_HINT = re.compile(
    "uthor|yline|writer|screenname|channel-name|submitted-by|posted-by|journalist-name|zuozhe|bianji|xiaobian|"
    "^(?:username|byl|BBL)$"
)

# trafilatura.xpaths.AUTHOR_XPATHS, one predicate per expression, in its order.
_SPECIFIC_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_SPECIFIC_CLASS = re.compile("author-?name|AuthorName|authorName")
_GENERIC_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
_GENERIC_ID = re.compile("author|zuozhe|bianji|xiaobian")
_GENERIC_CLASS = re.compile("author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
_ANY_ID = re.compile("[Aa]uthor")
_ANY_CLASS = re.compile("[Aa]uthor|screenname|writer|[Bb]yline")

# trafilatura.xpaths.AUTHOR_DISCARD_XPATHS: the parts of the page its search leaves out.
_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})
_DISCARD_ID = re.compile("^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile(
    "^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|"
    "article-(?:share|support)|print|category|meta-date|meta-reviewer"
)


def _specific(element: Any, cls: str, ident: str) -> bool:
    if element.tag == "author":
        return True
    return element.tag in _SPECIFIC_TAGS and (
        element.get("rel") == "author"
        or ident == "author"
        or cls == "author"
        or element.get("itemprop") == "author name"
        or any("".join(rel.itertext()) == "me" for rel in element.iterchildren("rel"))
        or element.get("data-testid") in ("AuthorCard", "AuthorURL")
        or bool(_SPECIFIC_CLASS.search(cls))
    )


def _generic(element: Any, cls: str, ident: str) -> bool:
    return element.tag in _GENERIC_TAGS and (
        cls in ("byline", "username", "byl", "BBL")
        or "author" in element.get("itemprop", "")
        or bool(_GENERIC_ID.search(ident))
        or bool(_GENERIC_CLASS.search(cls))
    )


def _any(element: Any, cls: str, ident: str) -> bool:
    return (
        "Byline" in element.get("data-component", "")
        or "author" in element.get("itemprop", "")
        or bool(_ANY_ID.search(ident))
        or bool(_ANY_CLASS.search(cls))
    )


_EXPRESSIONS = (_specific, _generic, _any)


def _discarded(element: Any) -> bool:
    """Tell whether trafilatura's pruning removes the element: it or an ancestor is left out."""
    for node in (element, *element.iterancestors()):
        if node.tag in ("time", "figure"):
            return True
        if node.getparent() is None:  # the root: `.//*` does not reach it
            return False
        if node.tag in _DISCARD_TAGS:
            cls, ident = node.get("class", ""), node.get("id", "")
            if (
                ident == "comments"
                or cls in ("comments", "title", "date")
                or _DISCARD_ID.search(ident)
                or _DISCARD_CLASS.search(cls)
                or "Figure" in node.get("data-component", "")
            ):
                return True
    return False


def find_author(tree: Any) -> str | None:
    """Return the page's author(s) as trafilatura.metadata.extract_author finds them, or None."""
    found: dict[Any, None] = {}  # in document order
    for node in _ATTRIBUTES(tree):
        if not isinstance(node, str):
            found[node] = None
        elif _HINT.search(node):
            found[node.getparent()] = None
    candidates = [element for element in found if not _discarded(element)]
    for expression in _EXPRESSIONS:
        for element in candidates:
            if not expression(element, element.get("class", ""), element.get("id", "")):
                continue
            # Its text as trafilatura reads it, from a copy pruned as trafilatura prunes the page.
            content = trim(" ".join(prune_unwanted_nodes(deepcopy(element), AUTHOR_DISCARD_XPATHS).itertext()))
            if content and 2 < len(content) < 120:
                return normalize_authors(None, content)
    return None
