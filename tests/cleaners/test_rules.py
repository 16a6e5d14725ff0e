"""Each rule on lines it must remove, and on content lines that only look like chrome."""

from __future__ import annotations

import pytest

from cleaners import CleanConfig, clean_text

HEAD = "Ministers agree a new plan for the national rail network\n"
BEFORE = (
    "The government announced on Tuesday that it would spend more on trains, buses and trams "
    "over the next five years, after months of talks with the unions."
)
AFTER = "The plan still needs the approval of parliament, which will vote on it next month."


def fate(line: str, *, language: str | None = "en") -> str | None:
    """Return the rule that removed `line` when it stands between two body paragraphs, else None."""
    doc = f"{HEAD}\n{BEFORE}\n\n{line}\n\n{AFTER}\n"
    cleaned = clean_text(doc, CleanConfig(), language=language)
    assert BEFORE in cleaned.text and AFTER in cleaned.text, "a body paragraph was lost"
    rules = [r.rule for r in cleaned.removals if r.text.strip() == line.strip()]
    return rules[0] if rules else None


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Protesters gather outside parliament in London. (Photo by Jane Roe/AFP via Getty Images)", None),
        ("The Prime Minister leaves Downing Street on Monday (PA)", None),
        ("Soldiers train near the border (Getty)", None),
        ("Photo: Sergei Supinsky, AFP", None),
        ("Picture date: Tuesday February 15, 2022.", None),
        ("EDITORIAL USE ONLY", None),
        ("Image 1 of 9", "widget"),
        ("Oops! Something went wrong.", None),
        ("Advertisement", "widget"),
        ("Read more: Why the trains are always late", "teaser"),
        ("Watch: the minister explains the plan", "teaser"),
        ("Related: Unions call off the strike", "teaser"),
        ("Sign up to our newsletter to get the latest news delivered to your inbox", "prompt"),
        ("Follow us on Twitter and Facebook for more updates", "prompt"),
        ("Source: Read Full Article", "navigation"),
        ("Previous post Minister resigns over rail plan", "navigation"),
        ("Next post Strikes planned for March", "navigation"),
        ("← Previous: Strikes planned for March", "navigation"),
        ("Read the full story here", "navigation"),
        ("(Reporting by John Smith; Editing by Jane Doe)", "credit_line"),
        ("© 2022 Example News Ltd. All rights reserved.", None),
        ('<div class="ad-slot" data-id="42"></div>', "markup"),
        ("05/10/2018 - Publicado por: Ana Souza - Categoria: Saúde - Tags: saúde", "post_meta"),
        ("Posted by admin | Category: News | Comments: 4", "post_meta"),
        ("Posted in News | Tagged budget, council | Leave a comment", "post_meta"),
        ("Comments are moderated and must follow our community guidelines.", "notice"),
        ("Prices are subject to change without notice.", "notice"),
        ("If you buy something through our links, we may earn a commission.", "notice"),
        (
            "stock car 2018, stock car brasil, stock car interlagos, stock car taruma, stock car rio, stock car etapa",
            "keywords",
        ),
        ("Follow AP's full coverage of the elections at https://example.org/elections", "prompt"),
        ("The wreck in the harbour, photos © Studio Example, 2018", "caption_credit"),
        ("Soldiers on patrol (Image: GETTY)", "caption_credit"),
        ("The minister arrives in Downing Street. Stefan Rousseau/PA", "caption_credit"),
        ("Stefan Rousseau, PA Wire", "caption_credit"),
        ("Symbolbild: Jane Doe/dpa", "caption_credit"),
        ("Let our news meet your inbox. The stories that matter, delivered weekday mornings.", "prompt"),
        ("We want to hear what you think. Submit a letter to the editor or write to letters@example.com.", "prompt"),
        ("Get the Example Times' Daily Edition by email and never miss our top stories Free Sign Up", "prompt"),
        ("CLICK HERE FOR MORE SPORTS COVERAGE ON EXAMPLE.COM", "prompt"),
        ("To continue reading, subscribe now", "prompt"),
        ("Don’t miss out: sign up for our daily newsletter", "prompt"),
    ],
)
def test_chrome_line_is_removed(line: str, rule: str | None) -> None:
    removed_by = fate(line)
    assert removed_by is not None, f"{line!r} was kept"
    if rule is not None:
        assert removed_by == rule


@pytest.mark.parametrize(
    "line",
    [
        # Quotations, including ones that end in a closing quote mark.
        "“We will not accept a plan that cuts jobs,” the union leader said.",
        "‘This is the biggest investment in a generation,’ she added.",
        # Sub-headings and list items.
        "What happens next",
        "* Fares will be frozen until 2024",
        "- Sign up for a season ticket to get the discount",
        # Prose that mentions the words chrome uses.
        "More than 100,000 commuters use the line every day, according to the operator.",
        "The company updated its privacy policy after regulators found it shared data with advertisers.",
        "Read more carefully, the report shows that delays doubled in the last year.",
        "Watch out for the new timetable, officials warned passengers on Monday.",
        "The minister, who was photographed by reporters leaving the meeting, declined to comment.",
        # A question repeated in an interview is content (see the duplicate rule).
        "What made you start cooking?",
        # Korean/Japanese title brackets are not HTML.
        "The troupe performed <The Palace: Tale of Jang Noksu> at the opening ceremony.",
        # An embedded post's signature.
        "— The Nigerian Senate (@NGRSenate) October 9, 2018",
        # A list of names or places is not keyword stuffing.
        "Delegates came from Brazil, Chile, Peru, Mexico, Canada, Spain, Portugal and Italy",
        # Comments and prices as news.
        "Comments by the minister were approved by the cabinet on Monday, officials said.",
        "Prices rose 3 percent in October, the statistics office said.",
        # A US state's code after a comma is a place, not the Press Association's credit.
        "He grew up in a small house outside Allentown, PA.",
        "June 26 -- PPL Center, Allentown, PA",
        # A dated sentence with a category word in it.
        "On 05/10/2018 the category of the storm was raised to four by forecasters.",
        # Prose may end with a sign-up word; a sign-up box has no full stop before it and names a channel.
        "Readers of the newsletter can decide whether to subscribe.",
        # A teaser's word opening prose: no separator, no label in capitals.
        "More Americans are buying homes than at any time since 2006",
        "Watch Out For The Ice was the name of the campaign",
        # A post's words in prose, without a theme's separators.
        "The video was posted in March and tagged with the campaign name",
        # Share words in prose.
        "Supported by a majority of voters, the plan passed easily on Tuesday.",
        "On Facebook, the post was shared more than 10,000 times by Monday.",
        # Writing to someone is prose unless an address follows.
        "Residents were urged to write to their local council before the vote on Friday.",
        # Non-Latin scripts pass through untouched.
        "Правительство объявило о новом плане для железных дорог страны.",
        "政府は月曜日、鉄道網の新しい計画を発表した。",
    ],
)
def test_content_line_is_kept(line: str) -> None:
    assert fate(line) is None


