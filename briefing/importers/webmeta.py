"""Metadata of a web page as the page declares it (JSON-LD, Open Graph, <meta>, markup bylines), and the choice of
its headline and author among what the page and the extractor offer."""

from __future__ import annotations

import html as html_lib
import json
import re
from typing import Any

from briefing.core.text import clean_block_text

_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "blogposting",
    "scholarlyarticle",
    "techarticle",
    "report",
    "socialmediaposting",
    "liveblogposting",
    "webpage",
    "creativework",
    "posting",
}


_MAX_LD_DEPTH = 20  # levels of JSON-LD looked into
_CDATA = re.compile(r"^(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>$")


def _json_ld_objects(root: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    def walk(value: Any, depth: int = 0) -> None:
        if depth > _MAX_LD_DEPTH:
            return  # real JSON-LD nests a few levels; deeper is hostile, and would exhaust the stack
        if isinstance(value, list):
            for v in value:
                walk(v, depth + 1)
        elif isinstance(value, dict):
            found.append(value)
            for key in ("@graph", "mainEntity", "itemListElement"):
                if key in value:
                    walk(value[key], depth + 1)

    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        raw = _CDATA.sub("", script.text.strip()).strip().rstrip(";")
        try:
            walk(json.loads(raw))
        except (ValueError, RecursionError):  # not JSON, or nested too deep to parse: only this metadata is skipped
            continue
    return found


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type", "")
    values = value if isinstance(value, list) else [value]
    return {str(v).lower() for v in values}


def _names(value: Any, depth: int = 0) -> list[str]:
    """Names out of a JSON-LD author/publisher value: a string, an object with name, or a list of those."""
    if isinstance(value, str):
        value = html_lib.unescape(value)
        return [value] if value.strip() and not value.startswith(("http://", "https://")) else []
    if depth > _MAX_LD_DEPTH:
        return []
    if isinstance(value, dict):
        return _names(value.get("name", ""), depth + 1)
    if isinstance(value, list):
        return [n for v in value for n in _names(v, depth + 1)]
    return []


def _text(value: Any) -> str:
    """One clean string out of a JSON-LD value (which may hold HTML entities)."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url") or value.get("name") or ""
    return clean_block_text(html_lib.unescape(str(value))) if isinstance(value, str | int | float) else ""


def page_metadata(root: Any) -> dict[str, str]:
    """title, headline, author, publisher, published, url, language, direction as the page itself declares them."""
    meta: dict[str, str] = {}
    props: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").lower()
        content = el.get("content")
        if key and content and content.strip() and key not in props:
            props[key.strip()] = clean_block_text(content)
    articles = [o for o in _json_ld_objects(root) if _types(o) & _ARTICLE_TYPES]
    articles.sort(key=lambda o: "webpage" in _types(o))  # real article types first
    ld = articles[0] if articles else {}

    title_el = root.find(".//title")
    meta["html_title"] = clean_block_text(title_el.text_content()) if title_el is not None else ""
    meta["og_title"] = props.get("og:title") or props.get("twitter:title") or ""
    meta["ld_headline"] = _text(ld.get("headline") or (ld.get("name") if "webpage" not in _types(ld) else ""))
    h1s = [clean_block_text(h.text_content()) for h in root.iter("h1")]
    meta["h1"] = "\n".join(h for h in h1s if h)

    authors = _names(ld.get("author")) or _names(ld.get("creator"))
    if not authors:
        for key in ("author", "article:author", "dc.creator", "dcterms.creator", "byl", "parsely-author",
                    "sailthru.author", "citation_author", "twitter:creator"):  # fmt: skip
            value = props.get(key, "")
            if value and not value.startswith(("http://", "https://", "@")):
                authors = [re.sub(r"^by\s+", "", value, flags=re.IGNORECASE)]
                break
    seen: list[str] = []
    for name in authors:
        name = clean_block_text(name)
        if name and name.lower() not in (s.lower() for s in seen):
            seen.append(name)
    meta["author"] = "; ".join(seen)
    meta["byline"] = ""  # markup_byline(root), looked for only when nothing names the author (it is not cheap)

    publisher = _names(ld.get("publisher"))
    meta["publisher"] = (
        props.get("og:site_name")
        or (publisher[0] if publisher else "")
        or props.get("application-name")
        or props.get("al:android:app_name")
        or props.get("al:iphone:app_name")
        or ""
    )
    meta["published"] = (
        _text(ld.get("datePublished"))
        or props.get("article:published_time")
        or props.get("datepublished")
        or props.get("date")
        or props.get("dc.date")
        or props.get("dcterms.date")
        or props.get("citation_publication_date")
        or props.get("pubdate")
        or ""
    )
    canonical = ""
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href", "").startswith("http"):
            canonical = link.get("href", "").strip()
            break
    og_url = props.get("og:url", "")
    meta["url"] = canonical or (og_url if og_url.startswith("http") else "") or _text(ld.get("url"))
    html_el = root if root.tag == "html" else root.find(".//html")
    lang = ""
    direction = ""
    if html_el is not None:
        lang = html_el.get("lang") or html_el.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
        direction = (html_el.get("dir") or "").lower()
    body = root.find(".//body")
    if not direction and body is not None:
        direction = (body.get("dir") or "").lower()
    if not direction:  # the article's own container may set it
        for container in root.iter("article", "main"):
            direction = (container.get("dir") or "").lower()
            if direction:
                break
    lang = lang or props.get("content-language", "") or props.get("og:locale", "").replace("_", "-")
    lang = _text(lang or ld.get("inLanguage") or "")
    meta["language"] = lang.split(",")[0].strip()
    meta["locale"] = props.get("og:locale", "").replace("_", "-")  # often right where <html lang> is a default
    meta["direction"] = direction if direction in ("ltr", "rtl") else ""
    meta["description"] = props.get("og:description") or props.get("description") or ""
    return meta


_BYLINE_XPATHS = (
    '//*[@itemprop="author"]//*[@itemprop="name"]',
    '//*[@itemprop="author"]',
    '//a[@rel="author"]',
    '//*[contains(concat(" ", normalize-space(@class), " "), " author ")]//*[contains(@class, "fn")]',
    '//*[contains(concat(" ", normalize-space(@class), " "), " vcard ")]//*[contains(@class, "fn")]',
)
_AUTHOR_PREFIX = re.compile(
    r"^(?:(?:view|see) all posts by|posted by|written by|published by|by|von|par|por|di|door|av|"
    r"auteur|autor|autorin|author|verfasst von)\b\s*:?\s*",
    re.IGNORECASE,
)
MONTHS = (
    "jan|january|januar|janvier|enero|feb|february|februar|février|febrero|mar|march|märz|mars|marzo|apr|april|"
    "avril|abril|may|mai|mayo|jun|june|juni|juin|junio|jul|july|juli|juillet|julio|aug|august|août|agosto|sep|sept|"
    "september|septembre|septiembre|oct|october|oktober|octobre|octubre|nov|november|novembre|noviembre|dec|"
    "december|dezember|décembre|diciembre"
)
_AUTHOR_DATE_TAIL = re.compile(
    r"[\s,|·•-]+(?:(?:on|am|le|el)\s+)?(?:\d{1,2}\.?\s*(?:" + MONTHS + r")\b|(?:" + MONTHS + r")\b\.?\s*\d).*$"
    r"|[\s,|·•-]+\d{1,4}[./-]\d{1,2}[./-]\d{1,4}.*$",
    re.IGNORECASE,
)


def clean_author(name: str) -> str:
    """A byline as a name: no "By" / "Autor" prefix, no date stuck to its end."""
    name = clean_block_text(name)
    for _ in range(2):
        name = _AUTHOR_PREFIX.sub("", name).strip()
    name = _AUTHOR_DATE_TAIL.sub("", name).strip(" ,;|·•-")
    return name


# An hCard in a table or an infobox is a card about someone or something (Wikipedia's infobox is "infobox vcard",
# its subject the "fn"), not the article's byline.
_CARD_NOT_BYLINE = 'ancestor::table or ancestor::*[contains(@class, "infobox")]'


def markup_byline(root: Any, title: str = "") -> str:
    """An author named by the page's markup (schema.org itemprop, rel=author, hCard) when nothing declares one;
    never the page's own subject (a name that is its title)."""
    for xpath in _BYLINE_XPATHS:
        for el in root.xpath(xpath)[:3]:
            if "vcard" in xpath and el.xpath(_CARD_NOT_BYLINE):
                continue
            name = clean_author(el.text_content() if el.tag != "meta" else el.get("content", ""))
            if title and squash(name) == squash(title):
                continue
            if name and len(name) <= 60 and len(name.split()) <= 6 and not re.search(r"\d{3}|https?:|@", name):
                return name
    return ""


def squash(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


_SEPARATOR = (
    r"(?:\s+(?:[|\-–—·•»«/\\]|::)\s+|\s*[|｜_]\s*|(?<=[\u3000-\u9fff\uff00-\uffef])\s*[-–—]\s*|\s+[-–—]\s*|\s*[-–—]\s+)"
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_GENERIC_TITLES = {"home", "homepage", "start", "startseite", "accueil", "inicio", "index", "untitled", "blog", "news"}


def _title_parts(title: str) -> list[str]:
    return [p for p in re.split(_SEPARATOR, title) if p.strip()]


def _site_key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def choose_title(meta: dict[str, str], extractor_title: str, site: str, hostname: str = "") -> str:
    """The headline: the declared title that the page also shows as a heading, else a declared title without the
    site's name, else the extractor's guess."""
    host = hostname.removeprefix("www.").rsplit(".", 1)[0] if hostname else ""
    site_keys = {k for k in (_site_key(site), _site_key(host)) if k}

    def is_site(part: str) -> bool:
        key = _site_key(part)
        return bool(key) and any(
            key == k or (len(key) >= 4 and key in k) or (len(k) >= 4 and k in key and len(key) <= len(k) + 12)
            for k in site_keys
        )

    h1s = [h.rstrip("¶#").strip() for h in meta.get("h1", "").split("\n")]
    h1s = [h for h in h1s if squash(h) and not is_site(h)]
    h1_keys = {squash(h) for h in h1s}
    declared = [meta.get("og_title", ""), meta.get("ld_headline", ""), meta.get("html_title", "")]
    declared = [c for c in declared if squash(c) and _site_key(c) not in site_keys]
    for c in declared:
        if squash(c) in h1_keys:
            return next(h for h in h1s if squash(h) == squash(c))
    for c in declared:
        matching = [p for p in _title_parts(c) if squash(p) in h1_keys]
        if len(matching) == 1 and len(squash(matching[0])) >= 8:
            return matching[0].strip()
    for title in declared:
        title = strip_site_name(title, is_site)
        if squash(title) not in _GENERIC_TITLES:
            return title
    if extractor_title and _site_key(extractor_title) not in site_keys:
        return strip_site_name(extractor_title, is_site)
    return h1s[0] if h1s else (declared[0] if declared else extractor_title)


def strip_site_name(title: str, is_site: Any) -> str:
    """Drop a " | Site" or "Site - " part of a title: one that names the site, or a short tail after a long
    headline."""
    parts = _title_parts(title)
    if len(parts) < 2:
        return title
    last_words, rest_words = len(parts[-1].split()), len(" ".join(parts[:-1]).split())
    if _CJK.search(title):
        short_tail = len(parts[-1].strip()) <= 6 and len(title) - len(parts[-1]) >= 10
    else:
        short_tail = last_words <= 3 and rest_words >= 4
    if is_site(parts[-1]) or short_tail:
        rest = title[: title.rfind(parts[-1])]
    elif is_site(parts[0]):
        rest = title[title.find(parts[0]) + len(parts[0]) :]
    else:
        return title
    rest = re.sub(r"^(?:" + _SEPARATOR + r")+|(?:" + _SEPARATOR + r")+$", "", rest).strip()
    return rest if len(squash(rest)) >= 3 else title


# lower-case words that may sit inside a person's name ("Ludwig van Beethoven", "Fischer und Theurer")
_NAME_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "du", "la", "le",
                   "bin", "ibn", "al", "el", "y", "e", "and", "und", "et", "i", "zu", "ten", "ter", "af"}  # fmt: skip
# words that open a phrase or name a body, never a person ("The Russian", "Syrian defense ministries", "By staff")
_NOT_NAME_WORDS = {"the", "a", "an", "this", "that", "our", "your", "staff", "team", "desk", "newsroom", "editors",
                   "editorial", "ministry", "ministries", "department", "agency", "agencies", "office", "admin",
                   "administrator", "redaktion", "rédaction", "redacción", "redazione", "contributors",
                   "follow", "author", "username", "profile", "share", "contact", "posted", "view"}  # fmt: skip
_INITIAL = re.compile(r"^(?:[^\W\d_]\.)+-?$")  # "J.", "J.R.", "J.-"


def is_person_name(name: str) -> bool:
    """Whether an author candidate reads as a person's name: a short run of capitalised words (particles like
    "van" or "und" aside) or a single user name, no determiner or organisation word, no digits, addresses or
    sentence punctuation. Scripts without capitals (Chinese, Arabic, ...) pass on length alone."""
    # (digits: a date; "x.com": an address; "?" "!" ":": a sentence or a label)
    if not name or len(name) > 60 or re.search(r"\d|@|https?:|[!?;:\[\]{}\"“”]|\w\.\w{2,}", name):
        return False
    words = name.replace(",", " ").split()
    if not words or len(words) > 6:
        return False
    for word in words:
        bare = word.strip("'’.-()")
        if not bare:
            continue
        if bare.casefold() in _NOT_NAME_WORDS:
            return False
        if word.endswith(".") and not _INITIAL.match(word) and len(bare) > 3:  # an abbreviation ends a sentence
            return False
        first = bare[0]
        if first.islower() and len(words) > 1 and bare.casefold() not in _NAME_PARTICLES:  # (a handle: "marc")
            return False
    return True


def choose_author(page: dict[str, str], extractor_author: str) -> str:
    """The declared author, else the extractor's guess, else a byline in the page's markup; in each, only the names
    that read as people's names (is_person_name). A declared author that is not a person (an agency, "Staff") is
    no author, rather than a reason to guess one."""
    for i, candidate in enumerate((page.get("author", ""), extractor_author, page.get("byline", ""))):
        names = [clean_author(n) for n in candidate.split(";")]
        people = [n for n in names if is_person_name(n)]
        if people:
            return "; ".join(people)
        if i == 0 and any(names):  # the page declares an author, but not a person: a guess from elsewhere on
            return ""  # the page would be worse (a place, a section name)
    return ""
