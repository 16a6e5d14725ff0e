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
        "read more",
        "read also",
        "also read",
        "see also",
        "related",
        "watch",
        "more",
        "recommended",
        "don't miss",
        "must read",
        "read next",
        "up next",
        "listen",
        "click here",
        "more from",
        "more on this",
        "see more",
        "more like this",
        "related article",
        "related story",
        "related stories",
        "related content",
        "related video",
        "editor's pick",
        "editor's picks",
        "you may also like",
        "you might also like",
        "in case you missed it",
        "trending",
        "popular",
    ),
    "de": (
        "lesen sie auch",
        "lesen sie mehr",
        "mehr zum thema",
        "auch interessant",
        "siehe auch",
        "das könnte sie auch interessieren",
        "weiterlesen",
        "zum thema",
        "video",
    ),
    "fr": (
        "lire aussi",
        "à lire aussi",
        "voir aussi",
        "lire la suite",
        "à voir aussi",
        "sur le même sujet",
        "à lire",
        "vidéo",
        "regarder",
    ),
    "es": (
        "leer más",
        "lee también",
        "lea también",
        "te puede interesar",
        "ver también",
        "relacionado",
        "relacionada",
        "más información",
        "noticia relacionada",
        "video",
    ),
    "it": (
        "leggi anche",
        "leggi anche su",
        "potrebbe interessarti",
        "vedi anche",
        "leggi tutto",
        "guarda anche",
        "video",
    ),
    "pt": ("leia também", "leia mais", "veja também", "saiba mais", "veja mais", "vídeo"),
    "nl": ("lees ook", "lees meer", "zie ook", "meer over"),
    "ru": (
        "читайте также",
        "читать также",
        "по теме",
        "смотрите также",
        "читайте еще",
        "читать далее",
        "подробнее",
        "видео",
    ),
    "uk": ("читайте також", "дивіться також", "по темі"),
    "pl": ("czytaj także", "czytaj też", "zobacz też", "zobacz także", "czytaj więcej"),
    "ja": (
        "関連記事",
        "こちらの記事も合わせてどうぞ",
        "あわせて読みたい",
        "合わせて読みたい",
        "関連ニュース",
    ),
    "zh": ("相关阅读", "相关新闻", "延伸阅读", "推荐阅读"),
    "ko": ("관련기사", "관련 기사", "주요뉴스", "많이 본 뉴스"),
    "id": ("baca juga", "terkait", "berita terkait"),
    "tr": ("ayrıca okuyun", "ilgili haberler", "bunlar da ilginizi çekebilir"),
}

# Whole lines that are widget, share-bar or gallery debris.
WIDGET_LINES: Mapping[str, tuple[str, ...]] = {
    "en": (
        "advertisement",
        "ad",
        "ads",
        "sponsored",
        "sponsored content",
        "continue reading below",
        "continue reading",
        "story continues below",
        "article continues below",
        "oops!",
        "something went wrong",
        "please try again later",
        "loading",
        "like loading",
        "copied!",
        "copied",
        "read later",
        "save for later",
        "caption",
        "close",
        "hide caption",
        "toggle caption",
        "enlarge this image",
        "video",
        "report",
        "back to gallery",
        "media playback is unsupported on your device",
        "thanks for watching!",
        "visit website",
        "thanks for watching! visit website",
        "view pdf/print mode",
        "comments",
        "comment",
        "share",
        "share this story",
        "share on facebook",
        "share on twitter",
        "tweet",
        "email",
        "print",
        "facebook",
        "twitter",
        "whatsapp",
        "linkedin",
        "pinterest",
        "reddit",
        "flipboard",
        "copy",
        "copy link",
        "skip ad",
        "sign up",
        "subscribe",
        "subscribe now",
        "learn more",
        "most recent newsletter",
        "newsletter",
        "share this on whatsapp",
        "read the letter",
        "play video",
        "watch video",
        "listen",
        "listen to this article",
        "next",
        "previous",
        "back to top",
        "view comments",
        "show comments",
        "leave a comment",
        "add a comment",
        "expand",
        "collapse",
        "zoom",
        "fullscreen",
        "enlarge",
        "getty images",
        "getty",
        "shutterstock",
        "istock",
        "view all",
        "see all",
        "load more",
        "more info",
        "open in app",
        "download the app",
        "print this article",
        "email this article",
        "font size",
        "text size",
        "save",
        "bookmark",
        "follow",
        "unfollow",
        "x",
    ),
    "de": ("anzeige", "werbung", "teilen", "drucken", "kommentare", "schließen"),
    "fr": ("publicité", "partager", "imprimer", "commentaires", "fermer", "lire plus tard"),
    "es": ("publicidad", "compartir", "imprimir", "comentarios", "cerrar", "anuncio"),
    "it": ("pubblicità", "condividi", "stampa", "commenti", "chiudi"),
    "pt": ("publicidade", "compartilhe", "compartilhar", "imprimir", "comentários", "voltar", "fechar"),
    "ru": ("реклама", "поделиться", "комментарии", "закрыть", "распечатать"),
    "id": (
        "iklan",
        "bagikan",
        "cetak",
        "surat elektronik",
        "lagi",
        "sukai ini",
        "suka memuat",
        "bagikan ini",
    ),
    "ja": ("広告", "シェア", "ツイート", "印刷"),
    "nl": ("advertentie", "delen", "reacties"),
    "pl": ("reklama", "udostępnij", "komentarze"),
}

# Standalone headers of link lists ("Related articles", "More in Politics").
LIST_HEADERS: Mapping[str, tuple[str, ...]] = {
    "en": (
        "more",
        "related",
        "related articles",
        "related stories",
        "related news",
        "related content",
        "related links",
        "related coverage",
        "related topics",
        "related posts",
        "more stories",
        "more news",
        "more from",
        "more in",
        "more on",
        "more like this",
        "popular",
        "popular on",
        "most popular",
        "most read",
        "most viewed",
        "trending",
        "trending news",
        "trending now",
        "top stories",
        "latest",
        "latest news",
        "latest stories",
        "recommended",
        "recommended for you",
        "you may also like",
        "you might also like",
        "don't miss",
        "in case you missed it",
        "read more",
        "read next",
        "also on",
        "editor's picks",
        "further reading",
        "what to read next",
        "see also",
        "tags",
        "topics",
        "places in this story",
        "organizations in this story",
        "people in the story",
        "people in this story",
        "share this",
        "share this article",
        "like this",
        "editorial",
        "operations",
        "filed under",
        "news",
        "also in the news",
        "more videos",
        "watch more",
        "up next",
    ),
    "de": (
        "mehr zum thema",
        "das könnte sie auch interessieren",
        "auch interessant",
        "meistgelesen",
        "weitere artikel",
        "themen",
    ),
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
        "get in touch",
        "contact us",
        "email us",
        "write to us",
        "send us",
        "tip us",
        "got a story",
        "have a story",
        "do you have a story",
        "sign up",
        "subscribe",
        "click here to",
        "click here for",
        "follow us",
        "like us on",
        "join us on",
        "download our",
        "download the",
        "get the app",
        "listen to",
        "for more stories",
        "for more news",
        "for more on",
        "for the latest",
        "never miss",
        "don't miss out",
        "stay up to date",
        "stay on top of",
        "stay informed",
        "get our",
        "want more",
        "need more",
        "if you enjoyed",
        "if you liked",
        "if you value",
        "become a member",
        "support us",
        "support our",
        "support independent",
        "join our",
        "join the conversation",
        "get the latest",
        "get breaking news",
        "get the day's",
        "get access to",
        "this site is protected",
        "read more on",
        "we're on",
        "find us on",
    ),
    "de": ("folgen sie uns", "abonnieren sie", "melden sie sich", "jetzt abonnieren"),
    "fr": ("suivez-nous", "abonnez-vous", "inscrivez-vous", "rejoignez-nous"),
    "es": ("síguenos", "suscríbete", "suscribete", "regístrate"),
    "it": ("seguici", "iscriviti", "abbonati"),
    "pt": ("siga-nos", "assine", "inscreva-se", "receba"),
    "ru": ("подписывайтесь", "подпишитесь", "следите за"),
    "id": ("ikuti kami", "berlangganan"),
}


# phrases() by table and language: rules ask for them line by line. A table is kept with its entry, so that
# its id cannot be reused by another table while the entry lives.
_PHRASES: dict[tuple[int, str | None], tuple[Mapping[str, tuple[str, ...]], tuple[str, ...]]] = {}


def phrases(table: Mapping[str, tuple[str, ...]], language: str | None) -> tuple[str, ...]:
    """Return the English phrases plus those of `language` (all tables if unknown)."""
    entry = _PHRASES.get((id(table), language))
    if entry is None or entry[0] is not table:
        entry = _PHRASES[(id(table), language)] = (table, _phrases(table, language))
    return entry[1]


def _phrases(table: Mapping[str, tuple[str, ...]], language: str | None) -> tuple[str, ...]:
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


# --- words inside line shapes (cleaners.patterns.LexiconPattern slots) ---------------------------

# Nouns that label a picture credit: "Photo: X", "(Foto: dpa)", "Image credit: …".
CREDIT_NOUNS: Mapping[str, tuple[str, ...]] = {
    "en": ("photo", "image", "picture", "pic", "credit", "photograph", "illustration", "video", "graphic"),
    "de": ("foto", "bild", "grafik", "illustration", "symbolbild", "archivbild", "titelbild", "beitragsbild"),
    "fr": ("photo", "image", "crédit", "illustration", "vidéo", "photographie"),
    "es": ("foto", "imagen", "crédito", "ilustración", "vídeo", "gráfico"),
    "it": ("foto", "immagine", "illustrazione", "credito"),
    "pt": ("foto", "imagem", "crédito", "ilustração", "vídeo"),
    "nl": ("foto", "beeld", "afbeelding", "illustratie"),
    "ru": ("фото", "иллюстрация"),
}
# The label of a source note: "Source: …", "(Quelle: dpa)".
SOURCE_LABELS: Mapping[str, tuple[str, ...]] = {
    "en": ("source",),
    "de": ("quelle",),
    "fr": ("source",),
    "es": ("fuente",),
    "it": ("fonte",),
    "pt": ("fonte",),
    "nl": ("bron",),
    "ru": ("источник",),
}
# Words that introduce an author: "By Jane Doe", "Von Max Muster", "Par Jean Dupont".
BYLINE_WORDS: Mapping[str, tuple[str, ...]] = {
    "en": ("by", "from"),
    "de": ("von",),
    "fr": ("par", "de"),
    "es": ("por", "de"),
    "it": ("di", "da"),
    "pt": ("por", "de"),
    "nl": ("door",),
    "sv": ("av",),
    "da": ("af", "av"),
    "ru": ("автор", "текст"),
}
# The byline words that open a byline capitalised too ("By Jane Doe", "Por Ángel García"); the others
# also open headings capitalised ("From Paris to Rome", "Di Maio …") and count lower-case only.
BYLINE_OPENERS: Mapping[str, tuple[str, ...]] = {
    "en": ("by",),
    "de": ("von",),
    "fr": ("par",),
    "es": ("por",),
    "pt": ("por",),
    "nl": ("door",),
    "ru": ("автор", "текст"),
}
# "and" between two names of a byline.
AND_WORDS: Mapping[str, tuple[str, ...]] = {
    "en": ("and", "&"),
    "de": ("und",),
    "fr": ("et",),
    "es": ("y", "e"),
    "it": ("e", "ed"),
    "pt": ("e",),
    "nl": ("en",),
    "ru": ("и",),
}
# Picture galleries and a page's pager: "Image 3 of 12", "Bild 3 von 12", "Seite 1 von 3".
GALLERY_NOUNS: Mapping[str, tuple[str, ...]] = {
    "en": ("image", "photo", "picture", "slide", "page"),
    "de": ("foto", "bild", "seite"),
    "fr": ("photo", "image", "diapositive", "page"),
    "es": ("foto", "imagen", "página"),
    "it": ("foto", "immagine", "pagina"),
    "pt": ("foto", "imagem", "página"),
    "nl": ("foto", "afbeelding", "pagina"),
    "ru": ("фото",),
}
OF_WORDS: Mapping[str, tuple[str, ...]] = {
    "en": ("of",),
    "de": ("von",),
    "fr": ("sur", "de"),
    "es": ("de",),
    "it": ("di",),
    "pt": ("de",),
    "nl": ("van",),
    "ru": ("из",),
}
GALLERY_WORDS: Mapping[str, tuple[str, ...]] = {
    "en": ("gallery",),
    "de": ("galerie", "bildergalerie", "fotostrecke"),
    "fr": ("galerie",),
    "es": ("galería",),
    "it": ("galleria",),
    "pt": ("galeria",),
    "nl": ("galerij", "fotoalbum"),
}
# A blog's post-meta line: "Posted by", "Veröffentlicht am", "Publié le" …
META_VERBS: Mapping[str, tuple[str, ...]] = {
    "en": ("posted", "published", "written"),
    "de": ("veröffentlicht", "geschrieben"),
    "fr": ("publié", "publiée", "écrit"),
    "es": ("publicado", "publicada", "escrito"),
    "it": ("pubblicato", "pubblicata", "scritto"),
    "pt": ("publicado", "publicada", "escrito"),
    "nl": ("gepubliceerd", "geplaatst", "geschreven"),
}
META_PREPOSITIONS: Mapping[str, tuple[str, ...]] = {
    "en": ("by", "on", "in"),
    "de": ("von", "am"),
    "fr": ("par", "le"),
    "es": ("por", "en", "el"),
    "it": ("da", "il"),
    "pt": ("por", "em"),
    "nl": ("door", "op"),
}
# ... the words of a theme's post footer, without a colon: "Posted in News | Tagged budget | Leave a comment".
META_FOOTER: Mapping[str, tuple[str, ...]] = {
    "en": ("tagged", "leave a comment"),
    "de": ("verschlagwortet mit", "schreibe einen kommentar", "hinterlasse einen kommentar"),
    "fr": ("étiqueté", "laisser un commentaire"),
    "es": ("etiquetado", "deja un comentario"),
    "it": ("taggato", "lascia un commento"),
    "pt": ("marcado", "deixe um comentário"),
    "nl": ("getagd", "laat een reactie achter"),
}
# ... and its labels: "Category: …", "Kommentare: …".
META_LABELS: Mapping[str, tuple[str, ...]] = {
    "en": ("category", "categories", "tag", "tags", "comment", "comments", "filed under", "author", "views"),
    "de": ("kategorie", "kategorien", "kommentare", "autor", "schlagworte"),
    "fr": ("catégorie", "catégories", "commentaires", "auteur"),
    "es": ("categoría", "categorías", "etiquetas", "comentarios", "autor"),
    "it": ("categoria", "categorie", "commenti", "autore"),
    "pt": ("categoria", "categorias", "etiquetas", "comentários", "autor", "visualizações"),
    "nl": ("categorie", "reacties", "auteur"),
}
# Taxonomy labels under a post: "Tags: …", "Schlagworte: …".
TAXONOMY_LABELS: Mapping[str, tuple[str, ...]] = {
    "en": ("tag", "tags", "filed under", "category", "categories", "topic", "topics", "keywords"),
    "de": ("schlagworte", "schlagwörter", "themen"),
    "fr": ("mots-clés", "étiquettes", "thèmes"),
    "es": ("etiquetas", "temas"),
    "it": ("argomenti",),
    "pt": ("tópicos", "temas", "etiquetas"),
    "nl": ("trefwoorden", "onderwerpen"),
    "ru": ("теги",),
}