@pytest.mark.parametrize(
    ("line", "removed"),
    [
        ("Unser Newsletter bringt die Nachrichten des Tages jeden Morgen Jetzt anmelden", True),
        ("Wer den Newsletter lesen will, muss sich zuerst anmelden.", False),
    ],
)
def test_a_sign_up_box_closes_with_its_button(line: str, removed: bool) -> None:
    assert (fate(line, language="de") == "prompt") == removed


def test_caption_rule_names_captions_column() -> None:
    text = f"{HEAD}\n{BEFORE}\n\nTroops on parade in Kyiv (Photo by Jane Roe/AFP via Getty Images)\n\n{AFTER}\n"
    cleaned = clean_text(text)
    assert cleaned.captions == ["Troops on parade in Kyiv (Photo by Jane Roe/AFP via Getty Images)"]
    assert cleaned.related == []


def test_a_no_break_space_in_a_phrase_is_a_space() -> None:
    text = f"{HEAD}\n{BEFORE}\n\nLire\xa0aussi\xa0: Les loyers flambent à Lyon\n\n{AFTER}\n"
    assert clean_text(text, language="fr").related == ["Lire\xa0aussi\xa0: Les loyers flambent à Lyon"]


@pytest.mark.parametrize(
    "line",
    [
        "► Lesen Sie auch: Die Mieten steigen weiter",
        "👉 Lesen Sie auch: Die Mieten steigen weiter",
        "» Lesen Sie auch: Die Mieten steigen weiter",
        "Lesen Sie auch ► Die Mieten steigen weiter",
    ],
)
def test_an_arrow_or_emoji_before_a_teaser_is_decoration(line: str) -> None:
    assert fate(line, language="de") == "teaser"


@pytest.mark.parametrize(
    ("line", "language", "stamp"),
    [
        ("2 hours ago", "en", True),
        ("Updated 5 min ago", "en", True),
        ("vor 2 Stunden", "de", True),
        ("Il y a 3 heures", "fr", True),
        ("Hace 2 horas", "es", True),
        ("2 uur geleden", "nl", True),
        ("14. Februar 2022, 10:30 Uhr", "de", True),  # a day before its month, not item 14 of a list
        ("Vor 2 Stunden begann die Sitzung", "de", False),
        ("2 Stunden", "de", False),
    ],
)
def test_a_stamp_under_the_headline_is_removed(line: str, language: str, stamp: bool) -> None:
    text = f"Trains resume after the storm\n\n{line}\n\n{LIVE_ENTRY}More trains run on Wednesday, the agency said.\n"
    removed = [r.text for r in clean_text(text, language=language).removals if r.rule == "byline_dateline"]
    assert removed == ([line] if stamp else [])


def test_a_paywall_prompt_in_spanish_names_its_channel_with_an_accent() -> None:
    assert fate("Para seguir leyendo, suscríbete", language="es") == "prompt"


def test_a_pointed_prompt_is_no_list_item() -> None:
    assert fate("👉 Melden Sie sich für unseren Newsletter an", language="de") == "prompt"
    assert fate("»Wir prüfen das«, sagte der Minister am Abend in Berlin.", language="de") is None


def test_teaser_goes_to_related_column() -> None:
    text = f"{HEAD}\n{BEFORE}\n\nRead more: Why the trains are always late\n\n{AFTER}\n"
    assert clean_text(text).related == ["Read more: Why the trains are always late"]


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("Related articles", "en"),
        ("Tags", "en"),
        ("Mehr zum Thema", "de"),
        ("Mehr zum Thema auf Beispiel.de", "de"),
        ("Don’t miss", "en"),  # a typographic apostrophe is the lexicon's "'"
        ("Editor´s picks", "en"),
    ],
)
def test_related_list_header_takes_its_items(header: str, language: str) -> None:
    # A header that is also a widget's word ("Tags") still takes its list.
    text = (
        f"{HEAD}\n{BEFORE}\n\n{AFTER}\n\n{header}\n\nUnions call off the strike\n\n"
        "Minister resigns over the rail plan\n"
    )
    cleaned = clean_text(text, language=language)
    assert [r.rule for r in cleaned.removals if r.rule != "title"] == ["related_list"] * 3
    assert cleaned.text == f"{BEFORE}\n\n{AFTER}"


def test_duplicate_caption_lines_are_removed_but_sentences_stay() -> None:
    caption = "The troupe on stage at the festival opening in Seoul"
    question = "What made you start cooking?"
    body = "\n\n".join([BEFORE, caption, question, "I always liked it.", caption, question, "Curiosity.", AFTER])
    cleaned = clean_text(f"{HEAD}\n{body}\n")
    assert cleaned.text.count(caption) == 1
    assert cleaned.text.count(question) == 2
    assert [r.rule for r in cleaned.removals if r.text == caption] == ["duplicate"]
    # Printed three times or more, a line is the page's structure: every copy stays.
    thrice = "\n\n".join([BEFORE, caption, "One.", caption, "Two.", caption, AFTER])
    assert clean_text(f"{HEAD}\n{thrice}\n").text.count(caption) == 3


def test_a_caption_printed_again_right_after_itself_is_a_stutter_however_often() -> None:
    caption = "The troupe on stage at the festival opening in Seoul"
    body = "\n\n".join([BEFORE, caption, caption, "\u200b", caption, AFTER])
    cleaned = clean_text(f"{HEAD}\n{body}\n")
    assert cleaned.text.count(caption) == 1
    assert [r.rule for r in cleaned.removals if r.text == caption] == ["duplicate", "duplicate"]


