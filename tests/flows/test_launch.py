"""The hand-over's own JSON encoding: what json.loads reads back, for any text the command may send."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.launch import json_line

# Any code point, lone surrogates too: command-line arguments of file names that are not UTF-8 hold them.
TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=30)
OFFER = st.fixed_dictionaries(
    {"argv": st.lists(TEXT, max_size=5), "cwd": TEXT, "env": st.dictionaries(TEXT, TEXT, max_size=4), "code": TEXT}
)


@settings(max_examples=300, deadline=None)
@given(OFFER)
def test_an_offer_reads_back_as_it_was_sent(offer: dict[str, object]) -> None:
    line = json_line(offer)
    assert line.endswith(b"\n") and line.count(b"\n") == 1  # one line of the line-based protocol
    assert json.loads(line) == offer
    assert json.loads(line) == json.loads(json.dumps(offer))


def test_what_is_not_text_is_refused() -> None:
    with pytest.raises(TypeError, match="int"):
        json_line({"workers": 2})
