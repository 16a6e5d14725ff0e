"""The Markdown rendering of a body loses the lines its plain text lost."""

from __future__ import annotations

from cleaners import clean_text
from cleaners.markdown import clean_markdown, plain

TEXT = (
    "The council met on Tuesday and heard from residents about the new bridge over the river.\n"
    "What was decided\n"
    "- The vote is set for May\n"
    "Advertisement\n"
    "| Name | Votes |\n"
    "Read more: Another story about bridges\n"
    "The mayor said the vote would be held in the spring, after a second round of consultation.\n"
)
MARKDOWN = (
    "The council met on Tuesday and heard from residents about the new bridge over the river.\n\n"
    "## What was decided\n\n"
    "- The vote is set for May\n\n"
    "Advertisement\n\n"
    "| Name | Votes |\n\n"
    "Read more: Another story about bridges\n\n"
    "The mayor said the **vote** would be held in the spring, after a second round of consultation.\n"
)


def test_a_line_goes_from_the_markdown_when_its_twin_went_from_the_text() -> None:
    cleaned = clean_text(TEXT, extracted=True)
    assert {r.rule for r in cleaned.removals} == {"widget", "teaser"}
    markdown = clean_markdown(MARKDOWN, cleaned)
    assert "## What was decided" in markdown and "| Name | Votes |" in markdown and "**vote**" in markdown
    assert "Advertisement" not in markdown and "Read more" not in markdown


def test_lines_that_do_not_pair_up_go_by_what_they_say() -> None:
    cleaned = clean_text(TEXT, extracted=True)
    split = MARKDOWN.replace("over the river.", "over\n\nthe river.")  # one line more than the text has
    markdown = clean_markdown(split, cleaned)
    assert "Advertisement" not in markdown and "Read more" not in markdown and "## What was decided" in markdown


def test_plain_strips_markdowns_marks() -> None:
    assert plain("## **Vote** in _May_") == "Vote in May"
    assert plain("> - 1. `code` point") == "code point"
    assert plain("snake_case_name stays") == "snake_case_name stays"