def test_a_plan_that_repeats_its_steps_by_design_keeps_them() -> None:
    steps = ["Breakfast: oats with berries and yoghurt", "Lunch: lentil soup with rye bread", "Snack: an apple"]
    phases = [f"Week {n} of the plan" for n in (1, 2, 3, 4)]
    body = "\n\n".join(line for phase in phases for line in [phase, *steps])
    cleaned = clean_text(f"{HEAD}\n{BEFORE}\n\n{body}\n\n{AFTER}\n")
    for step in steps:
        assert cleaned.text.count(step) == 4, step


PARAGRAPHS = [
    "The council met on Tuesday and heard from residents, engineers and the mayor about the new bridge. "
    "The meeting ran late into the evening.",
    "Its cost has doubled since the first plans were drawn, mostly because steel prices rose last year. "
    "A second quote is expected in May.",
    "Residents on the north bank fear the traffic it would bring through their narrow streets at night. "
    "Several of them spoke at length.",
    "Engineers said the old crossing could stand for another decade if lorries were kept off it. "
    "They showed photographs of its piers.",
    "The mayor promised a public vote before any contract is signed, probably early next spring. "
    "The opposition called that too late.",
    "Shops near the old crossing say trade has fallen by a third since the weight limit came in. "
    "Two have closed since the summer.",
    "A decision on the route is due in the autumn, after a second round of consultation with the "
    "boroughs on both banks of the river.",
]


def test_an_article_printed_again_loses_its_later_copies() -> None:
    body = "\n\n".join(PARAGRAPHS)
    # The page loads its other editions: the whole body twice more, a separator between paragraphs.
    again = "\n\n-\n\n".join(PARAGRAPHS)
    cleaned = clean_text(f"{HEAD}\n{body}\n\nInternational edition\n\n{again}\n\n{body}\n")
    for paragraph in PARAGRAPHS:
        assert cleaned.text.count(paragraph) == 1
    assert {r.rule for r in cleaned.removals if r.text in PARAGRAPHS} == {"repeated_block"}


def test_short_lines_repeated_by_design_are_not_an_article_printed_again() -> None:
    steps = [f"Step {n}: stir the sauce for {n} minutes over a low heat, then taste it." for n in range(1, 9)]
    body = "\n\n".join(line for phase in ("Phase one", "Phase two") for line in [phase, *steps])
    cleaned = clean_text(f"{HEAD}\n{BEFORE}\n\n{body}\n\n{AFTER}\n")
    assert all(cleaned.text.count(step) == 2 for step in steps)
    # Long enough, the same run is an article printed again (the threshold is the config's).
    config = CleanConfig(repeat_line_words=8, repeat_min_words=100)
    assert all(clean_text(f"{HEAD}\n{body}\n", config).text.count(step) == 1 for step in steps)


def _excerpt(words: int, seed: int) -> str:
    return " ".join(f"w{seed}x{i}" for i in range(words)) + " …"


def test_excerpts_cut_to_one_length_are_removed() -> None:
    excerpts = [_excerpt(40, n) for n in range(3)]
    body = "\n\n".join([BEFORE, AFTER, "More from the blog", *excerpts])
    cleaned = clean_text(f"{HEAD}\n{body}\n")
    assert [r.rule for r in cleaned.removals if r.text in excerpts] == ["excerpt"] * 3


@pytest.mark.parametrize(
    "sizes",
    [
        (40, 20, 60),  # a writer's paragraphs that trail off: lengths that differ
        (40, 40),  # two alike are not yet a list
    ],
)
def test_paragraphs_ending_in_an_ellipsis_at_any_length_stay(sizes: tuple[int, ...]) -> None:
    lines = [_excerpt(n, i) for i, n in enumerate(sizes)]
    cleaned = clean_text(f"{HEAD}\n{BEFORE}\n\n" + "\n\n".join(lines) + f"\n\n{AFTER}\n")
    assert all(line in cleaned.text for line in lines)


def test_restated_caption_is_removed() -> None:
    sentence = (
        "Troops in Ukraine fired anti-tank weapons in exercises yesterday as the country "
        "continued to prepare for a possible invasion."
    )
    caption = "Troops in Ukraine fired anti-tank weapons in exercises yesterday as the country continued to prepare"
    cleaned = clean_text(f"{HEAD}\n{sentence}\n\n{AFTER}\n\n{caption}\n")
    assert sentence in cleaned.text
    assert caption not in cleaned.text.replace(sentence, "")
    assert [r.rule for r in cleaned.removals if r.text == caption] == ["restated"]


def test_every_copy_of_a_restated_caption_is_removed_and_repeats_that_restate_nothing_stay() -> None:
    sentence = (
        "Troops in Ukraine fired anti-tank weapons in exercises yesterday as the country "
        "continued to prepare for a possible invasion."
    )
    caption = "Troops in Ukraine fired anti-tank weapons in exercises yesterday as the country continued to prepare"
    step = "Breakfast with oats, berries and a glass of fresh orange juice from the market stall"
    parts = [sentence, caption, step, BEFORE, caption, step, AFTER, caption, step]
    cleaned = clean_text(f"{HEAD}\n" + "\n\n".join(parts) + "\n")
    assert [r.rule for r in cleaned.removals if r.text == caption] == ["restated"] * 3
    assert cleaned.text.count(step) == 3


def test_restated_lines_prepared_together_are_those_found_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import cleaners.rules
    from cleaners.lines import Doc, split_lines
    from cleaners.rules import RestatedRule
    from cleaners.shingles import line_trigrams

    sentence = "Troops fired anti-tank weapons in exercises yesterday as the country prepared for an invasion."
    caption = "Troops fired anti-tank weapons in exercises yesterday as the country prepared"
    texts = [f"{HEAD}\n{BEFORE}\n\n{sentence}\n\n{caption}\n", f"{sentence}\n\n{AFTER}\n\n{caption}\n", "", AFTER]
    rule, config = RestatedRule(), CleanConfig()
    alone = [list(rule.select(Doc(split_lines(text)), config)) for text in texts]
    assert alone[0] and alone[1]
    # The hashes of several documents' lines share one pass, up to a length: here two passes of two.
    docs = [Doc(split_lines(text)) for text in texts]
    monkeypatch.setattr(cleaners.rules, "SHORT_TEXTS", cleaners.rules._chars(docs[0]) + cleaners.rules._chars(docs[1]))
    passes = []
    monkeypatch.setattr(cleaners.rules, "line_trigrams", lambda keys: passes.append(len(keys)) or line_trigrams(keys))
    rule.prepare(docs, config)
    assert all(rule.name in doc.prepared for doc in docs)
    assert [list(rule.select(doc, config)) for doc in docs] == alone
    assert passes == [len(docs[0].lines) + len(docs[1].lines), len(docs[3].lines)]
    # What was prepared for other lines is not used: a line removed since, the rule looks again.
    doc = Doc(split_lines(texts[0]))
    rule.prepare([doc], config)
    doc.removed[next(ln.index for ln in doc.lines if ln.text == sentence)] = "test"
    assert list(rule.select(doc, config)) == []


