"""Per-language phrase tables for chrome that is recognised by its wording.

Each table maps an ISO 639-1 code to phrases. Rules take the English table plus the
table of the document's language (all tables when the language is unknown), so a
phrase of one language never has to be hard-coded into another's logic. Phrases are
matched case-insensitively against a whole line (widgets, headers) or its start
(teasers, prompts), after bullets and surrounding punctuation are stripped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

# Prefixes that introduce a link to another article ("Read more: <headline>").
TEASER_PREFIXES: Mapping[str, tuple[str, ...]] = {
    "en": (
        "read more", "read also", "also read", "see also", "related", "watch", "more",
        "recommended", "don't miss", "must read", "read next", "up next", "listen",
        "click here", "more from", "more on this", "see more", "more like this",
        "related article", "related story", "related stories", "related content",
        "related video", "editor's pick", "editor's picks", "you may also like",
        "you might also like", "in case you missed it", "trending", "popular",
    ),
    "de": ("lesen sie auch", "lesen sie mehr", "mehr zum thema", "auch interessant", "siehe auch",
           "das könnte sie auch interessieren", "weiterlesen", "zum thema", "video"),
    "fr": ("lire aussi", "à lire aussi", "voir aussi", "lire la suite", "à voir aussi",
           "sur le même sujet", "à lire", "vidéo", "regarder"),
    "es": ("leer más", "lee también", "lea también", "te puede interesar", "ver también",
           "relacionado", "relacionada", "más información", "noticia relacionada", "video"),
    "it": ("leggi anche", "leggi anche su", "potrebbe interessarti", "vedi anche", "leggi tutto",
           "guarda anche", "video"),
    "pt": ("leia também", "leia mais", "veja também", "saiba mais", "veja mais", "vídeo"),
    "nl": ("lees ook", "lees meer", "zie ook", "meer over"),
    "ru": ("читайте также", "читать также", "по теме", "смотрите также", "читайте еще",
           "читать далее", "подробнее", "видео"),
    "uk": ("читайте також", "дивіться також", "по темі"),
    "pl": ("czytaj także", "czytaj też", "zobacz też", "zobacz także", "czytaj więcej"),
    "ja": ("関連記事", "こちらの記事も合わせてどうぞ", "あわせて読みたい", "合わせて読みたい", "関連ニュース"),
    "zh": ("相关阅读", "相关新闻", "延伸阅读", "推荐阅读"),
    "ko": ("관련기사", "관련 기사", "주요뉴스", "많이 본 뉴스"),
    "id": ("baca juga", "terkait", "berita terkait"),
    "tr": ("ayrıca okuyun", "ilgili haberler", "bunlar da ilginizi çekebilir"),
}

# Whole lines that are widget, share-bar or gallery debris.
WIDGET_LINES: Mapping[str, tuple[str, ...]] = {
    "en": (
        "advertisement", "ad", "ads", "sponsored", "sponsored content", "continue reading below",
        "continue reading", "story continues below", "article continues below", "oops!",
        "something went wrong", "please try again later", "loading", "like loading",
        "copied!", "copied", "read later", "save for later", "caption", "close", "hide caption",
        "toggle caption", "enlarge this image", "video", "report", "back to gallery",
        "media playback is unsupported on your device", "thanks for watching!", "visit website",
        "thanks for watching! visit website", "view pdf/print mode", "comments", "comment",
        "share", "share this", "share this article", "share this story", "share on facebook",
        "share on twitter", "like this", "tweet", "email", "print", "facebook", "twitter",
        "whatsapp", "linkedin", "pinterest", "reddit", "flipboard", "copy", "copy link",
        "more", "skip ad", "sign up", "subscribe", "subscribe now", "learn more",
        "most recent newsletter", "newsletter", "share this on whatsapp", "read the letter",
        "tags", "topics", "play video", "watch video", "listen", "listen to this article",
        "next", "previous", "back to top", "view comments", "show comments", "leave a comment",
        "add a comment", "expand", "collapse", "zoom", "fullscreen", "enlarge", "getty images",
        "getty", "shutterstock", "istock", "view all", "see all", "load more", "more info",
        "open in app", "download the app", "print this article", "email this article",
        "font size", "text size", "save", "bookmark", "follow", "unfollow", "x",
    ),
    "de": ("anzeige", "werbung", "teilen", "drucken", "kommentare", "mehr zum thema", "schließen"),
    "fr": ("publicité", "partager", "imprimer", "commentaires", "fermer", "lire plus tard"),
    "es": ("publicidad", "compartir", "imprimir", "comentarios", "cerrar", "anuncio"),
    "it": ("pubblicità", "condividi", "stampa", "commenti", "chiudi"),
    "pt": ("publicidade", "compartilhe", "compartilhar", "imprimir", "comentários", "voltar", "fechar"),
    "ru": ("реклама", "поделиться", "комментарии", "закрыть", "распечатать"),
    "id": ("iklan", "bagikan", "cetak", "surat elektronik", "lagi", "sukai ini", "suka memuat",
           "bagikan ini"),
    "ja": ("広告", "シェア", "ツイート", "印刷"),
    "nl": ("advertentie", "delen", "reacties"),
    "pl": ("reklama", "udostępnij", "komentarze"),
}

# Standalone headers of link lists ("Related articles", "More in Politics").
LIST_HEADERS: Mapping[str, tuple[str, ...]] = {
    "en": (
        "related", "related articles", "related stories", "related news", "related content",
        "related links", "related coverage", "related topics", "related posts", "more stories",
        "more great wired stories", "more news", "more from", "more in", "more on", "more like this",
        "popular", "popular on", "most popular", "most read", "most viewed", "trending",
        "trending news", "trending now", "top stories", "latest", "latest news", "latest stories",
        "recommended", "recommended for you", "you may also like", "you might also like",
        "don't miss", "in case you missed it", "read more", "read next", "also on", "editor's picks",
        "further reading", "what to read next", "see also", "tags", "topics", "places in this story",
        "organizations in this story", "people in the story", "people in this story",
        "share this", "share this article", "like this", "editorial", "operations", "filed under",
        "news", "also in the news", "more videos", "watch more", "up next",
    ),
    "de": ("mehr zum thema", "das könnte sie auch interessieren", "auch interessant", "meistgelesen",
           "weitere artikel", "themen"),
    "fr": ("sur le même sujet", "à lire aussi", "les plus lus", "articles liés", "à voir aussi"),
    "es": ("noticias relacionadas", "te puede interesar", "lo más leído", "más noticias", "etiquetas"),
    "it": ("articoli correlati", "potrebbe interessarti", "i più letti", "leggi anche"),
    "pt": ("notícias relacionadas", "leia também", "mais lidas", "veja também", "tags"),
    "ru": ("читайте также", "по теме", "самое читаемое", "новости по теме"),
    "ja": ("関連記事", "こちらの記事も合わせてどうぞ", "あわせて読みたい", "人気記事"),
    "id": ("terkait", "berita terkait", "baca juga"),
    "ko": ("주요뉴스", "관련기사", "많이 본 뉴스"),
}

# Line openings of newsletter, contact, social and membership prompts.
PROMPT_PREFIXES: Mapping[str, tuple[str, ...]] = {
    "en": (
        "get in touch", "contact us", "email us", "write to us", "send us", "tip us",
        "got a story", "have a story", "do you have a story", "sign up", "subscribe",
        "click here to", "follow us", "like us on", "join us on", "download our",
        "download the", "get the app", "listen to", "for more stories", "for more news",
        "for more on", "for the latest", "never miss", "don't miss out", "stay up to date",
        "stay on top of", "stay informed", "get our", "want more", "need more", "if you enjoyed",
        "if you liked", "if you value", "support", "become a member", "join", "let our news",
        "get the latest", "get breaking news", "get the day's", "get access to", "this site is protected",
        "get fox business", "read more on", "follow ", "we're on", "find us on",
    ),
    "de": ("folgen sie uns", "abonnieren sie", "melden sie sich", "jetzt abonnieren"),
    "fr": ("suivez-nous", "abonnez-vous", "inscrivez-vous", "rejoignez-nous"),
    "es": ("síguenos", "suscríbete", "suscribete", "regístrate"),
    "it": ("seguici", "iscriviti", "abbonati"),
    "pt": ("siga-nos", "assine", "inscreva-se", "receba"),
    "ru": ("подписывайтесь", "подпишитесь", "следите за"),
    "id": ("ikuti kami", "berlangganan"),
}


def phrases(table: Mapping[str, tuple[str, ...]], language: str | None) -> tuple[str, ...]:
    """Return the English phrases plus those of `language` (all tables if unknown)."""
    langs: Iterable[str]
    if language and language in table:
        langs = ("en", language) if language != "en" else ("en",)
    elif language:
        langs = ("en",)
    else:
        langs = tuple(table)
    seen: dict[str, None] = {}
    for lang in langs:
        for phrase in table.get(lang, ()):
            seen[phrase] = None
    return tuple(seen)