def _extend(table: Mapping[str, tuple[str, ...]], more: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Return `table` with `more` phrases appended per language (kept in order, without repeats)."""
    merged = {lang: tuple(dict.fromkeys((*table.get(lang, ()), *more.get(lang, ())))) for lang in {*table, *more}}
    return dict(sorted(merged.items()))


# The same kinds of chrome in the other languages newsclean documents in: the common equivalents of
# the English entries above (a language's standard phrasing, not any one site's wording).
TEASER_PREFIXES = _extend(
    TEASER_PREFIXES,
    {
        "de": (
            "mehr lesen",
            "auch lesen",
            "mehr dazu",
            "passend dazu",
            "ähnliche artikel",
            "verwandte artikel",
            "empfehlungen",
            "hier klicken",
            "jetzt lesen",
            "zum artikel",
        ),
        "fr": (
            "lire plus",
            "en savoir plus",
            "voir plus",
            "à découvrir",
            "à ne pas manquer",
            "articles similaires",
            "cliquez ici",
            "écouter",
            "lire également",
            "voir également",
        ),
        "es": (
            "lee más",
            "lea más",
            "ver más",
            "no te pierdas",
            "artículos relacionados",
            "haz clic aquí",
            "escucha",
            "leer también",
            "mira también",
            "también te puede interesar",
        ),
        "it": (
            "leggi di più",
            "scopri di più",
            "non perdere",
            "clicca qui",
            "ascolta",
            "articoli simili",
            "potrebbe interessarti anche",
        ),
        "pt": ("confira", "não perca", "clique aqui", "ouça", "artigos relacionados", "continue lendo"),
        "nl": (
            "bekijk ook",
            "meer lezen",
            "lees verder",
            "klik hier",
            "luister",
            "aanbevolen",
            "gerelateerde artikelen",
            "niet missen",
            "ook interessant",
        ),
    },
)
WIDGET_LINES = _extend(
    WIDGET_LINES,
    {
        "de": (
            "kommentar",
            "kommentieren",
            "auf facebook teilen",
            "e-mail",
            "link kopieren",
            "mehr anzeigen",
            "alle anzeigen",
            "weiterlesen",
            "zurück",
            "nach oben",
            "vorlesen",
            "artikel vorlesen",
            "merken",
            "speichern",
            "bildergalerie",
            "bild vergrößern",
            "schriftgröße",
            "gesponsert",
        ),
        "fr": (
            "commentaire",
            "partager sur facebook",
            "copier le lien",
            "voir tout",
            "afficher plus",
            "retour en haut",
            "écouter",
            "écouter cet article",
            "sauvegarder",
            "enregistrer",
            "sponsorisé",
            "contenu sponsorisé",
            "annonce",
            "agrandir",
            "légende",
        ),
        "es": (
            "comentar",
            "comentario",
            "copiar enlace",
            "ver todo",
            "mostrar más",
            "volver arriba",
            "escuchar",
            "guardar",
            "patrocinado",
            "contenido patrocinado",
            "ampliar",
            "leer después",
        ),
        "it": (
            "commenta",
            "copia link",
            "vedi tutto",
            "mostra di più",
            "torna su",
            "ascolta",
            "salva",
            "sponsorizzato",
            "contenuto sponsorizzato",
            "ingrandisci",
            "annuncio",
        ),
        "pt": (
            "comentar",
            "copiar link",
            "ver tudo",
            "mostrar mais",
            "voltar ao topo",
            "ouvir",
            "salvar",
            "patrocinado",
            "conteúdo patrocinado",
            "anúncio",
            "ampliar",
        ),
        "nl": (
            "reageer",
            "reactie",
            "deel",
            "printen",
            "afdrukken",
            "link kopiëren",
            "bekijk alles",
            "meer tonen",
            "terug naar boven",
            "luister",
            "opslaan",
            "gesponsord",
            "advertorial",
            "sluiten",
            "vergroten",
        ),
    },
)
LIST_HEADERS = _extend(
    LIST_HEADERS,
    {
        "de": (
            "ähnliche artikel",
            "verwandte artikel",
            "weitere themen",
            "mehr themen",
            "mehr aus",
            "mehr zu",
            "neueste artikel",
            "beliebte artikel",
            "empfehlungen",
            "schlagworte",
            "passend dazu",
            "auch lesenswert",
            "das könnte dich auch interessieren",
        ),
        "fr": (
            "articles similaires",
            "à découvrir",
            "les plus populaires",
            "dernières actualités",
            "plus d'articles",
            "voir aussi",
            "recommandé pour vous",
            "dans la même rubrique",
        ),
        "es": (
            "artículos relacionados",
            "más leídas",
            "lo más visto",
            "últimas noticias",
            "te recomendamos",
            "también te puede interesar",
            "temas",
        ),
        "it": (
            "ultime notizie",
            "più letti",
            "potrebbe interessarti anche",
            "ti potrebbe interessare",
            "articoli simili",
            "argomenti",
        ),
        "pt": (
            "artigos relacionados",
            "mais lidos",
            "últimas notícias",
            "recomendados",
            "você também pode gostar",
            "temas",
        ),
        "nl": (
            "gerelateerde artikelen",
            "meest gelezen",
            "laatste nieuws",
            "meer nieuws",
            "lees ook",
            "aanbevolen",
            "onderwerpen",
        ),
    },
)
PROMPT_PREFIXES = _extend(
    PROMPT_PREFIXES,
    {
        "de": (
            "kontaktieren sie uns",
            "schreiben sie uns",
            "abonnieren",
            "jetzt anmelden",
            "registrieren sie sich",
            "laden sie",
            "bleiben sie informiert",
            "verpassen sie keine",
            "unterstützen sie",
            "werden sie mitglied",
            "folge uns",
            "abonniere",
        ),
        "fr": (
            "contactez-nous",
            "écrivez-nous",
            "s'abonner",
            "téléchargez",
            "ne manquez",
            "restez informé",
            "soutenez",
            "devenez membre",
            "suivez",
        ),
        "es": (
            "contáctanos",
            "escríbenos",
            "suscríbase",
            "descarga",
            "descargue",
            "no te pierdas",
            "mantente informado",
            "apoya",
            "hazte socio",
            "únete",
            "sigue",
        ),
        "it": (
            "contattaci",
            "scrivici",
            "scarica",
            "non perdere",
            "resta aggiornato",
            "sostieni",
            "diventa socio",
            "unisciti",
            "segui",
        ),
        "pt": (
            "entre em contato",
            "fale conosco",
            "escreva para",
            "baixe",
            "não perca",
            "fique por dentro",
            "apoie",
            "torne-se membro",
            "junte-se",
            "siga",
        ),
        "nl": (
            "volg ons",
            "abonneer",
            "schrijf je in",
            "meld je aan",
            "neem contact op",
            "download",
            "mis niets",
            "blijf op de hoogte",
            "steun",
            "word lid",
        ),
    },
)

# Post navigation: "Previous post", "Article précédent", "Vorheriger Beitrag" (either word order).
NAV_DIRECTIONS: Mapping[str, tuple[str, ...]] = {
    "en": ("previous", "next", "prev", "older", "newer"),
    "de": ("vorheriger", "vorherige", "vorheriges", "nächster", "nächste", "nächstes", "älterer", "neuerer"),
    "fr": ("précédent", "précédente", "suivant", "suivante"),
    "es": ("anterior", "siguiente"),
    "it": ("precedente", "successivo", "successiva"),
    "pt": ("anterior", "próximo", "próxima", "seguinte"),
    "nl": ("vorige", "volgende"),
}
# The first step of a breadcrumb trail: "Home > News > Politics", "Startseite » Politik".
HOME_WORDS: Mapping[str, tuple[str, ...]] = {
    "en": ("home", "homepage", "home page", "front page"),
    "de": ("startseite", "home"),
    "fr": ("accueil", "page d'accueil"),
    "es": ("inicio", "portada", "home"),
    "it": ("home", "homepage", "pagina iniziale"),
    "pt": ("início", "inicio", "página inicial", "home"),
    "nl": ("home", "startpagina", "voorpagina"),
}
NAV_ITEMS: Mapping[str, tuple[str, ...]] = {
    "en": ("post", "article", "story", "page", "news", "item", "gallery", "slide", "entry", "chapter"),
    "de": ("beitrag", "artikel", "seite", "eintrag", "kapitel"),
    "fr": ("article", "page", "billet", "publication", "chapitre"),
    "es": ("artículo", "entrada", "página", "noticia", "publicación", "capítulo"),
    "it": ("articolo", "pagina", "notizia", "capitolo"),
    "pt": ("artigo", "página", "notícia", "publicação", "capítulo"),
    "nl": ("artikel", "bericht", "pagina", "hoofdstuk"),
}
TO_TOP: Mapping[str, tuple[str, ...]] = {
    "en": (
        "back to top",
        "go to top",
        "top of page",
        "return to top",
        "back to home",
        "back to homepage",
        "back to news",
    ),
    "de": ("nach oben", "zurück nach oben", "zum seitenanfang", "zurück zur startseite", "zur startseite"),
    "fr": ("retour en haut", "haut de page", "retour à l'accueil"),
    "es": ("volver arriba", "ir arriba", "volver al inicio"),
    "it": ("torna su", "torna all'inizio"),
    "pt": ("voltar ao topo", "voltar ao início"),
    "nl": ("terug naar boven", "naar boven"),
}
READ_FULL: Mapping[str, tuple[str, ...]] = {
    "en": (
        "source: read full article",
        "read full article",
        "read full story",
        "read the full story",
        "read the full article",
    ),
    "de": ("ganzen artikel lesen",),
    "fr": ("lire l'article complet",),
    "es": ("leer el artículo completo",),
    "it": ("leggi l'articolo completo",),
    "pt": ("leia a matéria completa",),
    "nl": ("lees het volledige artikel",),
}

# Site notices. A comment policy: a word for comments, then (within a sentence or two) one of moderation.
COMMENT_WORDS: Mapping[str, tuple[str, ...]] = {
    "en": ("comment",),
    "de": ("kommentar",),
    "fr": ("commentaire",),
    "es": ("comentario",),
    "it": ("commento", "commenti"),
    "pt": ("comentário", "comentario"),
    "nl": ("reactie",),
}
# Stems: "moderat" stands for moderated, moderation, moderator.
MODERATION_STEMS: Mapping[str, tuple[str, ...]] = {
    "en": (
        "moderat",
        "offensive",
        "guidelines",
        "community standards",
        "will not be approved",
        "will not be published",
        "won't be approved",
        "won't be published",
    ),
    "de": ("moderiert", "beleidigend", "werden nicht freigeschaltet", "werden nicht veröffentlicht"),
    "fr": ("modér", "injurieu", "ne seront pas publiés", "ne seront pas approuvés"),
    "es": ("moderad", "moderaci", "ofensiv", "no serán aprobad", "no serán publicad"),
    "it": ("moderat", "offensiv", "non saranno pubblicat"),
    "pt": ("moderad", "moderaç", "ofensiv", "não serão aprovad", "não serão publicad"),
    "nl": ("gemodereerd", "beledigend"),
}
# Price, stock, affiliate and captcha notices, as whole phrases anywhere in a short line.
SHOP_NOTICES: Mapping[str, tuple[str, ...]] = {
    "en": (
        "price subject to change",
        "prices subject to change",
        "prices are subject to change",
        "price is subject to change",
        "quantities limited",
        "quantities are limited",
        "quantities may be limited",
        "this site is protected by recaptcha",
        "if you buy something through",
        "if you buy anything through",
        "if you purchase something through",
        "if you purchase anything through",
        "if you buy something from",
        "if you buy something via",
        "may earn a commission",
        "may earn a small commission",
        "may get a commission",
        "may receive a commission",
        "may earn a share of",
        "may get a share of",
        "may receive a share of",
        "may get a small share of",
    ),
    "de": (
        "preisänderungen vorbehalten",
        "alle angaben ohne gewähr",
        "solange der vorrat reicht",
        "enthält affiliate-links",
        "enthält affiliate links",
        "enthält werbung",
        "erhalten wir eine provision",
    ),
    "fr": (
        "sous réserve de modification",
        "dans la limite des stocks disponibles",
        "liens affiliés",
        "nous percevons une commission",
        "nous touchons une commission",
    ),
    "es": ("precios sujetos a cambios", "hasta agotar existencias", "enlaces de afiliados", "recibimos una comisión"),
    "it": (
        "prezzi soggetti a variazioni",
        "fino ad esaurimento scorte",
        "link di affiliazione",
        "riceviamo una commissione",
    ),
    "pt": (
        "preços sujeitos a alteração",
        "enquanto durarem os estoques",
        "links de afiliados",
        "recebemos uma comissão",
    ),
    "nl": ("prijswijzigingen voorbehouden", "zolang de voorraad strekt", "ontvangen wij een commissie"),
}

# Reporting credits and first-publication notes that open a line: "(Reporting by …)", "This article
# was originally published …".
CREDIT_LINE_OPENINGS: Mapping[str, tuple[str, ...]] = {
    "en": (
        "reporting by",
        "additional reporting by",
        "with reporting by",
        "writing by",
        "editing by",
        "compiled by",
        "edited by",
        "produced by",
        "research by",
        "translated by",
        "translation by",
        "graphics by",
        "graphic by",
        "copyright",
        "our standards:",
        "citation:",
        "this article was originally published",
        "this article was first published",
        "this article was published",
        "this article first appeared",
        "this article originally appeared",
        "this article has been published",
        "this article was written",
        "this article was produced",
        "this story was originally published",
        "this story was first published",
        "this story first appeared",
        "this story originally appeared",
        "this story was produced",
        "this piece was originally published",
        "this piece first appeared",
        "this post was originally published",
        "this post first appeared",
    ),
    "de": (
        "mitarbeit:",
        "mit material von",
        "mit material der",
        "mit agenturmaterial",
        "original-content von",
        "übersetzung:",
        "dieser artikel erschien zuerst",
        "dieser beitrag erschien zuerst",
        "dieser artikel erschien ursprünglich",
    ),
    "fr": (
        "avec afp",
        "avec agences",
        "traduit par",
        "édité par",
        "cet article a été publié initialement",
        "cet article est paru",
    ),
    "es": (
        "con información de",
        "traducido por",
        "editado por",
        "este artículo fue publicado originalmente",
        "este artículo se publicó originalmente",
    ),
    "it": ("tradotto da", "questo articolo è stato pubblicato originariamente"),
    "pt": (
        "com informações de",
        "com informações da",
        "com informações do",
        "com informações das",
        "com informações dos",
        "traduzido por",
        "este artigo foi publicado originalmente",
    ),
    "nl": ("vertaald door", "dit artikel verscheen eerder"),
}
# ... and phrases that mark a credit or copyright line wherever they stand.
CREDIT_LINE_PHRASES: Mapping[str, tuple[str, ...]] = {
    "en": (
        "contributed reporting",
        "contributed to this report",
        "contributed to this story",
        "contributed to this article",
        "all rights reserved",
        "may not be reproduced",
    ),
    "de": ("alle rechte vorbehalten",),
    "fr": ("tous droits réservés",),
    "es": ("todos los derechos reservados",),
    "it": ("tutti i diritti riservati", "riproduzione riservata"),
    "pt": ("todos os direitos reservados",),
    "nl": ("alle rechten voorbehouden",),
    "pl": ("wszelkie prawa zastrzeżone", "materiał chroniony prawem autorskim"),
    "ko": ("무단전재",),
    "ja": ("無断転載",),
}

# Link-list headers shaped "More <noun>" ("More top stories", "Weitere Nachrichten", "Plus d'articles").
MORE_WORDS: Mapping[str, tuple[str, ...]] = {
    "en": ("more",),
    "de": ("mehr", "weitere"),
    "fr": ("plus d'", "plus de", "d'autres", "autres"),
    "es": ("más", "otras", "otros"),
    "it": ("altre", "altri", "più"),
    "pt": ("mais", "outras", "outros"),
    "nl": ("meer",),
}
STORY_NOUNS: Mapping[str, tuple[str, ...]] = {
    "en": ("stories", "news", "articles", "videos", "coverage", "headlines", "reads"),
    "de": ("nachrichten", "artikel", "beiträge", "meldungen", "videos", "geschichten", "news"),
    "fr": ("articles", "actualités", "infos", "vidéos", "nouvelles"),
    "es": ("noticias", "artículos", "videos", "vídeos", "historias"),
    "it": ("notizie", "articoli", "video", "storie"),
    "pt": ("notícias", "artigos", "vídeos", "histórias", "matérias"),
    "nl": ("nieuws", "artikelen", "video's", "verhalen", "berichten"),
}

# What a prompt names as its channel: stems that open a word ("subscri": subscribe, subscription) ...
CHANNEL_STEMS: Mapping[str, tuple[str, ...]] = {
    "en": (
        "newsletter",
        "inbox",
        "email",
        "e-mail",
        "subscri",
        "podcast",
        "member",
        "click",
        "sign up",
        "signup",
        "sign-up",
        "alert",
        "notifications",
        "news page",
        "our website",
        "our site",
        "privacy policy",
        "terms of service",
        "terms of use",
        "on the go",
        "delivered",
        "follow",
    ),
    "de": ("newsletter", "abonn", "anmeld", "mitglied", "klick", "postfach", "benachrichtigung"),
    "fr": ("newsletter", "lettre d'information", "abonn", "inscri", "cliqu", "courriel", "membre"),
    "es": ("boletín", "newsletter", "suscri", "suscrí", "haz clic", "pulsa", "correo", "miembro", "sígue"),
    "it": ("newsletter", "iscriv", "abbona", "clicca", "notifiche"),
    "pt": ("newsletter", "boletim", "inscrev", "assin", "cliqu", "notificaç"),
    "nl": ("nieuwsbrief", "abonn", "aanmeld", "meld je aan", "klik", "meldingen"),
}
# ... and whole words.
CHANNEL_WORDS: Mapping[str, tuple[str, ...]] = {
    "en": ("app", "here"),
    "de": ("hier", "folgen sie", "folge uns", "folgt uns", "datenschutzerklärung"),
    "fr": ("ici", "suivez"),
    "es": ("aquí",),
    "it": ("qui", "seguici"),
    "pt": ("aqui", "siga", "sigam"),
    "nl": ("hier", "volg"),
}
# Prompts that may stand anywhere in a short line. "Follow us on Twitter": a verb of following
# before a network's name; "Sign up for our … newsletter": a sign-up phrase before what it gives.
FOLLOW_VERBS: Mapping[str, tuple[str, ...]] = {
    "en": ("follow", "like us", "like him", "like her", "like them"),
    "de": ("folgen sie", "folge", "folgt"),
    "fr": ("suivez", "suivre"),
    "es": ("síguenos", "sigue", "siga"),
    "it": ("seguici", "segui", "seguite"),
    "pt": ("siga", "sigam", "acompanhe"),
    "nl": ("volg",),
}
SIGNUP_PHRASES: Mapping[str, tuple[str, ...]] = {
    "en": ("sign up for our", "sign up for the", "subscribe to our", "subscribe to the"),
    "de": ("melden sie sich", "abonnieren sie", "jetzt anmelden", "jetzt abonnieren", "abonniere"),
    "fr": ("inscrivez-vous", "abonnez-vous"),
    "es": ("suscríbete", "suscríbase", "regístrate"),
    "it": ("iscriviti", "abbonati"),
    "pt": ("inscreva-se", "assine"),
    "nl": ("schrijf je in", "meld je aan", "abonneer je"),
}
# A sign-up box's button, closing its flattened text: "Get our daily edition by email … Free Sign Up".
SIGNUP_BUTTONS: Mapping[str, tuple[str, ...]] = {
    "en": ("sign up", "sign up now", "subscribe", "subscribe now", "join now"),
    "de": ("anmelden", "jetzt anmelden", "abonnieren", "jetzt abonnieren", "registrieren", "jetzt registrieren"),
    "fr": ("s'inscrire", "je m'inscris", "s'abonner", "je m'abonne"),
    "es": ("suscribirse", "suscríbete", "regístrate", "suscribirme"),
    "it": ("iscriviti", "abbonati", "iscrivimi"),
    "pt": ("inscrever-se", "inscreva-se", "assinar", "assine", "cadastre-se"),
    "nl": ("aanmelden", "inschrijven", "abonneren", "schrijf je in"),
}
SIGNUP_OBJECTS: Mapping[str, tuple[str, ...]] = {
    "en": ("newsletter", "newsletters", "channel", "podcast", "magazine"),
    "de": ("newsletter", "kanal", "podcast", "magazin"),
    "fr": ("newsletter", "lettre d'information", "chaîne", "podcast"),
    "es": ("boletín", "newsletter", "canal", "podcast"),
    "it": ("newsletter", "canale", "podcast"),
    "pt": ("newsletter", "boletim", "canal", "podcast"),
    "nl": ("nieuwsbrief", "kanaal", "podcast"),
}
INBOX_PHRASES: Mapping[str, tuple[str, ...]] = {
    "en": (
        "to your inbox",
        "in your inbox",
        "straight to your inbox",
        "direct to your inbox",
        "directly to your inbox",
        "meet your inbox",
        "hit your inbox",
        "by clicking here",
    ),
    "de": ("in ihr postfach", "in dein postfach", "direkt in ihr postfach"),
    "fr": ("dans votre boîte mail", "dans votre boîte de réception"),
    "es": ("en tu bandeja de entrada", "en su bandeja de entrada"),
    "it": ("nella tua casella di posta",),
    "pt": ("na sua caixa de entrada", "no seu e-mail"),
    "nl": ("in je inbox", "in uw inbox", "in je mailbox"),
}
# "Email the reporter at …@…": a contact phrase, then an address.
CONTACT_PHRASES: Mapping[str, tuple[str, ...]] = {
    "en": (
        "email us",
        "e-mail us",
        "contact us",
        "reach us",
        "email him",
        "email her",
        "email them",
        "contact him",
        "contact her",
        "email the author",
        "email the reporter",
        "contact the author",
        "contact the reporter",
        "reach the author",
        "reach the reporter",
        "write to",
    ),
    "de": (
        "schreiben sie uns",
        "kontaktieren sie uns",
        "schreiben sie dem autor",
        "schreiben sie der autorin",
        "schreiben sie an",
        "schreib uns",
    ),
    "fr": ("écrivez-nous", "contactez-nous", "écrivez à l'auteur", "écrivez à"),
    "es": ("escríbenos", "contáctanos", "escriba al autor", "escriba a", "escríbenos a"),
    "it": ("scrivici", "contattaci", "scrivi all'autore", "scrivete a", "scrivi a"),
    "pt": ("escreva-nos", "fale conosco", "contate-nos", "escreva para"),
    "nl": ("mail ons", "neem contact op", "mail de auteur", "schrijf naar", "mail naar"),
}

# Appeals for support: the reader and the publication as pronouns, the words of an appeal, its openings.
WE_WORDS: Mapping[str, tuple[str, ...]] = {
    "en": ("we", "us", "our", "ours"),
    "de": ("wir", "uns", "unser", "unsere", "unseren", "unserem", "unserer"),
    "fr": ("nous", "notre", "nos"),
    "es": ("nosotros", "nos", "nuestro", "nuestra", "nuestros", "nuestras"),
    "it": ("noi", "ci", "nostro", "nostra", "nostri", "nostre"),
    "pt": ("nós", "nos", "nosso", "nossa", "nossos", "nossas"),
    "nl": ("wij", "we", "ons", "onze"),
}
YOU_WORDS: Mapping[str, tuple[str, ...]] = {
    "en": ("you", "your", "yours", "you're", "you’re"),
    # Informal forms only where the formal one is also "she", "they" or "her" ("Sie", "su", "lei", "seu").
    "de": ("du", "dich", "dir", "dein", "deine", "euch", "eure"),
    "fr": ("vous", "votre", "vos", "tu", "ton", "ta", "tes"),
    "es": ("usted", "ustedes", "tú", "tu", "tus", "te"),
    "it": ("voi", "tu", "tuo", "tua", "vostro", "vostra", "ti"),
    "pt": ("você", "vocês", "te"),
    "nl": ("u", "uw", "je", "jij", "jouw"),
}
# Stems that open a word: "donat" for donate, donation, donating.
APPEAL_STEMS: Mapping[str, tuple[str, ...]] = {
    "en": (
        "support",
        "donat",
        "contribut",
        "member",
        "subscri",
        "paywall",
        "journalism",
        "ad-free",
        "advertis",
        "reader",
        "fact-check",
        "independent",
        "no cost",
        "free",
    ),
    "de": ("unterstütz", "spende", "mitglied", "abonn", "bezahlschranke", "paywall", "journalismus", "werbe"),
    "fr": ("soutien", "soutenir", "soutenez", "dons", "faire un don", "abonn", "journalisme", "publicité", "gratuit"),
    "es": ("apoy", "donaci", "donar", "suscri", "miembro", "periodismo", "publicidad", "independiente", "gratis"),
    "it": ("sostegn", "sosten", "donazion", "abbona", "giornalismo", "pubblicità", "indipendente", "gratuit"),
    "pt": ("apoi", "doaç", "doar", "assin", "jornalismo", "publicidade", "independente", "gratuit"),
    "nl": ("steun", "doneer", "donatie", "abonne", "lidmaatschap", "journalistiek", "advertentie", "onafhankelijk"),
}
APPEAL_OPENINGS: Mapping[str, tuple[str, ...]] = {
    "en": ("support", "donate to", "become a member", "become a subscriber", "subscribe to", "join"),
    "de": ("unterstützen sie", "unterstütze", "jetzt spenden", "werden sie mitglied", "werde mitglied"),
    "fr": ("soutenez", "faites un don", "devenez membre", "abonnez-vous"),
    "es": ("apoya", "apóyanos", "haz una donación", "hazte miembro", "hazte socio", "suscríbete"),
    "it": ("sostienici", "sostieni", "fai una donazione", "abbonati"),
    "pt": ("apoie", "faça uma doação", "torne-se membro", "assine"),
    "nl": ("steun", "doneer", "word lid", "word abonnee"),
}

# A video teaser's blurb: "Our correspondent explains what the vote means".
BLURB_VERBS: Mapping[str, tuple[str, ...]] = {
    "en": (
        "discuss",
        "discusses",
        "weigh in",
        "weighs in",
        "break down",
        "breaks down",
        "react",
        "reacts",
        "explain",
        "explains",
        "join",
        "joins",
        "talk",
        "talks",
        "share",
        "shares",
        "provide",
        "provides",
        "offer",
        "offers",
        "analyse",
        "analyses",
        "analyze",
        "analyzes",
        "preview",
        "previews",
    ),
    "de": ("erklärt", "erklären", "spricht", "sprechen", "diskutiert", "diskutieren", "analysiert", "berichtet"),
    "fr": ("explique", "expliquent", "analyse", "analysent", "réagit", "réagissent", "débat", "débattent"),
    "es": ("explica", "explican", "analiza", "analizan", "habla", "hablan", "reacciona", "comenta"),
    "it": ("spiega", "spiegano", "analizza", "commenta", "parla", "parlano"),
    "pt": ("explica", "explicam", "analisa", "analisam", "comenta", "fala", "falam"),
    "nl": ("legt uit", "bespreekt", "analyseert", "reageert", "praat"),
}

# An author's bio: "Jane Doe is a senior fellow at …", "Max Muster ist Redakteur im Ressort …".
BIO_COPULAS: Mapping[str, tuple[str, ...]] = {
    "en": ("is a", "is an", "is the", "was a", "was an", "was the"),
    "de": ("ist", "war", "arbeitet als"),
    "fr": ("est", "était"),
    "es": ("es", "fue"),
    "it": ("è", "era"),
    "pt": ("é", "foi"),
    "nl": ("is", "was"),
}
BIO_ROLES: Mapping[str, tuple[str, ...]] = {
    "en": (
        "author",
        "fellow",
        "contributor",
        "columnist",
        "editor",
        "reporter",
        "writer",
        "correspondent",
        "journalist",
        "professor",
        "analyst",
        "producer",
    ),
    "de": (
        "autor",
        "autorin",
        "redakteur",
        "redakteurin",
        "journalist",
        "journalistin",
        "korrespondent",
        "korrespondentin",
        "kolumnist",
        "kolumnistin",
        "professor",
        "professorin",
        "gründungspartner",
    ),
    "fr": ("auteur", "autrice", "journaliste", "rédacteur", "rédactrice", "correspondant", "chroniqueur", "professeur"),
    "es": ("autor", "autora", "periodista", "redactor", "redactora", "corresponsal", "columnista", "profesor"),
    "it": ("autore", "autrice", "giornalista", "redattore", "redattrice", "corrispondente", "editorialista"),
    "pt": ("autor", "autora", "jornalista", "redator", "redatora", "correspondente", "colunista", "professor"),
    "nl": ("auteur", "journalist", "redacteur", "correspondent", "columnist", "hoogleraar", "verslaggever"),
}

# Caption conventions. "In this file photo taken …": a determiner, a kind of picture, a verb of showing.
PICTURE_DETERMINERS: Mapping[str, tuple[str, ...]] = {
    "en": ("in this", "in a", "this", "a"),
    "de": ("dieses", "das", "ein", "auf diesem", "auf dem"),
    "fr": ("sur cette", "sur ce", "cette", "ce", "une", "un"),
    "es": ("en esta", "en este", "esta", "este", "una", "un"),
    "it": ("in questa", "in questo", "questa", "questo", "una", "un"),
    "pt": ("nesta", "neste", "esta", "este", "uma", "um"),
    "nl": ("op deze", "op dit", "deze", "dit", "een"),
}
PICTURE_KINDS: Mapping[str, tuple[str, ...]] = {
    "en": ("file", "handout", "undated", "stock", "screenshot", "still", "video"),
    "de": ("archiv", "undatiertes"),
    "fr": ("d'archive", "non datée"),
    "es": ("de archivo", "sin fecha"),
    "it": ("d'archivio", "senza data"),
    "pt": ("de arquivo", "sem data"),
    "nl": ("archief", "ongedateerde"),
}
PICTURE_NOUNS: Mapping[str, tuple[str, ...]] = {
    "en": (
        "photo",
        "picture",
        "image",
        "infographic",
        "handout",
        "screenshot",
        "illustration",
        "still",
        "graphic",
        "photograph",
    ),
    "de": ("foto", "bild", "archivbild", "archivfoto", "screenshot", "grafik", "standbild"),
    "fr": ("photo", "image", "illustration", "capture d'écran", "photographie"),
    "es": ("foto", "imagen", "fotografía", "ilustración", "captura"),
    "it": ("foto", "immagine", "fotografia", "illustrazione"),
    "pt": ("foto", "imagem", "fotografia", "ilustração"),
    "nl": ("foto", "afbeelding", "beeld", "illustratie", "schermafbeelding"),
}
PICTURE_VERBS: Mapping[str, tuple[str, ...]] = {
    "en": ("of", "taken", "provided", "released", "shows", "made", "from", "is", "was"),
    "de": ("zeigt", "von", "vom", "aufgenommen"),
    "fr": ("de", "montre", "prise", "fournie", "publiée"),
    "es": ("de", "muestra", "tomada", "facilitada", "publicada"),
    "it": ("di", "mostra", "scattata", "diffusa"),
    "pt": ("de", "mostra", "tirada", "divulgada"),
    "nl": ("van", "toont", "genomen"),
}
# "Pictured: …", "Above: …", "(left)", "… , left, …": where a picture's people stand.
PICTURE_LABELS: Mapping[str, tuple[str, ...]] = {
    "en": ("above", "below", "top", "left", "right", "pictured", "main picture", "main image"),
    "de": ("oben", "unten", "links", "rechts", "im bild", "unser bild"),
    "fr": ("ci-dessus", "ci-dessous", "en haut", "à gauche", "à droite", "en photo"),
    "es": ("arriba", "abajo", "izquierda", "derecha", "en la imagen", "en la foto"),
    "it": ("sopra", "sotto", "a sinistra", "a destra", "nella foto", "in foto"),
    "pt": ("acima", "abaixo", "à esquerda", "à direita", "na foto", "na imagem"),
    "nl": ("boven", "onder", "links", "rechts", "op de foto"),
}
PICTURE_POSITIONS: Mapping[str, tuple[str, ...]] = {
    "en": (
        "left",
        "right",
        "centre",
        "center",
        "l",
        "r",
        "c",
        "top",
        "bottom",
        "above",
        "below",
        "front",
        "back",
        "inset",
        "second left",
        "second right",
        "from left",
        "from right",
        "l-r",
        "clockwise from left",
        "clockwise from top left",
    ),
    "de": ("links", "rechts", "mitte", "v.l.", "v.l.n.r.", "v. l. n. r.", "von links", "oben", "unten"),
    "fr": ("à gauche", "à droite", "au centre", "de gauche à droite", "en haut", "en bas"),
    "es": ("izquierda", "derecha", "centro", "de izquierda a derecha", "a la izquierda", "a la derecha"),
    "it": ("a sinistra", "a destra", "al centro", "da sinistra"),
    "pt": ("à esquerda", "à direita", "ao centro", "da esquerda para a direita"),
    "nl": ("links", "rechts", "midden", "v.l.n.r.", "van links naar rechts"),
}
# "…, left, …" inside a caption (English word order; other languages say it in brackets).
PICTURE_SIDES: Mapping[str, tuple[str, ...]] = {"en": ("left", "right", "center", "centre")}
# "… is pictured here", "… are seen in this photo".
PICTURED_PHRASES: Mapping[str, tuple[str, ...]] = {
    "en": (
        # Present tense only: "… were pictured being loaded onto trains" is a headline's report.
        "is pictured",
        "are pictured",
        "is seen here",
        "are seen here",
        "is shown here",
        "are shown here",
        "is seen in this photo",
        "are seen in this photo",
        "is seen in the photo",
        "are seen in the photo",
        "is shown in this photo",
        "are shown in this photo",
        "is seen above",
        "is shown above",
        "is seen below",
        "is shown below",
        "is seen left",
        "is seen right",
    ),
    "de": ("ist hier zu sehen", "sind hier zu sehen", "ist auf dem bild zu sehen", "sind auf dem bild zu sehen"),
    "fr": ("est ici photographié", "sont ici photographiés", "pose ici"),
    "es": ("aparece en la imagen", "aparecen en la imagen", "aparece en la foto", "posa en la imagen"),
    "it": ("è ritratto", "sono ritratti", "nella foto insieme"),
    "pt": ("aparece na foto", "aparecem na foto", "posa para a foto"),
    "nl": ("staat op de foto", "staan op de foto"),
}
# Wire-agency caption notices: "EDITORIAL USE ONLY", "Picture date: …".
CAPTION_NOTICES: Mapping[str, tuple[str, ...]] = {
    "en": ("editorial use only", "mandatory credit", "picture date:", "photo by"),
    "de": ("nur zur redaktionellen verwendung", "foto von"),
    "fr": ("usage éditorial uniquement", "photo de"),
    "es": ("solo uso editorial", "foto de"),
    "it": ("solo uso editoriale", "foto di"),
    "pt": ("apenas uso editorial", "foto de"),
    "nl": ("alleen redactioneel gebruik", "foto van"),
}

# Dates: month and weekday names (with their abbreviations), and the words of a date stamp.
MONTH_NAMES: Mapping[str, tuple[str, ...]] = {
    "en": (
        *("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
        *("january", "february", "march", "april", "june", "july", "august", "september", "october"),
        *("november", "december"),
    ),
    "de": ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября"),
}
MONTH_NAMES = _extend(
    MONTH_NAMES,
    {
        "de": ("november", "dezember"),
        "fr": ("novembre", "décembre"),
        "es": ("noviembre", "diciembre"),
        "it": ("ottobre", "novembre", "dicembre"),
        "pt": ("novembro", "dezembro"),
        "nl": ("november", "december"),
        "ru": ("ноября", "декабря"),
    },
)
WEEKDAY_NAMES: Mapping[str, tuple[str, ...]] = {
    "en": (
        *("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"),
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    ),
    "de": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "it": ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    "pt": ("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
}
# "15 de febrero de 2022": the particle some languages put between a date's parts.
DATE_PARTICLES: Mapping[str, tuple[str, ...]] = {"es": ("de",), "pt": ("de",)}
STAMP_WORDS: Mapping[str, tuple[str, ...]] = {
    "en": (
        *("published", "posted", "updated", "last updated", "modified", "last modified", "date", "dated"),
        *("time", "on", "at"),
        *("am", "pm", "a.m", "p.m", "the", "of", "by", "ago", "hour", "hours", "minute", "minutes", "hrs"),
        *("est", "edt", "pst", "pdt", "cst", "cdt", "gmt", "bst", "cet", "cest", "utc", "ist", "et", "pt"),
    ),
    "de": ("veröffentlicht", "aktualisiert", "um", "uhr", "am", "von", "letzte änderung", "zuletzt geändert"),
    "fr": ("publié", "mis à jour", "le", "à", "heure", "par", "dernière mise à jour", "mise à jour", "modifié"),
    "es": ("publicado", "publicada", "actualizado", "el", "de", "en", "a las", "por", "última actualización"),
    "it": ("pubblicato", "aggiornato", "il", "alle", "di", "ultimo aggiornamento", "ultima modifica"),
    "pt": ("publicado", "publicada", "atualizado", "às", "em", "de", "por", "última atualização"),
    "nl": ("gepubliceerd", "bijgewerkt", "om", "op", "laatst bijgewerkt", "laatste wijziging", "gewijzigd"),
    "ru": ("опубликовано", "обновлено"),
}
# A page's reading-time note: "5 min read", "Lesezeit: 3 Minuten", "Ten tekst przeczytasz w 2 minuty".
READING_TIME: Mapping[str, tuple[str, ...]] = {
    "en": ("reading time", "read time", "min read", "mins read", "minute read", "minutes read"),
    "de": ("lesezeit", "lesedauer", "min. lesezeit"),
    "fr": ("temps de lecture", "min de lecture", "minutes de lecture"),
    "es": ("tiempo de lectura", "min de lectura", "minutos de lectura"),
    "it": ("tempo di lettura", "tempo di lettura stimato", "minuti di lettura", "min di lettura"),
    "pt": ("tempo de leitura", "min de leitura", "minutos de leitura"),
    "nl": ("leestijd", "min leestijd", "minuten leestijd"),
    "pl": ("czas czytania", "przeczytasz w", "min czytania"),
}
# What follows the hour in a time of day on its own ("4:14 p.m.", "14.05 Uhr", "14h05").
CLOCK_WORDS: Mapping[str, tuple[str, ...]] = {
    "en": ("am", "pm", "a.m.", "p.m.", "a.m", "p.m"),
    "de": ("uhr",),
    "fr": ("h",),
    "es": ("h", "hrs", "horas"),
    "it": ("h",),
    "pt": ("h", "horas"),
    "nl": ("uur",),
}
# The label before a date stamp: "Published: 2022-02-15", "Aktualisiert 15.02.2022".
STAMP_LABELS: Mapping[str, tuple[str, ...]] = {
    "en": ("date", "dated", "published", "posted", "updated", "last updated", "last modified"),
    "de": ("datum", "veröffentlicht", "aktualisiert", "letzte änderung", "zuletzt geändert"),
    "fr": ("date", "publié", "publié le", "mis à jour", "dernière mise à jour"),
    "es": ("fecha", "publicado", "actualizado", "última actualización"),
    "it": ("data", "pubblicato", "aggiornato", "ultimo aggiornamento", "ultima modifica"),
    "pt": ("data", "publicado", "atualizado", "última atualização"),
    "nl": ("datum", "gepubliceerd", "bijgewerkt", "laatst bijgewerkt", "laatste wijziging"),
}
# A byline after a stamp's date, cut before the date is parsed: "15 Feb 2022 by Jane Doe".
STAMP_BYLINES: Mapping[str, tuple[str, ...]] = {
    "en": ("by",),
    "de": ("von",),
    "fr": ("par",),
    "es": ("por",),
    "it": ("di",),
    "pt": ("por",),
    "nl": ("door",),
}
# The note an ad leaves in the text ("Story continues below advertisement") and paywall labels.
WIDGET_LINES = _extend(
    WIDGET_LINES,
    {
        "en": (
            "story continues below advertisement",
            "article continues below advertisement",
            "continue reading below advertisement",
            "continues below advertisement",
            "subscriber exclusive",
            "for subscribers only",
            "subscribers only",
        ),
        "de": (
            "weiterlesen nach der anzeige",
            "weiter nach der anzeige",
            "lesen sie nach der anzeige weiter",
            "artikel wird unter der anzeige fortgesetzt",
            "nur für abonnenten",
            "exklusiv für abonnenten",
        ),
        "fr": (
            "la suite après la publicité",
            "suite après la publicité",
            "la suite de l'article après la publicité",
            "l'article continue après la publicité",
            "article réservé aux abonnés",
            "réservé aux abonnés",
        ),
        "es": (
            "sigue leyendo",
            "continúa leyendo",
            "continúa después de la publicidad",
            "sigue después de la publicidad",
            "la noticia continúa tras la publicidad",
            "exclusivo para suscriptores",
            "contenido exclusivo para suscriptores",
        ),
        "it": (
            "continua a leggere",
            "continua dopo la pubblicità",
            "l'articolo continua dopo la pubblicità",
            "riservato agli abbonati",
            "articolo riservato agli abbonati",
        ),
        "pt": (
            "continua após a publicidade",
            "continua depois da publicidade",
            "continua após o anúncio",
            "continue lendo",
            "exclusivo para assinantes",
            "conteúdo exclusivo para assinantes",
        ),
        "nl": (
            "lees verder onder de advertentie",
            "lees verder na de advertentie",
            "het artikel gaat verder onder de advertentie",
            "alleen voor abonnees",
        ),
    },
)
# Audio players, embeds and scroll prompts that leave their labels in the text.
WIDGET_LINES = _extend(
    WIDGET_LINES,
    {
        "en": (
            "supported by",
            "gift article",
            "gift this article",
            "share full article",
            "send any friend a story",
            "read in app",
            "comment on this story",
            "ad feedback",
            "video ad feedback",
            "link copied",
            "about sharing",
            "reuse this content",
            "listen to this article",
            "listen to this story",
            "skip advertisement",
            "scroll to continue with content",
            "click to expand",
            "view this post on instagram",
        ),
        "de": (
            "artikel anhören",
            "artikel vorlesen lassen",
            "seite drucken",
            "zur merkliste hinzufügen",
            "merkliste",
            "artikel merken",
            "artikel verschenken",
            "jetzt lesen",
            "mehr lesen",
            "fehler gefunden",
            "fehler melden",
            "jetzt melden",
        ),
        "fr": ("écouter l'article",),
        "es": ("escuchar noticia", "escuchar artículo", "escuchar el artículo"),
        "it": ("ascolta l'articolo", "ascolta articolo"),
        "pt": ("ouvir notícia", "ouvir matéria", "ouvir artigo", "ouça a notícia"),
        "nl": ("artikel beluisteren", "luister naar dit artikel"),
    },
)
LIST_HEADERS = _extend(
    LIST_HEADERS,
    {
        "de": ("mehr nachrichten", "weitere nachrichten", "verwendete quellen", "quellenangaben"),
        "en": ("explore more on these topics",),
        "fr": ("sur le même thème", "articles les plus lus"),
        "es": ("más información",),
        "pt": ("leia mais",),
    },
)
# "Read more", "See more" and a few buttons, standing alone.
WIDGET_LINES = _extend(
    WIDGET_LINES,
    {
        "fr": (
            "lire la suite",
            "voir plus",
            "en savoir plus",
            "tweeter",
            "réagir",
            "commenter",
            "recevez notre newsletter",
            "ne manquez aucune actualité",
        ),
        "es": ("leer más", "ver más"),
        "it": ("leggi di più", "leggi tutto"),
        "pt": ("ver mais", "saiba mais"),
        "nl": ("lees meer", "meer lezen", "lees verder"),
    },
)
# What an embedded post's caption opens with: "A post shared by Jane Doe (@janedoe)".
POST_SHARED_BY: Mapping[str, tuple[str, ...]] = {
    "en": ("a post shared by",),
    "de": ("ein beitrag geteilt von",),
    "fr": ("une publication partagée par",),
    "es": ("una publicación compartida de", "una publicación compartida por"),
    "it": ("un post condiviso da",),
    "pt": ("uma publicação compartilhada por", "uma publicação partilhada por"),
    "nl": ("een bericht gedeeld door",),
}
# A paywall's questions and buttons: "Already a subscriber? Log in", "Déjà abonné ? Se connecter".
WIDGET_LINES = _extend(
    WIDGET_LINES,
    {
        "en": (
            "already a subscriber",
            "log in",
            "sign in",
            "create a free account to continue reading",
            "you have reached your limit of free articles",
        ),
        "de": (
            "bereits abonnent",
            "sie sind bereits abonnent",
            "hier anmelden",
            "einloggen",
            "jetzt weiterlesen mit abo",
        ),
        "fr": ("se connecter", "je me connecte", "connexion"),
        "es": ("inicia sesión", "iniciar sesión"),
        "it": ("sei già abbonato", "accedi"),
        "pt": ("já é assinante", "faça login", "entrar"),
        "nl": ("al abonnee", "log in", "inloggen"),
    },
)
# ... and its opening, before the sign-up it asks for: "To continue reading, subscribe now".
PROMPT_PREFIXES = _extend(
    PROMPT_PREFIXES,
    {
        "en": ("to continue reading",),
        "fr": ("pour lire la suite",),
        "es": ("para seguir leyendo",),
        "it": ("per continuare a leggere",),
        "pt": ("para continuar lendo",),
        "nl": ("om verder te lezen",),
    },
)
# Document pages' furniture: print and PDF versions, contents, the way back to the list.
WIDGET_LINES = _extend(
    WIDGET_LINES,
    {
        "en": (
            "download pdf",
            "download as pdf",
            "print this page",
            "printer-friendly version",
            "back to overview",
            "learn more",
        ),
        "de": (
            "druckversion",
            "seite teilen",
            "inhaltsverzeichnis",
            "pdf herunterladen",
            "als pdf herunterladen",
            "pressemitteilung als pdf",
            "zurück zur übersicht",
            "mehr erfahren",
            "mehr informationen",
        ),
        "fr": ("télécharger le pdf", "version imprimable", "retour à la liste", "sommaire"),
        "es": ("descargar pdf", "versión para imprimir", "volver al listado", "índice"),
        "it": ("scarica il pdf", "versione stampabile", "torna all'elenco", "indice"),
        "pt": ("baixar pdf", "versão para impressão", "voltar para a lista", "índice"),
        "nl": ("download pdf", "printversie", "terug naar overzicht", "inhoudsopgave"),
    },
)
# A relative date stamp: "2 hours ago", "vor 2 Stunden", "il y a 2 heures", "hace 2 horas".
AGO_BEFORE: Mapping[str, tuple[str, ...]] = {
    "de": ("vor",),
    "fr": ("il y a",),
    "es": ("hace",),
    "pt": ("há", "ha"),
}
AGO_AFTER: Mapping[str, tuple[str, ...]] = {
    "en": ("ago",),
    "it": ("fa",),
    "pt": ("atrás",),
    "nl": ("geleden",),
}
TIME_UNITS: Mapping[str, tuple[str, ...]] = {
    "en": ("second", "seconds", "min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs", "day", "days"),
    "de": ("sekunden", "min", "minute", "minuten", "stunde", "stunden", "std", "tag", "tagen"),
    "fr": ("secondes", "min", "minute", "minutes", "heure", "heures", "h", "jour", "jours"),
    "es": ("segundos", "min", "minuto", "minutos", "hora", "horas", "h", "día", "días"),
    "it": ("secondi", "min", "minuto", "minuti", "ora", "ore", "giorno", "giorni"),
    "pt": ("segundos", "min", "minuto", "minutos", "hora", "horas", "h", "dia", "dias"),
    "nl": ("seconden", "min", "minuut", "minuten", "uur", "dag", "dagen"),
}
# Labels that open a caption or credit line: "Image copyright …", "Bildunterschrift: …".
CREDIT_LABELS: Mapping[str, tuple[str, ...]] = {
    "en": (
        "image copyright",
        "image caption",
        "media caption",
        "file photo:",
        "file photo :",
        "courtesy",
        "picture date:",
        "pictured:",
        "caption:",
        "photo illustration",
    ),
    "de": ("bildunterschrift", "bildquelle", "mit freundlicher genehmigung"),
    "fr": ("légende", "avec l'aimable autorisation"),
    "es": ("pie de foto", "cortesía"),
    "it": ("didascalia", "per gentile concessione"),
    "pt": ("legenda", "cortesia"),
    "nl": ("bijschrift", "met dank aan"),
}
# Share-bar buttons that are words, not network names: "Share | Email | Print".
# What joins a share button to its network or object: "Compartir en Facebook", "Artikel teilen".
SHARE_LINKERS: Mapping[str, tuple[str, ...]] = {
    "en": ("on", "via", "article", "story"),
    "de": ("auf", "über", "per", "artikel", "diesen artikel", "beitrag", "seite", "diese seite"),
    "fr": ("sur", "par", "l'article", "cet article", "article"),
    "es": ("en", "por", "artículo", "noticia", "esta noticia", "el artículo"),
    "it": ("su", "via", "articolo", "l'articolo", "questo articolo"),
    "pt": ("no", "na", "em", "pelo", "por", "artigo", "matéria", "notícia"),
    "nl": ("op", "via", "artikel", "dit artikel"),
}
SHARE_BUTTONS: Mapping[str, tuple[str, ...]] = {
    "en": ("email", "e-mail", "print", "copy link", "copy", "sms", "share"),
    "de": ("teilen", "drucken", "link kopieren", "kopieren"),
    "fr": ("partager", "imprimer", "copier le lien", "copier"),
    "es": ("compartir", "imprimir", "copiar enlace", "copiar", "correo"),
    "it": ("condividi", "stampa", "copia link", "copia"),
    "pt": ("compartilhar", "compartilhe", "partilhar", "partilhe", "imprimir", "copiar link", "copiar"),
    "nl": ("delen", "deel", "printen", "afdrukken", "kopieer link", "kopiëren"),
}
# A gallery's "View all (24)".
VIEW_ALL: Mapping[str, tuple[str, ...]] = {
    "en": ("view all", "see all"),
    "de": ("alle anzeigen", "alle ansehen"),
    "fr": ("voir tout", "tout voir"),
    "es": ("ver todo", "ver todas", "ver todos"),
    "it": ("vedi tutto", "vedi tutte"),
    "pt": ("ver tudo", "ver todas", "ver todos"),
    "nl": ("bekijk alles", "alles bekijken"),
}
# "… (AP Photo/Jane Doe, File)": a credit naming an archive picture.
FILE_WORDS: Mapping[str, tuple[str, ...]] = {
    "en": ("file",),
    "de": ("archiv", "archivbild"),
    "fr": ("archives",),
    "es": ("archivo",),
    "it": ("archivio",),
    "pt": ("arquivo",),
    "nl": ("archief",),
}
# Lower-case words a byline of capitalised names may hold: "Jane Doe and John Roe of The Times".
BYLINE_CONNECTORS: Mapping[str, tuple[str, ...]] = {
    "en": ("and", "of", "the", "&", "j."),
    "de": ("und", "von", "der", "die"),
    "fr": ("et", "de", "du", "la", "le"),
    "es": ("y", "de", "del", "la", "el"),
    "it": ("e", "di", "del", "della", "la", "il"),
    "pt": ("e", "de", "da", "do"),
    "nl": ("en", "van", "de", "het"),
}

# Site chrome in the languages newsclean documents: contact blocks, loading and login notes, paywall
# stubs, image buttons (whole lines); teaser and advertising labels; pointers to more information.
WIDGET_LINES = _extend(
    WIDGET_LINES,
    {
        "en": (
            "loading",
            "contact",
            "media contact",
            "press contact",
            "more information",
            "further information",
            "view image",
            "enlarge image",
            "you are not logged in",
            "you must be logged in to post a comment",
        ),
        "de": (
            "kontakt",
            "pressekontakt",
            "ansprechpartner",
            "weitere informationen",
            "zusatzinformationen",
            "bild anzeigen",
            "bild vergrößern",
            "wird geladen",
            "sie sind nicht eingeloggt",
            "sie sind aktuell nicht eingeloggt",
            "vorschau auf den nächsten artikel",
            "zum newsletter anmelden",
            "newsletter abonnieren",
        ),
        "fr": (
            "contact",
            "contact presse",
            "plus d'informations",
            "chargement",
            "agrandir l'image",
            "pour lire la suite",
            "pour accéder en illimité",
            "vous n'êtes pas connecté",
            "déjà abonné",
        ),
        "es": (
            "contacto",
            "contacto de prensa",
            "cargando",
            "ampliar imagen",
            "no has iniciado sesión",
            "para seguir leyendo",
            "ya eres suscriptor",
        ),
        "it": (
            "contatti",
            "ufficio stampa",
            "maggiori informazioni",
            "caricamento",
            "ingrandisci immagine",
            "non sei connesso",
            "per continuare a leggere",
        ),
        "pt": (
            "contato",
            "contacto",
            "assessoria de imprensa",
            "mais informações",
            "carregando",
            "ampliar imagem",
            "você não está conectado",
            "para continuar lendo",
        ),
        "nl": ("contact", "perscontact", "meer informatie", "laden", "afbeelding vergroten", "je bent niet ingelogd"),
    },
)
LIST_HEADERS = _extend(
    LIST_HEADERS,
    {
        "en": ("recommended posts", "similar posts", "more posts"),
        "de": ("empfohlene beiträge", "weitere beiträge", "ähnliche beiträge"),
        "fr": ("articles recommandés", "autres articles"),
        "es": ("entradas relacionadas", "otras noticias"),
        "it": ("articoli consigliati", "altri articoli"),
        "pt": ("posts relacionados", "outras notícias"),
        "nl": ("aanbevolen artikelen", "andere artikelen"),
    },
)
TEASER_PREFIXES = _extend(
    TEASER_PREFIXES,
    {
        "en": ("advertisement", "sponsored", "paid content"),
        "de": ("anzeige", "werbung"),
        "fr": ("publicité", "contenu sponsorisé"),
        "es": ("vea también", "puedes ver", "mira también", "publicidad"),
        "it": ("pubblicità", "contenuto sponsorizzato"),
        "pt": ("publicidade", "conteúdo patrocinado"),
        "nl": ("advertentie", "gesponsord"),
    },
)
PROMPT_PREFIXES = _extend(
    PROMPT_PREFIXES,
    {
        "en": ("more information at", "more info at", "for more information, visit", "for more information visit"),
        "de": (
            "zum newsletter",
            "weitere infos unter",
            "weitere informationen unter",
            "mehr infos unter",
            "mehr informationen unter",
            "werden sie mitglied",
            "werde mitglied",
        ),
        "fr": ("plus d'informations sur", "plus d'infos sur", "devenez membre"),
        "es": ("más información en", "hazte miembro", "hazte socio"),
        "it": ("maggiori informazioni su", "diventa socio"),
        "pt": ("mais informações em", "torne-se membro", "seja membro"),
        "nl": ("meer informatie op", "meer info op", "word lid"),
    },
)
INBOX_PHRASES = _extend(
    INBOX_PHRASES,
    {
        "en": ("sign up here",),
        "es": ("nuestro canal de", "canal de telegram", "canal de whatsapp", "canal de youtube"),
        "pt": ("nosso canal no", "canal no telegram", "canal no whatsapp"),
    },
)
SHOP_NOTICES = _extend(
    SHOP_NOTICES,
    {
        "en": ("may receive compensation", "affiliate link", "affiliate links"),
        "de": ("affiliate-link", "affiliate-links", "affiliate link", "affiliate links"),
        "fr": ("lien affilié", "liens affiliés"),
        "es": ("enlace de afiliado", "enlaces de afiliado"),
        "it": ("link affiliato", "link affiliati"),
        "pt": ("link de afiliado", "links de afiliado"),
        "nl": ("affiliate link", "affiliate links"),
    },
)
TAXONOMY_LABELS = _extend(
    TAXONOMY_LABELS,
    {
        "de": ("kategorie", "kategorien", "rubrik", "rubriken"),
        "fr": ("catégorie", "catégories", "rubrique"),
        "es": ("categoría", "categorías"),
        "it": ("categoria", "categorie", "tag"),
        "pt": ("categoria", "categorias"),
        "nl": ("categorie", "categorieën", "tags"),
    },
)
CREDIT_LABELS = _extend(
    CREDIT_LABELS,
    {"fr": ("image d'illustration", "photo d'illustration", "image illustrative", "illustration :")},
)
# A placeholder for embedded content held back until the reader consents: "Click the button below to
# load the content of www.example.org".
EMBED_NOTICES: Mapping[str, tuple[str, ...]] = {
    "en": ("to load the content", "to display the content", "to view this content", "load external content"),
    "de": (
        "um den inhalt von",
        "inhalt laden",
        "externe inhalte",
        "externer inhalt",
        "externen inhalt",
        "empfohlener redaktioneller inhalt",
    ),
    "fr": ("pour afficher le contenu", "pour charger le contenu", "pour afficher ce contenu", "contenu externe"),
    "es": ("para cargar el contenido", "para ver el contenido", "para ver este contenido", "contenido externo"),
    "it": ("per caricare il contenuto", "per visualizzare il contenuto", "contenuto esterno"),
    "pt": ("para carregar o conteúdo", "para ver este conteúdo", "conteúdo externo"),
    "nl": ("om de inhoud te laden", "externe inhoud"),
}
# An invitation to comment: "Let us know in the comments".
COMMENT_PROMPTS: Mapping[str, tuple[str, ...]] = {
    "en": ("let us know in the comments", "tell us in the comments", "leave a comment below"),
    "de": ("gerne in den kommentaren", "uns in den kommentaren", "schreibt es in die kommentare"),
    "fr": ("dites-le nous en commentaire", "dites-nous en commentaire", "laissez un commentaire"),
    "es": ("déjanos tu comentario", "deja tu comentario"),
    "it": ("fatecelo sapere nei commenti", "lascia un commento"),
    "pt": ("deixe seu comentário", "deixe o seu comentário"),
    "nl": ("laat het weten in de reacties", "laat een reactie achter"),
}
# A blog's comment form, its heading, notices and buttons: "Leave a Reply", "Your email address will
# not be published. Required fields are marked *", "This site uses Akismet to reduce spam."
COMMENT_FORM: Mapping[str, tuple[str, ...]] = {
    "en": (
        "leave a reply",
        "cancel reply",
        "your email address will not be published",
        "required fields are marked",
        "save my name, email",
        "notify me of follow-up comments",
        "notify me of new posts",
        "uses akismet to reduce spam",
        "how your comment data is processed",
        "post comment",
        "submit comment",
    ),
    "de": (
        "schreibe einen kommentar",
        "kommentar schreiben",
        "antworten abbrechen",
        "deine e-mail-adresse wird nicht veröffentlicht",
        "ihre e-mail-adresse wird nicht veröffentlicht",
        "erforderliche felder sind mit",
        "speichere meinen namen",
        "benachrichtige mich über",
        "verwendet akismet",
        "wie deine kommentardaten verarbeitet werden",
        "kommentar abschicken",
    ),
    "fr": (
        "laisser un commentaire",
        "laisser une réponse",
        "annuler la réponse",
        "votre adresse e-mail ne sera pas publiée",
        "votre adresse de messagerie ne sera pas publiée",
        "les champs obligatoires sont indiqués",
        "enregistrer mon nom, mon e-mail",
        "utilise akismet",
        "prévenez-moi de tous les nouveaux",
    ),
    "es": (
        "deja una respuesta",
        "deja un comentario",
        "cancelar respuesta",
        "tu dirección de correo electrónico no será publicada",
        "los campos obligatorios están marcados",
        "guarda mi nombre, correo electrónico",
        "usa akismet",
        "avísame de los nuevos comentarios",
        "publicar comentario",
    ),
    "it": (
        "annulla risposta",
        "il tuo indirizzo email non sarà pubblicato",
        "i campi obbligatori sono contrassegnati",
        "salva il mio nome, email",
        "utilizza akismet",
        "avvisami via email",
        "pubblica il commento",
    ),
    "pt": (
        "deixe um comentário",
        "deixe uma resposta",
        "cancelar resposta",
        "o seu endereço de e-mail não será publicado",
        "seu endereço de e-mail não será publicado",
        "campos obrigatórios são marcados",
        "salvar meus dados neste navegador",
        "usa o akismet",
        "publicar comentário",
    ),
    "nl": (
        "geef een reactie",
        "reactie annuleren",
        "je e-mailadres wordt niet gepubliceerd",
        "uw e-mailadres wordt niet gepubliceerd",
        "vereiste velden zijn gemarkeerd",
        "mijn naam, e-mail en website bewaren",
        "gebruikt akismet",
        "reactie plaatsen",
    ),
}
# A figure's caption: "Figure 4: …", "Abb. 2: …".
FIGURE_LABELS: Mapping[str, tuple[str, ...]] = {
    "en": ("figure", "fig", "chart", "graph", "table"),
    "de": ("abbildung", "abb", "grafik", "tabelle"),
    "fr": ("figure", "fig", "graphique", "tableau"),
    "es": ("figura", "fig", "gráfico", "tabla"),
    "it": ("figura", "fig", "grafico", "tabella"),
    "pt": ("figura", "fig", "gráfico", "tabela"),
    "nl": ("figuur", "fig", "grafiek", "tabel"),
}

# A blog platform's sharing and rating bar, its labels alone on their lines (WordPress prints them in the
# site's language: "Share this:", "Gefällt mir Wird geladen …", "Bewerten:"); accessibility skip links,
# comment toggles, paywall and trial buttons.
WIDGET_LINES = _extend(
    WIDGET_LINES,
    {
        "en": (
            "share this",
            "like this",
            "rate this",
            "like this post",
            "skip to main content",
            "skip to content",
            "skip to navigation",
            "reprints",
        ),
        "de": (
            "teilen mit",
            "gefällt mir",
            "gefällt mir wird geladen",
            "bewerten",
            "zum inhalt springen",
            "direkt zum inhalt",
            "kommentare anzeigen",
            "bereits abonnent",
            "hier einloggen",
            "jetzt kostenlos testen",
        ),
        "fr": (
            "partager",
            "partager cet article",
            "j'aime ça",
            "j'aime chargement",
            "évaluez ceci",
            "aller au contenu",
            "aller au contenu principal",
            "voir les commentaires",
            "afficher les commentaires",
        ),
        "es": (
            "compartir esto",
            "comparte esto",
            "me gusta esto",
            "me gusta cargando",
            "valora esto",
            "ir al contenido",
            "saltar al contenido",
            "ver comentarios",
            "mostrar comentarios",
        ),
        "it": (
            "condividi questo articolo",
            "mi piace",
            "mi piace caricamento",
            "valuta questo",
            "vai al contenuto",
            "salta al contenuto",
            "mostra commenti",
            "vedi commenti",
        ),
        "pt": (
            "compartilhe isso",
            "compartilhe isto",
            "partilhe isto",
            "curtir isso",
            "curtir carregando",
            "gostar disto",
            "pular para o conteúdo",
            "ir para o conteúdo",
            "ver comentários",
            "mostrar comentários",
        ),
        "nl": (
            "dit delen",
            "vind ik leuk",
            "vind ik leuk laden",
            "beoordeel dit",
            "naar de inhoud",
            "ga naar de inhoud",
            "bekijk reacties",
            "toon reacties",
        ),
    },
)
# A player's and a share panel's buttons: "Copy link", "Embed", "Replay", "Show caption".
WIDGET_LINES = _extend(
    WIDGET_LINES,
    {
        "en": (
            "copy link",
            "copy this link",
            "embed",
            "pin it",
            "register",
            "show caption",
            "replay",
            "just watched",
            "sponsor message",
            "continue reading the main story",
        ),
        "de": ("link kopieren", "einbetten", "bildunterschrift anzeigen", "erneut abspielen"),
        "fr": ("copier le lien", "intégrer", "afficher la légende", "revoir"),
        "es": ("copiar enlace", "copiar el enlace", "insertar", "mostrar pie de foto", "volver a ver"),
        "it": ("copia link", "copia il link", "incorpora", "mostra didascalia", "rivedi"),
        "pt": ("copiar link", "copiar o link", "incorporar", "mostrar legenda", "assistir novamente"),
        "nl": ("link kopiëren", "insluiten", "toon bijschrift", "opnieuw afspelen"),
    },
)
LIST_HEADERS = _extend(
    LIST_HEADERS,
    {
        "en": ("sponsored stories", "promoted stories", "from our partners"),
        "de": ("top-themen", "topthemen"),
        "fr": ("à la une", "lire aussi", "vous aimerez aussi"),
        "es": ("lee también", "también te puede interesar"),
        "nl": ("meest gelezen",),
    },
)
# A syndicated article's note on where it first ran: "Read the original article on Business Insider".
CREDIT_LINE_OPENINGS = _extend(
    CREDIT_LINE_OPENINGS,
    {
        "en": ("read the original article on", "read the original article at"),
        "de": ("zum originalartikel",),
        "fr": ("lire l'article original",),
        "es": ("lea el artículo original", "lee el artículo original"),
        "it": ("leggi l'articolo originale",),
        "pt": ("leia o artigo original",),
        "nl": ("lees het originele artikel",),
    },
)
# A licence footer: "Unless otherwise noted, content on this site is licensed under CC BY 4.0".
CREDIT_LINE_PHRASES = _extend(
    CREDIT_LINE_PHRASES,
    {
        "en": (
            "licensed under a creative commons",
            "licensed under the creative commons",
            "licensed under cc by",
            "licensed under cc-by",
            "under a creative commons license",
            "under a creative commons licence",
        ),
        "de": ("unter einer creative commons", "unter cc-by", "unter cc by", "unter der lizenz cc"),
        "fr": ("sous licence creative commons", "sous licence cc"),
        "es": ("bajo una licencia creative commons", "bajo licencia creative commons", "bajo licencia cc"),
        "it": ("licenza creative commons", "sotto licenza cc"),
        "pt": ("licença creative commons", "sob licença cc"),
        "nl": ("creative commons-licentie", "onder een creative commons"),
    },
)
# The label of a contact detail, a line of its own in a press release's or a site's contact block:
# "Telefon: +49 40 300 30", "E-mail: press@…".
CONTACT_LABELS: Mapping[str, tuple[str, ...]] = {
    "en": ("phone", "telephone", "tel", "fax", "mobile", "email", "e-mail"),
    "de": ("telefon", "tel", "fax", "telefax", "mobil", "handy", "e-mail", "email"),
    "fr": ("téléphone", "tél", "tel", "fax", "portable", "courriel", "e-mail"),
    "es": ("teléfono", "tel", "fax", "móvil", "correo", "correo electrónico", "e-mail"),
    "it": ("telefono", "tel", "fax", "cellulare", "e-mail", "email"),
    "pt": ("telefone", "tel", "fax", "celular", "telemóvel", "e-mail"),
    "nl": ("telefoon", "tel", "fax", "mobiel", "e-mail"),
}
# What a link's label says when it opens another window: "Click to share on Twitter (Opens in new window)".
NEW_WINDOW: Mapping[str, tuple[str, ...]] = {
    "en": ("opens in new window", "opens in a new window", "opens in new tab", "opens in a new tab"),
    "de": ("wird in neuem fenster geöffnet", "öffnet in neuem fenster", "öffnet sich in einem neuen fenster"),
    "fr": ("ouvre dans une nouvelle fenêtre", "s'ouvre dans une nouvelle fenêtre", "nouvelle fenêtre"),
    "es": ("se abre en una ventana nueva", "se abre en una nueva ventana", "abre en una nueva ventana"),
    "it": ("si apre in una nuova finestra", "apre in una nuova finestra"),
    "pt": ("abre em nova janela", "abre numa nova janela", "abre em uma nova janela"),
    "nl": ("wordt in een nieuw venster geopend", "opent in een nieuw venster", "opent in nieuw venster"),
}
# The word that heads a reading time given in minutes: "Lecture 3 min.", "Leitura: 4 min".
READING_LABELS: Mapping[str, tuple[str, ...]] = {
    "en": ("read",),
    "de": ("lesen", "lesezeit", "lesedauer"),
    "fr": ("lecture",),
    "es": ("lectura",),
    "it": ("lettura",),
    "pt": ("leitura",),
    "nl": ("lezen", "leestijd"),
}
# A contact line's label before an address: "Contact Jane Doe at jdoe@…", "Kontakt: presse@…".
CONTACT_PHRASES = _extend(
    CONTACT_PHRASES,
    {
        "en": ("contact",),
        "de": ("kontakt",),
        "fr": ("contact",),
        "es": ("contacto",),
        "it": ("contatti", "contatto"),
        "pt": ("contato", "contacto"),
        "nl": ("contact",),
    },
)
# An appeal's words beyond its verb: "Soutenez une rédaction indépendante".
APPEAL_STEMS = _extend(APPEAL_STEMS, {"de": ("unabhängig",), "fr": ("indépendan",)})

# An image's zoom button, a bookmark button, a player's play button, an embedded post's link, a search
# button: "Click to enlarge", "Artikel merken", "Lire la vidéo", "Ver esta publicación en Instagram".
WIDGET_LINES = _extend(
    WIDGET_LINES,
    {
        "en": ("click to enlarge", "save article", "save story", "add to favourites", "add to favorites", "search"),
        "de": (
            "zum vergrößern klicken",
            "klicken zum vergrößern",
            "video abspielen",
            "diesen beitrag auf instagram ansehen",
            "suche",
        ),
        "fr": (
            "cliquez pour agrandir",
            "sauvegarder l'article",
            "enregistrer l'article",
            "lire la vidéo",
            "voir cette publication sur instagram",
            "rechercher",
        ),
        "es": (
            "haz clic para ampliar",
            "pulse para ampliar",
            "guardar artículo",
            "reproducir vídeo",
            "reproducir video",
            "ver esta publicación en instagram",
            "buscar",
        ),
        "it": (
            "clicca per ingrandire",
            "salva articolo",
            "riproduci video",
            "visualizza questo post su instagram",
            "cerca",
        ),
        "pt": (
            "clique para ampliar",
            "salvar artigo",
            "reproduzir vídeo",
            "ver esta publicação no instagram",
            "ver essa foto no instagram",
            "pesquisar",
        ),
        "nl": (
            "klik om te vergroten",
            "artikel opslaan",
            "video afspelen",
            "dit bericht op instagram bekijken",
            "zoeken",
        ),
    },
)
NAV_DIRECTIONS = _extend(NAV_DIRECTIONS, {"nl": ("vorig", "volgend")})  # "vorig artikel": a neuter noun's form
# What a video or audio element prints where the browser cannot play it, and a script's fallback.
EMBED_NOTICES = _extend(
    EMBED_NOTICES,
    {
        "en": ("your browser does not support", "your browser doesn't support"),
        "de": ("ihr browser unterstützt kein", "ihr browser unterstützt dieses", "aktivieren sie javascript"),
        "fr": ("votre navigateur ne prend pas en charge", "votre navigateur ne supporte pas"),
        "es": ("tu navegador no soporta", "su navegador no soporta", "tu navegador no admite"),
        "it": ("il tuo browser non supporta",),
        "pt": ("seu navegador não suporta", "seu navegador não é compatível"),
        "nl": ("je browser ondersteunt geen", "uw browser ondersteunt geen"),
    },
)
# A paywall's notice that the rest is for subscribers: "La suite est réservée aux abonnés." Counted
# only on a short line that also names the article or its rest (`PAYWALL_OBJECTS`): "The feature is
# for subscribers only" reports on a service.
PAYWALL_NOTICES: Mapping[str, tuple[str, ...]] = {
    "en": (
        "for subscribers only",
        "exclusive to subscribers",
        "only available to subscribers",
        "available to subscribers only",
    ),
    "de": ("nur für abonnenten", "exklusiv für abonnenten", "für abonnenten reserviert"),
    "fr": ("réservé aux abonnés", "réservée aux abonnés", "réservés aux abonnés", "réservées aux abonnés"),
    "es": (
        "exclusivo para suscriptores",
        "exclusiva para suscriptores",
        "solo para suscriptores",
        "sólo para suscriptores",
    ),
    "it": (
        "riservato agli abbonati",
        "riservata agli abbonati",
        "riservati agli abbonati",
        "esclusivo per gli abbonati",
        "solo per gli abbonati",
    ),
    "pt": ("exclusivo para assinantes", "exclusiva para assinantes", "apenas para assinantes", "só para assinantes"),
    "nl": ("alleen voor abonnees", "exclusief voor abonnees", "alleen beschikbaar voor abonnees"),
}
# ... and its meter, said to the reader: "Il vous reste 75% de cet article à lire.", "You have 3 free
# articles left this month."
PAYWALL_METERS: Mapping[str, tuple[str, ...]] = {
    "en": ("free articles left", "free articles remaining", "limit of free articles", "free article limit"),
    "de": ("kostenlose artikel", "kostenlosen artikel", "kostenloser artikel"),
    "fr": ("de cet article à lire", "articles gratuits"),
    "es": ("artículos gratuitos", "artículos gratis"),
    "it": ("articoli gratuiti",),
    "pt": ("artigos gratuitos", "artigos grátis"),
    "nl": ("gratis artikelen",),
}
PAYWALL_OBJECTS: Mapping[str, tuple[str, ...]] = {
    "en": ("article", "story", "content", "rest"),
    "de": ("artikel", "beitrag", "inhalt", "text"),
    "fr": ("article", "suite", "contenu"),
    "es": ("artículo", "contenido", "noticia", "resto"),
    "it": ("articol", "contenut", "notizia"),
    "pt": ("artigo", "conteúdo", "matéria", "notícia"),
    "nl": ("artikel", "inhoud", "bericht"),
}
# A note of an article's age above an old one: "This article is more than 2 years old".
AGE_NOTICES: Mapping[str, tuple[str, ...]] = {
    "en": ("this article is more than", "this article is over", "this article is older than"),
    "de": ("dieser artikel ist älter als", "dieser artikel ist mehr als", "dieser artikel wurde vor mehr als"),
    "fr": ("cet article date de plus de", "cet article a plus de", "cet article a été publié il y a plus de"),
    "es": ("este artículo tiene más de", "este artículo fue publicado hace más de"),
    "it": ("questo articolo ha più di", "questo articolo è stato pubblicato più di"),
    "pt": ("este artigo tem mais de", "este artigo foi publicado há mais de"),
    "nl": ("dit artikel is meer dan", "dit artikel is ouder dan"),
}
AGE_UNITS: Mapping[str, tuple[str, ...]] = {
    "en": ("year", "years", "month", "months", "week", "weeks", "day", "days"),
    "de": ("jahr", "jahre", "jahren", "monat", "monate", "monaten", "woche", "wochen", "tag", "tage", "tagen"),
    "fr": ("an", "ans", "année", "années", "mois", "semaine", "semaines", "jour", "jours"),
    "es": ("año", "años", "mes", "meses", "semana", "semanas", "día", "días"),
    "it": ("anno", "anni", "mese", "mesi", "settimana", "settimane", "giorno", "giorni"),
    "pt": ("ano", "anos", "mês", "meses", "semana", "semanas", "dia", "dias"),
    "nl": ("jaar", "jaren", "maand", "maanden", "week", "weken", "dag", "dagen"),
}

# A recommendation list's header: "Verwandte Themen", "Temas relacionados", "I più visti".
LIST_HEADERS = _extend(
    LIST_HEADERS,
    {
        "de": ("verwandte themen", "meistgelesene artikel", "empfohlen"),
        "fr": ("sujets associés", "les plus partagés", "les plus consultés"),
        "es": ("temas relacionados", "relacionado", "relacionados", "recomendado para ti", "lo más compartido"),
        "it": ("argomenti correlati", "correlati", "i più visti", "i più condivisi"),
        "pt": ("tópicos relacionados", "relacionados", "mais vistos", "mais vistas", "mais compartilhadas"),
        "nl": ("gerelateerde onderwerpen", "gerelateerd", "meest bekeken", "dit vind je misschien ook leuk"),
    },
)
# The note an ad leaves, share and comment buttons, and a site footer's links: "Artikel wird nach der Anzeige
# fortgesetzt", "Compartir este artículo", "Mentions légales".
WIDGET_LINES = _extend(
    WIDGET_LINES,
    {
        "en": (
            "article continues after advertisement",
            "story continues after advertisement",
            "terms of use",
            "terms of service",
            "terms and conditions",
            "privacy policy",
            "cookie policy",
            "cookie settings",
        ),
        "de": (
            "artikel wird nach der anzeige fortgesetzt",
            "einen kommentar hinterlassen",
            "impressum",
            "datenschutzerklärung",
            "nutzungsbedingungen",
            "cookie-einstellungen",
        ),
        "fr": (
            "mentions légales",
            "politique de confidentialité",
            "conditions générales d'utilisation",
            "gestion des cookies",
        ),
        "es": (
            "el artículo continúa después del anuncio",
            "compartir este artículo",
            "aviso legal",
            "política de privacidad",
            "política de cookies",
            "términos y condiciones",
        ),
        "it": (
            "note legali",
            "informativa sulla privacy",
            "termini e condizioni",
            "cookie policy",
        ),
        "pt": (
            "o artigo continua após a publicidade",
            "compartilhe este artigo",
            "compartilhar este artigo",
            "política de privacidade",
            "termos de uso",
            "aviso legal",
        ),
        "nl": (
            "het artikel gaat verder na de advertentie",
            "privacyverklaring",
            "privacybeleid",
            "algemene voorwaarden",
            "cookiebeleid",
        ),
    },
)
# A theme's "Posted in <category>" line: the prepositions before a category, beside those before a name or date.
META_PREPOSITIONS = _extend(META_PREPOSITIONS, {"de": ("in", "unter"), "fr": ("dans",), "it": ("in",), "nl": ("in",)})
# An app's download prompt: "Téléchargez notre application", "Baixe nosso app".
PROMPT_PREFIXES = _extend(
    PROMPT_PREFIXES,
    {
        "fr": ("téléchargez notre application", "téléchargez l'application"),
        "it": ("scarica la nostra app", "scarica l'app"),
        "pt": ("baixe nosso app", "baixe o app", "baixe nosso aplicativo", "baixe o aplicativo"),
        "nl": ("download onze app", "download de app"),
    },
)
CHANNEL_WORDS = _extend(
    CHANNEL_WORDS,
    {"de": ("app",), "fr": ("application", "app"), "it": ("app",), "pt": ("app", "aplicativo"), "nl": ("app",)},
)

# A "most commented" list's header, and one that names its site or section: "Meistdiskutiert", "Les plus
# commentés", "Top-Themen bei …".
LIST_HEADERS = _extend(
    LIST_HEADERS,
    {
        "en": ("most commented", "most discussed", "most shared"),
        "de": (
            "meistkommentiert",
            "meist kommentiert",
            "meistdiskutiert",
            "meist diskutiert",
            "meistgeteilt",
            "top-themen bei",
        ),
        "fr": ("les plus commentés",),
        "es": ("lo más comentado", "más comentadas", "más comentados"),
        "it": ("i più commentati",),
        "pt": ("mais comentadas", "mais comentados"),
        "nl": ("meest besproken", "meest gedeeld"),
    },
)
# A blog's like button and a link back to all the news: "J'aime", "Alle Pressemitteilungen".
WIDGET_LINES = _extend(
    WIDGET_LINES,
    {
        "en": ("all news", "all articles", "all press releases"),
        "de": (
            "alle news",
            "alle nachrichten",
            "alle meldungen",
            "alle artikel",
            "alle pressemitteilungen",
            "zurück zu den nachrichten",
        ),
        "fr": ("j'aime", "toutes les actualités", "tous les articles", "tous les communiqués"),
        "es": ("me gusta", "todas las noticias", "todos los artículos"),
        "it": ("tutte le notizie", "tutti gli articoli"),
        "pt": ("todas as notícias", "todos os artigos"),
        "nl": ("alle nieuws", "alle artikelen", "alle berichten"),
    },
)

# An ad's note, an audio player's and a text-size control's labels, a consent banner's and a login
# box's buttons, in the languages that lacked them: "La suite après cette publicité", "Escuchar este
# artículo", "Taille du texte", "Alle akzeptieren", "Show more".
WIDGET_LINES = _extend(
    WIDGET_LINES,
    {
        "en": ("show more", "show less", "accept all", "reject all", "accept all cookies"),
        "de": ("alle akzeptieren", "alle ablehnen", "anmelden", "in der app öffnen"),
        "fr": (
            "la suite après cette publicité",
            "taille du texte",
            "tout accepter",
            "tout refuser",
            "ouvrir dans l'application",
        ),
        "es": (
            "el artículo continúa después de la publicidad",
            "escuchar este artículo",
            "tamaño de letra",
            "tamaño del texto",
            "aceptar todo",
            "rechazar todo",
            "suscribirse",
            "abrir en la app",
        ),
        "it": (
            "continua a leggere dopo la pubblicità",
            "dimensione testo",
            "dimensione del testo",
            "accetta tutto",
            "rifiuta tutto",
            "apri nell'app",
        ),
        "pt": (
            "ouvir este artigo",
            "tamanho da fonte",
            "tamanho do texto",
            "aceitar tudo",
            "rejeitar tudo",
            "assinar",
            "abrir no app",
        ),
        "nl": (
            "lettergrootte",
            "tekstgrootte",
            "toon meer",
            "toon minder",
            "alles accepteren",
            "alles weigeren",
            "abonneren",
            "openen in de app",
        ),
    },
)

# An editor's credit and a first-publication note in the languages that lacked them: "Redaktion: …",
# "Cet article a été initialement publié …".
CREDIT_LINE_OPENINGS = _extend(
    CREDIT_LINE_OPENINGS,
    {
        "de": ("redaktion:", "bearbeitet von"),
        "fr": (
            "cet article a été initialement publié",
            "cet article a été publié à l'origine",
            "cet article a d'abord été publié",
            "cet article a été publié pour la première fois",
        ),
        "it": ("questo articolo è stato pubblicato per la prima volta",),
        "pt": ("este artigo foi publicado primeiro",),
        "nl": ("redactie:", "dit artikel verscheen eerst", "dit artikel is eerder verschenen"),
    },
)
# A page's feedback and correction buttons: "Was this article helpful?", "Fehler melden".
WIDGET_LINES = _extend(
    WIDGET_LINES,
    {
        "en": (
            "report an error",
            "report a correction",
            "suggest a correction",
            "was this article helpful?",
            "was this helpful?",
            "did you find this article helpful?",
        ),
        "de": ("war dieser artikel hilfreich?", "war dieser beitrag hilfreich?", "war diese seite hilfreich?"),
        "fr": ("signaler une erreur", "cet article vous a-t-il été utile ?", "cette page vous a-t-elle été utile ?"),
        "es": (
            "reportar un error",
            "reportar error",
            "¿te resultó útil este artículo?",
            "¿te ha resultado útil este artículo?",
            "¿te fue útil este artículo?",
        ),
        "it": ("segnala un errore", "questo articolo ti è stato utile?", "ti è stato utile questo articolo?"),
        "pt": ("reportar erro", "reportar um erro", "este artigo foi útil?", "esta página foi útil?"),
        "nl": ("fout melden", "meld een fout", "was dit artikel nuttig?", "was dit artikel behulpzaam?"),
    },
)

# A label over a sponsored story or a live report: "Gesponserter Inhalt", "Publireportage", "Eilmeldung",
# "En directo" (the whole line: a report says "the breaking news came at noon").
WIDGET_LINES = _extend(
    WIDGET_LINES,
    {
        "en": ("partner content", "paid content", "paid post", "breaking news", "live updates"),
        "de": ("gesponserter inhalt", "eilmeldung", "liveticker"),
        "fr": ("publireportage", "contenu partenaire", "dernière minute", "en direct"),
        "es": ("publirreportaje", "contenido de marca", "última hora", "en directo"),
        "it": ("publiredazionale", "ultim'ora", "ultima ora", "in diretta"),
        "pt": ("conteúdo de marca", "última hora", "ao vivo"),
        "nl": ("gesponsorde inhoud", "liveblog"),
    },
)

# "Fotografía: EFE": the long word for a photo in the languages that lacked it.
CREDIT_NOUNS = _extend(
    CREDIT_NOUNS,
    {"de": ("fotografie",), "es": ("fotografía",), "it": ("fotografia",), "pt": ("fotografia",), "nl": ("fotografie",)},
)

# An author box's header, a comment invitation, a share button, a link back home and a "click here"
# prompt in the languages that lacked them: "Über den Autor", "Diskutieren Sie mit", "Torna alla home".
WIDGET_LINES = _extend(
    WIDGET_LINES,
    {
        "en": ("about the author", "join the discussion"),
        "de": (
            "über den autor",
            "über die autorin",
            "jetzt kommentieren",
            "diskutieren sie mit",
            "hier geht's zum video",
            "hier geht es zum video",
        ),
        "fr": ("à propos de l'auteur", "l'auteur", "réagir à cet article", "réagissez à cet article"),
        "es": ("sobre el autor", "sobre la autora", "volver a la portada", "volver al inicio"),
        "it": ("l'autore", "l'autrice", "sull'autore", "torna alla home", "torna alla homepage"),
        "pt": (
            "sobre o autor",
            "sobre a autora",
            "compartilhe esta notícia",
            "voltar para a página inicial",
            "voltar ao início",
        ),
        "nl": ("over de auteur", "over de schrijver", "reageer op dit artikel", "terug naar de homepage"),
    },
)
PROMPT_PREFIXES = _extend(
    PROMPT_PREFIXES,
    {
        "de": ("hier klicken", "klicken sie hier"),
        "fr": ("cliquez ici",),
        "es": ("haz clic aquí", "haga clic aquí", "pulsa aquí"),
        "it": ("clicca qui",),
        "pt": ("clique aqui",),
        "nl": ("klik hier",),
    },
)

# A content-recommendation box's header: "Around the web", "Mehr von unseren Partnern", "Dal web".
LIST_HEADERS = _extend(
    LIST_HEADERS,
    {
        "en": (
            "sponsored links",
            "around the web",
            "recommended stories",
            "you may like",
            "promoted content",
            "more from our partners",
        ),
        "de": ("mehr von unseren partnern", "angebote unserer partner", "aus dem netz"),
        "fr": ("contenus sponsorisés", "ailleurs sur le web", "sur le web"),
        "es": ("te puede gustar", "también te puede gustar", "en la web"),
        "it": ("contenuti sponsorizzati", "dal web", "potrebbe piacerti"),
        "pt": ("você pode gostar", "na web"),
        "nl": ("gesponsorde links", "misschien ook interessant", "elders op het web"),
    },
)

# What a page that is no article says: an error page, a cookie or consent wall, a paywall or login
# stub, a bot check. Searched only in short cleaned texts (`stub_max_words`).
NOT_ARTICLE: Mapping[str, tuple[str, ...]] = {
    "en": (
        "page not found",
        "404 not found",
        "error 404",
        "404 error",
        "the page you requested",
        "the page you are looking for",
        "this page could not be found",
        "we use cookies",
        "this website uses cookies",
        "this site uses cookies",
        "accept all cookies",
        "manage consent",
        "your privacy choices",
        "subscribe to continue reading",
        "this content is for subscribers",
        "sign in to continue",
        "log in to continue",
        "please enable javascript",
        "access denied",
        "403 forbidden",
        "verify you are human",
        "checking your browser",
    ),
    "de": (
        "seite nicht gefunden",
        "fehler 404",
        "die angeforderte seite",
        "diese seite existiert nicht",
        "wir verwenden cookies",
        "diese website verwendet cookies",
        "alle cookies akzeptieren",
        "jetzt abonnieren und weiterlesen",
        "bitte aktivieren sie javascript",
        "zugriff verweigert",
    ),
    "fr": (
        "page introuvable",
        "page non trouvée",
        "erreur 404",
        "la page que vous recherchez",
        "nous utilisons des cookies",
        "ce site utilise des cookies",
        "accepter tous les cookies",
        "réservé aux abonnés",
        "veuillez activer javascript",
        "accès refusé",
    ),
    "es": (
        "página no encontrada",
        "error 404",
        "la página que buscas",
        "utilizamos cookies",
        "este sitio web utiliza cookies",
        "aceptar todas las cookies",
        "suscríbete para seguir leyendo",
        "contenido exclusivo para suscriptores",
        "acceso denegado",
    ),
    "it": (
        "pagina non trovata",
        "errore 404",
        "la pagina che stai cercando",
        "utilizziamo i cookie",
        "questo sito utilizza cookie",
        "accetta tutti i cookie",
        "contenuto riservato agli abbonati",
        "accesso negato",
    ),
    "pt": (
        "página não encontrada",
        "erro 404",
        "a página que você procura",
        "utilizamos cookies",
        "este site utiliza cookies",
        "aceitar todos os cookies",
        "conteúdo exclusivo para assinantes",
        "acesso negado",
    ),
    "nl": (
        "pagina niet gevonden",
        "fout 404",
        "de pagina die u zoekt",
        "wij gebruiken cookies",
        "deze website gebruikt cookies",
        "alle cookies accepteren",
        "toegang geweigerd",
    ),
}