def test_exactly_repeated_sentence_is_kept() -> None:
    # Interviews and live pages repeat whole sentences on purpose; only captions and teasers are cut.
    sentence = "Which dish do you cook most often for your family when you have very little time?"
    cleaned = clean_text(f"{HEAD}\n{BEFORE}\n\n{sentence}\n\nPasta.\n\n{sentence}\n\nSoup.\n\n{AFTER}\n")
    assert cleaned.text.count(sentence) == 2


def test_disabled_rule_does_not_run() -> None:
    text = f"{HEAD}\n{BEFORE}\n\nAdvertisement\n\n{AFTER}\n"
    assert "Advertisement" not in clean_text(text).text
    kept = clean_text(text, CleanConfig(disabled_rules=frozenset({"widget"})))
    assert "Advertisement" in kept.text


def test_language_table_is_chosen_by_language() -> None:
    line = "Lire aussi : La SNCF augmente ses tarifs"
    assert fate(line, language="fr") == "teaser"
    assert fate("Lesen Sie auch: Die Bahn erhöht die Preise", language="de") == "teaser"
    # A German document does not use the French table.
    assert fate(line, language="de") is None


def test_reader_appeal_at_the_end_is_removed_but_quoted_pleas_stay() -> None:
    appeal = (
        "We do this work every day at no cost to you, but it is far from free to produce. "
        "Support our journalism and become a member today."
    )
    plea = "“We need your support and your donations,” the charity’s director told reporters."
    lead_in = "Most of our assignments begin when readers ask us a question, and our reporters then check it."
    text = f"{HEAD}\n{BEFORE}\n\n{plea}\n\n{AFTER}\n\n{lead_in}\n\n{appeal}\n\nSupport us\n"
    cleaned = clean_text(text)
    assert plea in cleaned.text
    assert [r.rule for r in cleaned.removals if r.rule != "title"] == ["appeal"] * 3


def test_video_teaser_needs_its_blurb_and_capital_subheadings_stay() -> None:
    title = "CO-FOUNDER PROUD OF EMPLOYEES LIVING OUT THEIR DREAM"
    blurb = "The company's co-founder discusses how employees are living out the American dream."
    subheading = "WILL THEY BASH THE BILLIONAIRES?"
    text = f"{HEAD}\n{BEFORE}\n\n{blurb}\n\n{title}\n\n{subheading}\n\n{AFTER}\n"
    cleaned = clean_text(text)
    assert subheading in cleaned.text
    assert {r.rule for r in cleaned.removals if r.text in (title, blurb)} == {"video_teaser"}
    assert cleaned.related == [blurb, title]


def test_author_bio_closing_the_article_is_removed() -> None:
    bio = "Jane Doe is a senior fellow at the Example Institute and the author of a book on railways."
    cleaned = clean_text(f"{HEAD}\n{BEFORE}\n\n{AFTER}\n\n{bio}\n")
    assert [r.rule for r in cleaned.removals if r.text == bio] == ["author_bio"]
    # The same shape in the middle of the story is reporting.
    middle = clean_text(f"{HEAD}\n{BEFORE}\n\n{bio}\n\n{AFTER}\n\n{BEFORE}\n\n{AFTER}.\n")
    assert bio in middle.text


def test_non_latin_scripts_are_kept_whole() -> None:
    paragraphs = {
        "ru": "Правительство объявило о новом плане для железных дорог. Министр сказал, что работы начнутся весной.",
        "ja": "政府は月曜日、鉄道網の新しい計画を発表した。工事は来年の春に始まる予定だと大臣は述べた。",
        "zh": "政府周一宣布了新的铁路网络计划。部长表示，工程将于明年春天开始。",
        "ar": "أعلنت الحكومة يوم الاثنين عن خطة جديدة لشبكة السكك الحديدية. وقال الوزير إن الأعمال ستبدأ في الربيع.",
        "ko": "정부는 월요일 철도망에 대한 새로운 계획을 발표했다. 장관은 공사가 내년 봄에 시작될 것이라고 말했다.",
        "hi": "सरकार ने सोमवार को रेल नेटवर्क के लिए नई योजना की घोषणा की। मंत्री ने कहा कि काम वसंत में शुरू होगा।",
    }
    for language, paragraph in paragraphs.items():
        text = "\n\n".join([paragraph, paragraph[::-1]])
        cleaned = clean_text(text, CleanConfig(detect_title=False), language=language)
        assert cleaned.removals == (), language
        assert cleaned.text == text, language


@pytest.mark.parametrize(
    ("line", "language", "removed"),
    [
        ("Bild: Max Muster", "de", True),
        ("Bild: Max Muster", "en", False),  # "Bild" is no credit word in English text
        ("Foto: Anna Rossi", "it", True),
        ("Photo: Jane Doe", "fr", True),  # English words stay on for every language
        ("Schlagworte: Bahn, Verkehr, Berlin", "de", True),
        ("Bild 3 von 12", "de", True),
        ("Weitere Nachrichten", "de", True),
        ("Weitere Nachrichten", "en", False),
        ("Folgen Sie uns auf Twitter und Facebook", "de", True),
        ("Das Foto zeigt den Bürgermeister vor dem Rathaus", "de", True),
        ("Das Foto zeigt den Bürgermeister vor dem Rathaus", "en", False),
        ("Max Muster ist Redakteur im Ressort Wirtschaft.", "de", True),
        ("Teilen | Drucken | E-Mail", "de", True),
        ("Sostienici: il nostro giornalismo è gratuito, la tua donazione ci aiuta.", "it", True),
        ("Kategorie: News", "de", True),
        ("Kontakt:", "de", True),
        ("Pour lire la suite", "fr", True),
        ("VEA TAMBIÉN: El titular de otra noticia del día", "es", True),
        ("Klicken Sie auf den Button, um den Inhalt von www.example.org zu laden.", "de", True),
        ("Abbildung 4: Aufbau der Messstation am Hang", "de", True),
        ("Let us know in the comments what you think.", "en", True),
        # Talk of comments in a closing paragraph is the writer's, not the site's.
        (
            "You learned how to change the font size. Any questions? Tell me about it in the comments below.",
            "en",
            False,
        ),
    ],
)
def test_words_come_from_the_lexicon_of_the_documents_language(line: str, language: str, removed: bool) -> None:
    cleaned = clean_text(f"{HEAD}\n{BEFORE}\n\n{line}\n\n{AFTER}\n", language=language)
    assert (line not in cleaned.text) == removed, cleaned.removals


def test_a_new_language_is_one_more_table_entry() -> None:
    from cleaners.lexicon import SOURCE_LABELS
    from cleaners.patterns import LexiconPattern

    pattern = LexiconPattern(r"^(?:⟨source⟩)\s*:", source={**SOURCE_LABELS, "fi": ("lähde",)})
    assert pattern("fi").match("Lähde: STT".lower()) and not pattern("de").match("lähde: stt")
    assert "fi" in pattern.languages


def test_a_paragraph_that_begins_with_the_title_is_kept() -> None:
    title = "Zusammenarbeit Shuji und Walter"
    paragraph = f"{title} April 2018 Posted 11. April 2018 " + "Wir haben zusammen fotografiert und gelernt. " * 8
    cleaned = clean_text(f"{title}\n{paragraph}\n{AFTER}\n", language="de", title=title, extracted=True)
    assert paragraph.strip() in cleaned.text
    again = clean_text(f"{title}\n{paragraph}\n", language="de", title=title, extracted=True)
    assert [r.rule for r in again.removals] == ["title"]  # the repeated headline line itself goes


def test_a_long_paragraph_that_closes_on_a_source_note_is_prose() -> None:
    paragraph = (
        " ".join(["Die Regierung hat am Montag neue Regeln für den Bahnverkehr beschlossen."] * 8) + " (FR mit dpa)"
    )
    cleaned = clean_text(f"{HEAD}\n{BEFORE}\n\n{paragraph}\n\n{AFTER}\n", language="de")
    assert paragraph in cleaned.text
    caption = "Der Bahnhof am Morgen. (Foto: dpa)"
    assert caption not in clean_text(f"{HEAD}\n{BEFORE}\n\n{caption}\n\n{AFTER}\n", language="de").text


@pytest.mark.parametrize(
    ("line", "removed"),
    [
        ("2019-11-19T08:57:40+01:00", True),
        ("https://static6.example.de/image/5dd3a081-500-250/10-things.jpg", True),
        ("logo.png", True),
        ("http://amzn.to/2hXWcSP", False),  # a deal page's links are its content
        ("The meeting on 2019-11-19 ended early.", False),
    ],
)
def test_page_metadata_printed_as_a_line_is_removed(line: str, removed: bool) -> None:
    cleaned = clean_text(f"{HEAD}\n{BEFORE}\n\n{line}\n\n{AFTER}\n")
    assert (line not in cleaned.text) == removed, cleaned.removals


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("Published 11:11 PM EST Nov 19, 2019", True),
        ("Jane Doe | 12.03.2020", True),
        ("Lundi 14 février 2022 à 10h30", True),
        ("The meeting on 2019-11-19 ended early.", False),
        ("Mitte Januar 2022 hat", False),  # a sentence the extractor cut at a link
        ("Letzte Änderung 14.02.2019", True),  # a capital beyond A-Z is still a capital
        ("Dernière mise à jour : 14/02/2019", True),
        ("Última actualización: 14/02/2019", True),
        ("über 12.03.2020 hinaus", False),
    ],
)
def test_a_date_stamp_is_a_date_with_names_not_a_sentence(line: str, stamp: bool) -> None:
    from cleaners.dates import is_date_stamp

    assert is_date_stamp(line) == stamp


LIVE_ENTRY = "A transit chief says a man was hurt on a commuter train during a fight on Tuesday.\n\n"


@pytest.mark.parametrize(
    ("line", "language", "byline"),
    [
        ("By Jane Doe", "en", True),
        ("by Jane Doe and John Roe", "en", True),
        ("Por Ángel García", "es", True),
        ("Par Éric Dupont", "fr", True),
        ("di Mario Rossi", "it", True),
        ("From Paris To Rome", "en", False),  # a heading, not a byline
        ("Di Maio", "it", False),
    ],
)
def test_a_byline_under_the_headline_is_removed(line: str, language: str, byline: bool) -> None:
    text = f"Trains resume after the storm\n\n{line}\n\n{LIVE_ENTRY}More trains run on Wednesday, the agency said.\n"
    removed = [r.text for r in clean_text(text, language=language).removals if r.rule == "byline_dateline"]
    assert removed == ([line] if byline else [])


@pytest.mark.parametrize(
    ("time", "language"), [("4:14 p.m.", "en"), ("14.05 Uhr", "de"), ("14h05", "fr"), ("09:30", "nl")]
)
def test_the_times_that_head_a_live_reports_entries_stay(time: str, language: str) -> None:
    live = f"The latest on the train attack (all times local):\n\n{time}\n\n{LIVE_ENTRY}___\n\n10:02\n\n{LIVE_ENTRY}"
    assert not [r for r in clean_text(live, language=language).removals if r.rule == "byline_dateline"]


def test_a_lone_time_under_the_headline_is_a_stamp() -> None:
    once = f"Trains resume after the storm\n\n4:14 p.m.\n\n{LIVE_ENTRY}More trains run on Wednesday, the agency said.\n"
    assert [r.text for r in clean_text(once, language="en").removals if r.rule == "byline_dateline"] == ["4:14 p.m."]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("« Vorheriger Beitrag", "de"),
        ("Article précédent", "fr"),
        ("Entrada anterior", "es"),
        ("Volgende artikel »", "nl"),
        ("Articolo precedente", "it"),
        ("Next post", "pt"),  # English words stay on for every language
    ],
)
def test_post_navigation_is_removed_in_the_documents_language(line: str, language: str) -> None:
    cleaned = clean_text(f"{HEAD}\n{BEFORE}\n\n{AFTER}\n\n{line}\n", language=language)
    assert line not in cleaned.text and ("navigation", line) in [(r.rule, r.text) for r in cleaned.removals]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("ATENÇÃO: Comentários ofensivos não serão aprovados pelo moderador.", "pt"),
        ("Kommentare werden moderiert und erscheinen nach Prüfung.", "de"),
        ("Alle Angaben ohne Gewähr, Preisänderungen vorbehalten.", "de"),
        ("Cet article contient des liens affiliés : nous percevons une commission.", "fr"),
    ],
)
def test_site_notices_are_removed_in_the_documents_language(line: str, language: str) -> None:
    assert fate(line, language=language) == "notice"
    assert fate(line, language="en") is None  # another language's words stay off


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Estimated reading time: 6 minutes", "en"),
        ("5 min read", "en"),
        ("Lesezeit: 3 Minuten", "de"),
        ("Temps de lecture : 4 min", "fr"),
        ("Tiempo de lectura: 2 minutos", "es"),
        ("Tempo di lettura: 3 minuti", "it"),
        ("Tempo de leitura: 1 minuto", "pt"),
        ("Leestijd: 3 minuten", "nl"),
        ("Ten tekst przeczytasz w mniej niż minutę", "pl"),
    ],
)
def test_a_reading_time_note_is_removed_as_metadata(line: str, language: str) -> None:
    assert fate(line, language=language) == "metadata"


def test_prose_about_reading_time_stays() -> None:
    assert fate("Reading time matters more than ever to publishers, who now track every second of it.") is None


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("(Reporting by Jane Doe; Editing by John Smith)", "en"),
        ("Mit Material von dpa und AFP", "de"),
        ("Alle Rechte vorbehalten. Nachdruck nur mit Genehmigung des Verlags.", "de"),
        ("Este artículo fue publicado originalmente en El Ejemplo.", "es"),
        ("Tous droits réservés", "fr"),
        ("Materiał chroniony prawem autorskim - zasady przedruków określa regulamin.", "pl"),
    ],
)
def test_credit_lines_are_removed_in_the_documents_language(line: str, language: str) -> None:
    assert fate(line, language=language) == "credit_line"


def test_a_day_before_its_month_is_no_list_number() -> None:
    from cleaners.lines import Line

    assert not Line.make(0, "3. Mai 2021", 0).bullet
    assert Line.make(0, "3. Den Teig ruhen lassen", 0).bullet


@pytest.mark.parametrize(
    ("line", "language", "rule"),
    [
        ("Compartir en Facebook", "es", "widget"),
        ("Condividi su WhatsApp", "it", "widget"),
        ("Delen op Twitter", "nl", "widget"),
        ("Artikel teilen", "de", "widget"),
        ("Story continues below advertisement", "en", "widget"),
        ("La suite après la publicité", "fr", "widget"),
        ("Continua após a publicidade", "pt", "widget"),
        ("Article réservé aux abonnés", "fr", "widget"),
        ("Listen to this story", "en", "widget"),
        ("Artikel anhören", "de", "widget"),
        ("Ascolta l'articolo", "it", "widget"),
        ("Kommentare (12)", "de", "widget"),
        ("Comments 3", "en", "widget"),
        ("A post shared by Jane Doe (@janedoe)", "en", "widget"),
        ("View this post on Instagram", "en", "widget"),
        ("Fehler gefunden? Jetzt melden.", "de", "widget"),
        ("Lire la suite", "fr", "widget"),
        ("Leer más", "es", "widget"),
        ("Lees meer", "nl", "widget"),
        ("Deel dit artikel", "nl", "widget"),
        ("Gift Article", "en", "widget"),
        ("Video Ad Feedback", "en", "widget"),
        ("Link Copied!", "en", "widget"),
        ("Pressemitteilung als PDF", "de", "widget"),
        ("Diese Seite: Drucken | Teilen", "de", "widget"),
        ("Terug naar overzicht", "nl", "widget"),
        ("Already a subscriber? Log in", "en", "widget"),
        ("Déjà abonné ? Se connecter", "fr", "widget"),
        ("Sei già abbonato? Accedi", "it", "widget"),
        ("Mehr lesen...", "de", "widget"),
        ("“Read more: Why the trains are always late”", "en", "teaser"),
        ("**Related:** Why the trains are always late", "en", "teaser"),
        ("« Lire aussi : Les loyers flambent »", "fr", "teaser"),
        ("LIRE AUSSI. Les loyers flambent", "fr", "teaser"),
        ("Lesen Sie auch... Die Mieten steigen", "de", "teaser"),
        ("LESEN SIE AUCH Die Mieten steigen", "de", "teaser"),
        ("mit Agenturmaterial", "de", "credit_line"),
        ("Avec agences", "fr", "credit_line"),
        ("Com informações da Agência Brasil", "pt", "credit_line"),
        ("Original-Content von: Beispiel AG, übermittelt durch news aktuell", "de", "credit_line"),
        ("Hier können Sie unseren Newsletter abonnieren.", "de", "prompt"),
        ("Lecture 3 min.", "fr", "metadata"),
        ("Leitura: 4 min", "pt", "metadata"),
        ("Lettura 3 min", "it", "metadata"),
        ("3 Min. Lesen", "de", "metadata"),
        ("Share this:", "en", "widget"),
        ("Teilen mit:", "de", "widget"),
        ("Gefällt mir Wird geladen …", "de", "widget"),
        ("J’aime ça :", "fr", "widget"),
        ("Me gusta esto:", "es", "widget"),
        ("Mi piace:", "it", "widget"),
        ("Curtir isso:", "pt", "widget"),
        ("Vind ik leuk:", "nl", "widget"),
        ("Click to share on Twitter (Opens in new window)", "en", "widget"),
        ("Klicken, um auf Facebook zu teilen (Wird in neuem Fenster geöffnet)", "de", "widget"),
        ("Cliquez pour partager sur Facebook(ouvre dans une nouvelle fenêtre)", "fr", "widget"),
        ("Bereits Abonnent? Hier einloggen", "de", "widget"),
        ("*", "en", "widget"),
        ("Support independent journalism", "en", "appeal"),
        ("Unterstützen Sie unabhängigen Journalismus", "de", "appeal"),
        ("Soutenez une rédaction indépendante", "fr", "appeal"),
        ("Apoya el periodismo independiente", "es", "appeal"),
        ("Steun onafhankelijke journalistiek", "nl", "appeal"),
        ("Skip to main content", "en", "widget"),
        ("Seite 1 von 3", "de", "widget"),
        ("Copy this link", "en", "widget"),
        ("Continue reading the main story", "en", "widget"),
        ("Link kopieren", "de", "widget"),
        ("Mostrar pie de foto", "es", "widget"),
        ("Zum Inhalt springen", "de", "widget"),
        ("Voir les commentaires", "fr", "widget"),
        ("Jetzt kostenlos testen", "de", "widget"),
        ("Sponsored Stories", "en", "related_list"),
        ("Lire aussi", "fr", "related_list"),
        ("Read the original article on Business Insider", "en", "credit_line"),
        ("Lea el artículo original en El Ejemplo.", "es", "credit_line"),
        ("Telefon: +49 - (40) - 300 30 - 1141", "de", "prompt"),
        ("Telefon: (0341) 696290, Fax: (0341) 6892826", "de", "prompt"),
        ("Téléphone : 01 23 45 67 89", "fr", "prompt"),
        ("Phone: +1 555 123 4567 | E-mail: press@example.com", "en", "prompt"),
        ("Unless otherwise noted, content on this site is licensed under CC BY 4.0.", "en", "credit_line"),
        ("Sofern nicht anders ausgewiesen, stehen Inhalte dieser Website unter CC-BY", "de", "credit_line"),
        ("Sauf mention contraire, le contenu de ce site est sous licence CC BY.", "fr", "credit_line"),
        ("Leave a Reply", "en", "notice"),
        ("Your email address will not be published. Required fields are marked *", "en", "notice"),
        ("Diese Website verwendet Akismet, um Spam zu reduzieren.", "de", "notice"),
        ("Speichere meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser.", "de", "notice"),
        ("Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *", "fr", "notice"),
        ("Deja una respuesta", "es", "notice"),
        ("Je e-mailadres wordt niet gepubliceerd.", "nl", "notice"),
        # Counts before a widget's label, zoom, bookmark, play, embedded-post and search buttons.
        ("12 Kommentare", "de", "widget"),
        ("3 comments", "en", "widget"),
        ("7 comentários", "pt", "widget"),
        ("Click to enlarge", "en", "widget"),
        ("Zum Vergrößern klicken", "de", "widget"),
        ("Haz clic para ampliar", "es", "widget"),
        ("Sauvegarder l'article", "fr", "widget"),
        ("Video abspielen", "de", "widget"),
        ("Riproduci video", "it", "widget"),
        ("Diesen Beitrag auf Instagram ansehen", "de", "widget"),
        ("Dit bericht op Instagram bekijken", "nl", "widget"),
        ("Rechercher", "fr", "widget"),
        ("Vorig artikel", "nl", "navigation"),
        # A player's fallback; a paywall's notice and meter; an old article's age.
        ("Your browser does not support the video tag.", "en", "notice"),
        ("Votre navigateur ne prend pas en charge la vidéo.", "fr", "notice"),
        ("La suite est réservée aux abonnés.", "fr", "widget"),
        ("Dieser Artikel ist nur für Abonnenten verfügbar.", "de", "widget"),
        ("Contenuto riservato agli abbonati", "it", "widget"),
        ("Il vous reste 75% de cet article à lire.", "fr", "widget"),
        ("You have 3 free articles left this month.", "en", "widget"),
        ("Te quedan 2 artículos gratuitos este mes.", "es", "widget"),
        ("This article is more than 2 years old", "en", "notice"),
        ("Dieser Artikel ist älter als ein Jahr.", "de", "notice"),
        ("Cet article date de plus de deux ans.", "fr", "notice"),
        ("Este artículo tiene más de un año.", "es", "notice"),
        # Recommendation headers, ad notes, share and comment buttons, footer links, app prompts, a
        # theme's category line.
        ("Verwandte Themen", "de", "related_list"),
        ("Temas relacionados", "es", "related_list"),
        ("I più visti", "it", "related_list"),
        ("Gerelateerd", "nl", "related_list"),
        ("Artikel wird nach der Anzeige fortgesetzt", "de", "widget"),
        ("Compartir este artículo", "es", "widget"),
        ("Einen Kommentar hinterlassen", "de", "widget"),
        ("Mentions légales", "fr", "widget"),
        ("Privacy policy", "en", "widget"),
        ("Téléchargez notre application", "fr", "prompt"),
        ("Baixe nosso app", "pt", "prompt"),
        ("Posted in Uncategorized", "en", "post_meta"),
        ("Publié dans Non classé", "fr", "post_meta"),
        ("Geplaatst in Algemeen", "nl", "post_meta"),
        # "Most commented" headers, like buttons, links back to all the news.
        ("Meistdiskutiert", "de", "related_list"),
        ("Top-Themen bei FIT FOR FUN", "de", "related_list"),
        ("Les plus commentés", "fr", "related_list"),
        ("Meest besproken", "nl", "related_list"),
        ("J’aime :", "fr", "widget"),
        ("Me gusta:", "es", "widget"),
        ("Alle Pressemitteilungen", "de", "widget"),
        ("Todas las noticias", "es", "widget"),
        ("Tutte le notizie", "it", "widget"),
        # Ad notes, audio players, text-size controls, consent and login buttons.
        ("La suite après cette publicité", "fr", "widget"),
        ("Continua a leggere dopo la pubblicità", "it", "widget"),
        ("Escuchar este artículo", "es", "widget"),
        ("Tamanho da fonte", "pt", "widget"),
        ("Lettergrootte", "nl", "widget"),
        ("Alle akzeptieren", "de", "widget"),
        ("Accept all", "en", "widget"),
        ("Show more", "en", "widget"),
        ("Anmelden", "de", "widget"),
        # Feedback and correction buttons, editors' credits, first-publication notes.
        ("Was this article helpful?", "en", "widget"),
        ("¿Te resultó útil este artículo?", "es", "widget"),
        ("Fout melden", "nl", "widget"),
        ("Redaktion: Max Mustermann", "de", "credit_line"),
        ("Cet article a été initialement publié sur Le Monde.", "fr", "credit_line"),
        # Breadcrumb trails.
        ("Home > News > Politics", "en", "navigation"),
        ("Startseite » Politik » Deutschland", "de", "navigation"),
        ("Accueil › Politique", "fr", "navigation"),
        ("Inicio > Política >", "es", "navigation"),
        ("» Home » Nieuws", "nl", "navigation"),
        ("Notizie › Politica › Europa", "it", "navigation"),
        # Labels over sponsored stories and live reports.
        ("Gesponserter Inhalt", "de", "widget"),
        ("Publireportage", "fr", "widget"),
        ("Eilmeldung", "de", "widget"),
        ("Última hora", "es", "widget"),
        # National agencies' credits, a photo's long name.
        ("Lusa", "pt", "caption_credit"),
        ("(Foto: ANP)", "nl", "caption_credit"),
        ("Fotografía: EFE", "es", "caption_credit"),
        # Author boxes' headers, comment invitations, share and home links, "click here" prompts.
        ("Über den Autor", "de", "widget"),
        ("Diskutieren Sie mit", "de", "widget"),
        ("Torna alla home", "it", "widget"),
        ("Compartilhe esta notícia", "pt", "widget"),
        ("Cliquez ici pour voir la vidéo", "fr", "prompt"),
        ("Haz clic aquí para ver el vídeo", "es", "prompt"),
        # Recommendation boxes: their headers, and labels that name the service.
        ("Around the web", "en", "related_list"),
        ("Mehr von unseren Partnern", "de", "related_list"),
        ("Contenuti sponsorizzati", "it", "related_list"),
        ("Gesponsert von Taboola", "de", "widget"),
        ("Recommandé par Outbrain", "fr", "widget"),
    ],
)
def test_chrome_in_seven_languages_is_removed_by_its_rule(line: str, language: str, rule: str) -> None:
    # Share bars and buttons, players, paywall notes, teasers in quotes or capitals, agency credits,
    # window links, appeal labels, reading times, contact details, licence footers, comment forms,
    # skip links, pagers, sponsored headers, syndication notes, paywall meters, age notes.
    assert fate(line, language=language) == rule


def test_a_service_for_subscribers_and_counts_in_prose_stay() -> None:
    assert fate("The new feature is available to subscribers only.") is None
    assert fate("Die Spiele sind nur für Abonnenten zu sehen.", language="de") is None
    assert fate("12 comments were posted before the page was closed.") is None
    assert fate("This article is more than a review of the film.") is None
    assert fate("Published in 1851, Moby-Dick sold poorly.") is None
    assert fate("Die App ist kostenlos.", language="de") is None


def test_a_name_with_a_writers_role_is_a_byline_in_the_head_and_at_the_end() -> None:
    for line, language in [("Jane Doe | Staff Writer", "en"), ("Max Mustermann, Redakteur", "de")]:
        text = f"{HEAD}\n{line}\n\n{BEFORE}\n\n{AFTER}\n\n{line}\n"
        removed = clean_text(text, CleanConfig(), language=language).removals
        assert [r.rule for r in removed if r.text == line] == ["byline_dateline", "byline_dateline"]
    text = f"{HEAD}\n{BEFORE}\n\nBarack Obama, President\n\n{AFTER}\n"
    assert not [r for r in clean_text(text, CleanConfig()).removals if r.rule == "byline_dateline"]


def test_arrows_and_bars_in_prose_and_tables_stay() -> None:
    assert fate("Revenue rose sharply > analysts expected > the board said.") is None
    assert fate("Home | Away | Total") is None
    assert fate("x > 5 > 3") is None
    assert fate("news › politics › europe") is None  # no trail from a home page, and not capitalised


def test_a_link_that_opens_a_window_inside_a_sentence_stays() -> None:
    assert fate("The full report is online (opens in a new window) and runs to 200 pages.") is None


def test_a_report_that_opens_on_an_appeals_word_stays() -> None:
    assert fate("Support for independent candidates fell sharply") is None
    assert fate("Apoya el plan del gobierno, dijo el ministro.", language="es") is None


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("All news outlets reported the same figures on Monday.", "en"),
        ("Alle Meldungen der Polizei wurden geprüft.", "de"),
        ("Me gusta la idea, dijo la ministra.", "es"),
        ("Anmelden können sich alle Bürger bis Freitag.", "de"),
        ("Tout accepter sans discuter n'est pas une option.", "fr"),
        ("Was this article helpful to the defence? The judge thought not.", "en"),
        ("Breaking news is what the station does best, its director said.", "en"),
        ("En direct de Kiev, notre envoyé raconte la nuit.", "fr"),
        ("A Lusa noticiou que o governo vai recuar.", "pt"),
        ("Volgens het ANP is de brug dicht.", "nl"),
        ("Hier geht es zum Kern des Problems, sagte die Ministerin.", "de"),
        ("L'autore del libro è nato a Roma nel 1950.", "it"),
        ("Outbrain and Taboola dominate the market for recommendation boxes, analysts say.", "en"),
        ("Around the web, readers reacted with anger to the decision of the board.", "en"),
    ],
)
def test_prose_that_opens_with_a_buttons_or_labels_words_stays(line: str, language: str) -> None:
    assert fate(line, language=language) is None


def test_a_contact_label_before_an_address_is_a_prompt_but_an_address_named_contact_is_not() -> None:
    assert fate("Contact Jane Doe at jdoe@example.com") == "prompt"
    assert fate("Kontakt: presse@example.de", language="de") == "prompt"
    sentence = "Bewerbungen richten Sie bitte bis zum 1. Februar an kontakt@example.de, Gespräche folgen im März."
    assert fate(sentence, language="de") is None


def test_a_report_of_subscribers_stays() -> None:
    assert fate("Our magazine said readers could subscribe.") is None
    assert fate("Millionen Menschen haben den Newsletter abonniert.", language="de") is None


def test_a_number_or_a_phone_in_prose_stays() -> None:
    assert fate("The hotline, 0800 123 456, is open around the clock, the ministry said.") is None
    assert fate("Phone sales rose 12 per cent in 2019, according to the report.") is None


def test_a_credit_label_set_off_by_an_ellipsis_is_a_credit() -> None:
    assert fate("Credit...Jane Doe for The New York Times") == "caption_credit"


def test_a_short_post_meta_line_with_one_label_and_a_date_is_post_meta() -> None:
    # The "Posted in <category>" branch must not keep a one-label line from its date.
    assert fate("Views: 05/10/2018") == "post_meta"
    assert fate("Kommentare: 05.10.2018", language="de") == "post_meta"
