"""HTML pages -> the page's visible text, one line per rendered line, each line tagged with
the element it came from and its role on the page.

The rest of the pipeline then runs on that text exactly as on a text dump: spans point into
the rendered text, and every line outside the main content becomes a chrome line whose
reason is its role (navigation, page header or footer, sidebar, form, footnote,
boilerplate, outside-main), so nothing visible is lost silently.

Rendering follows what a browser shows (and the corpus conventions): <head>, scripts,
styles, templates, comments and hidden elements (hidden attribute, aria-hidden, inline
display:none / visibility:hidden) are not text; every block element starts a new paragraph
(paragraphs are separated by an empty line); <br> breaks a line; inline elements join
without adding spaces; whitespace runs collapse to one space. Ordered list items get their
number as a browser computes it (`<ol start type reversed>`, `<li value>`); unordered items
a bullet; nested lists are numbered in another form ('(1)' under '1.'), so the structure
stage reads them as sub-items. Table cells are blocks, one per line.

Postconditions: `Rendered.text` holds every visible character of the page once;
`Rendered.lines` covers every non-empty line of it, in order.
"""

from __future__ import annotations

import itertools

import codecs
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from .errors import InputError
from .patterns import SECTION_OF_LINKS

Role = Literal["content", "navigation", "page-header", "page-footer", "sidebar", "form", "footnote",
               "boilerplate", "outside-main", "caption"]

_INVISIBLE = frozenset({
    "head", "script", "style", "template", "noscript", "title", "meta", "link", "svg", "math", "iframe",
    "object", "embed", "canvas", "audio", "video", "map", "select", "option", "button", "input", "textarea",
})
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
_TAG_ROLES: dict[str, Role] = {
    "nav": "navigation", "header": "page-header", "footer": "page-footer", "aside": "sidebar", "form": "form",
    "figcaption": "caption",
}
_CAPTION = re.compile(r"caption|credit", re.I)
_MAX_CAPTION = 400
_PARAGRAPHS = ("p", "pre", "td", "blockquote", "dd", "li", "h2", "h3", "h4")
_POSITIVE = re.compile(r"article|body|content|entry|main|post|text|story|blog|page|prose|rich", re.I)
_NEGATIVE = re.compile(
    r"comment|footer|foot|nav|menu|sidebar|side-bar|widget|share|social|related|recommend|promo|sponsor"
    r"|advert|\bads?\b|banner|cookie|consent|newsletter|subscribe|signup|login|breadcrumb|masthead|toolbar"
    r"|popup|modal|tags|pagination|pager|byline|author-bio|outbrain|taboola",
    re.I,
)
# Containers that cannot hold the main text (their paragraphs are not scored), unless their
# class or id also says article, body, column, content or main.
_UNLIKELY = re.compile(
    r"-ad-|banner|breadcrumb|combx|comment|community|disqus|footer|gdpr|legends|menu|related|remark"
    r"|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination"
    r"|pager|popup|cookie|newsletter|share",
    re.I,
)
_MAYBE = re.compile(r"and|article|body|column|content|main|shadow", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_SPACE_RUN = re.compile(r"[ \t\n\r\f\v\u00a0\u200b]+")
_MIN_PARAGRAPH = 25
_MIN_ARTICLE = 500
_SCORE_LEVELS = 2
_TOP_CANDIDATES = 5
_ALTERNATIVE_SHARE = 0.75
_MIN_ALTERNATIVES = 3
_CLASS_WEIGHT = 25.0
_SIBLING_SHARE = 0.2
_MAX_FOOTNOTE_REF = 4
_MAX_FOOTNOTE = 2000
_SECTION_HEADS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "strong", "header"})
_MAX_SECTION_HEAD = 60
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


@dataclass(frozen=True)
class RenderedLine:
    start: int
    end: int
    path: str
    role: Role


@dataclass(frozen=True)
class PageMeta:
    """Facts the page states about itself in its markup."""

    title: str | None = None
    site_name: str | None = None
    description: str | None = None
    published: str | None = None
    author: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Rendered:
    text: str
    lines: tuple[RenderedLine, ...]
    meta: PageMeta
    warnings: tuple[str, ...] = ()


def decode_html(data: bytes, path: str) -> tuple[str, str, bool]:
    """Text, codec and BOM flag: the BOM first, then <meta charset> / http-equiv, then UTF-8;
    a page that is not valid in its declared codec falls back to cp1252 (the web's default)
    and, as the last resort, Latin-1, which reads every byte (the codec used is reported)."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec), codec, True
    declared = _META_CHARSET.search(data[:4096])
    candidates = [declared.group(1).decode("ascii", "replace").lower()] if declared else []
    candidates += ["utf-8", "cp1252"]
    for codec in candidates:
        try:
            codecs.lookup(codec)
            return data.decode(codec), codec, False
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1"), "latin-1", False


def render(markup: str, path: str) -> Rendered:
    """Render decoded HTML (see module docstring)."""
    markup = _XML_DECLARATION.sub("", markup, count=1)
    warnings: list[str] = []
    root = _parse(markup or "<html></html>", path)
    if root is None or _too_deep():
        # The parser stops reading below its depth limit; dropping the nesting containers
        # (their text stays) brings every word back within reach.
        flat = _CONTAINER_TAG.sub(" ", markup)
        root = _parse(flat, path)
        warnings.append("the page nests elements deeper than the parser reads (2048 levels); "
                        "nesting containers were dropped and their text kept")
    if root is None:
        raise InputError(path, "the HTML page is empty")
    meta = _page_meta(root)
    body = root.find("body")
    if body is None:
        body = root
    hidden = _hidden_elements(body)
    sizes = _Sizes.of(body, hidden)
    roles = _roles(body, hidden, sizes)
    rendered = _Renderer(roles, hidden).run(body, root.getroottree(), meta)
    return Rendered(rendered.text, rendered.lines, rendered.meta, tuple(warnings))


# A parser that drops comments and processing instructions and never touches the network
# or the file system (no DTD loading, no entity resolution); huge_tree lifts libxml2's
# default limits (256 levels, 10 MB text nodes) to what the library itself can hold.
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=True)
_CONTAINER_TAG = re.compile(r"</?(?:div|span|section|article|main|font|center|a|b|i|em|strong|small|big|u)\b[^>]*>",
                            re.I)


def _parse(markup: str, path: str) -> etree._Element | None:
    try:
        return etree.fromstring(markup, _PARSER)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError) as exc:
        raise InputError(path, f"the HTML cannot be parsed ({exc})") from None


def _too_deep() -> bool:
    return any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in _PARSER.error_log)


@dataclass(frozen=True)
class _Sizes:
    """Visible text length and link text length of every element, in one bottom-up pass."""

    text: dict[etree._Element, int]
    links: dict[etree._Element, int]
    direct: dict[etree._Element, int]
    """Text of the element itself, not of its block children (text nodes, inline children)."""

    @staticmethod
    def of(body: etree._Element, hidden: set[etree._Element]) -> _Sizes:
        text: dict[etree._Element, int] = {}
        links: dict[etree._Element, int] = {}
        direct: dict[etree._Element, int] = {}
        for el in reversed(list(body.iter())):
            if not isinstance(el.tag, str) or el in hidden:
                text[el] = links[el] = direct[el] = 0
                continue
            own = len((el.text or "").strip())
            child_text = child_links = 0
            inline = own
            for child in el:
                tail = len((child.tail or "").strip())
                child_text += text.get(child, 0) + tail
                child_links += links.get(child, 0)
                inline += tail + (text.get(child, 0) if child.tag not in _BLOCKS else 0)
            text[el] = own + child_text
            links[el] = text[el] if el.tag == "a" else child_links
            direct[el] = inline
        return _Sizes(text, links, direct)

    def density(self, el: etree._Element) -> float:
        total = self.text.get(el, 0)
        return min(1.0, self.links.get(el, 0) / total) if total else 0.0


# --- roles ----------------------------------------------------------------------------------

def _hidden_elements(body: etree._Element) -> set[etree._Element]:
    """Elements that show no text: invisible tags, the hidden attribute, aria-hidden, inline
    display:none / visibility:hidden (their subtrees are skipped when rendering)."""
    out: set[etree._Element] = set()
    for el in body.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag in _INVISIBLE:
            out.add(el)
        elif el.attrib and (el.get("hidden") is not None or el.get("aria-hidden") == "true"
                            or _HIDDEN_STYLE.search(el.get("style") or "")):
            out.add(el)
    return out


def _hint(el: etree._Element) -> str:
    """Class, id and role of an element ('' for the many elements that have none)."""
    attrib = el.attrib
    if not attrib:
        return ""
    return f"{attrib.get('class') or ''} {attrib.get('id') or ''} {attrib.get('role') or ''}".strip()


def _roles(body: etree._Element, hidden: set[etree._Element], sizes: _Sizes) -> dict[etree._Element, Role]:
    """The role of every element that starts a region: the main content, page furniture by
    tag, footnotes (targets of short in-page references), and what lies outside the main
    content. Elements inherit their nearest ancestor's role."""
    roles: dict[etree._Element, Role] = {}
    main = _main_content(body, hidden, sizes)
    inside_main = set()
    around_main = set()  # a <form> wrapping the whole page is no form to strip
    for root in main:
        inside_main.update(root.iter())
        around_main.update(root.iterancestors())
    for el in body.iter():
        if not isinstance(el.tag, str) or el in around_main:
            continue
        if el.tag in _TAG_ROLES and not (el.tag in ("header", "footer") and _within(el, ("article", "main"))):
            roles[el] = _TAG_ROLES[el.tag]
        elif el not in main and el.attrib and _CAPTION.search(_hint(el)) and 0 < sizes.text.get(el, 0) <= _MAX_CAPTION:
            roles[el] = "caption"  # photo captions and credits
        elif el in inside_main and el not in main and el.tag in ("ul", "ol", "div", "section", "p", "table") \
                and _is_furniture(el, sizes):
            roles[el] = "boilerplate"
    # 'You may also like...', 'Related stories': a heading inside the main content that opens
    # a box of other pages; it and what follows it in its container are furniture.
    for el in inside_main:
        if isinstance(el.tag, str) and el not in main and el.tag in _SECTION_HEADS \
                and 0 < sizes.text.get(el, 0) <= _MAX_SECTION_HEAD \
                and SECTION_OF_LINKS.match(" ".join("".join(el.itertext()).split()).rstrip(".:\u2026 ")):
            roles[el] = "boilerplate"
            for sibling in el.itersiblings():
                if isinstance(sibling.tag, str):
                    roles[sibling] = "boilerplate"
    for target in _footnote_targets(body):
        if target not in around_main and target not in main and sizes.text.get(target, 0) <= _MAX_FOOTNOTE:
            roles[target] = "footnote"
    for root in main:
        roles.setdefault(root, "content")
    if main:
        roles.setdefault(body, "outside-main")
    else:
        roles.setdefault(body, "content")
    return roles


def _within(el: etree._Element, tags: tuple[str, ...]) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _is_furniture(el: etree._Element, sizes: _Sizes) -> bool:
    """Inside the main content: a share bar, a related-links list, a comment box."""
    hint = _hint(el)
    if hint and _NEGATIVE.search(hint) and not _POSITIVE.search(hint):
        return True
    return el.tag in ("ul", "ol", "div", "section") and sizes.text.get(el, 0) > 0 and sizes.density(el) > 0.5


def _main_content(body: etree._Element, hidden: set[etree._Element], sizes: _Sizes) -> list[etree._Element]:
    """The main content (see `_score_content`); when what it finds is too short to be an
    article, it looks again with no container ruled out by its class (as readability does)."""
    chosen = _score_content(body, hidden, sizes, _unlikely(body))
    if sum(sizes.text.get(el, 0) for el in chosen) < _MIN_ARTICLE:
        retry = _score_content(body, hidden, sizes, set())
        if sum(sizes.text.get(el, 0) for el in retry) > sum(sizes.text.get(el, 0) for el in chosen):
            return retry
    return chosen


def _score_content(body: etree._Element, hidden: set[etree._Element], sizes: _Sizes,
                   unlikely: set[etree._Element]) -> list[etree._Element]:
    """The element(s) holding the page's main text, chosen as readability does: paragraphs
    score their parent (and half their grandparent) by length and commas; class and id hints
    weigh in; link-heavy containers lose; siblings scoring close to the best join it."""
    scores: dict[etree._Element, float] = defaultdict(float)
    for el in body.iter(*_PARAGRAPHS, "div", "section", "article"):
        # A paragraph scores with its whole text; a container with the text printed directly
        # in it (text nodes and inline elements between its blocks).
        length = sizes.text.get(el, 0) if el.tag in _PARAGRAPHS else sizes.direct.get(el, 0)
        if length < _MIN_PARAGRAPH or el in hidden or el in unlikely:
            continue
        texts = el.itertext() if el.tag in _PARAGRAPHS else [el.text or "", *(c.tail or "" for c in el)]
        commas = sum(t.count(",") for t in texts)
        score = 1 + commas + min(length // 100, 3)
        # The parent takes the whole score, the grandparent half, the next level a sixth. Text
        # printed directly in a container counts as a paragraph of its own inside it (readability
        # wraps such text in a <p>), so the container itself is its "parent".
        holders = el.iterancestors() if el.tag in _PARAGRAPHS else itertools.chain((el,), el.iterancestors())
        for level, ancestor in enumerate(holders):
            if level >= _SCORE_LEVELS:
                break
            scores[ancestor] += score / (1 if level == 0 else 2 if level == 1 else level * 3)
    if not scores:
        return []
    weighted = {}
    for el, score in scores.items():
        if el in hidden or el in unlikely:
            continue
        hint = _hint(el)
        weight = (_CLASS_WEIGHT if _POSITIVE.search(hint) else 0.0) - (_CLASS_WEIGHT if _NEGATIVE.search(hint) else 0.0)
        if el.tag in ("article", "main"):
            weight += _CLASS_WEIGHT
        weighted[el] = (score + weight) * (1 - sizes.density(el))
    if not weighted:
        return []
    ranked = sorted(weighted, key=lambda e: weighted[e], reverse=True)
    best = ranked[0]
    # Several strong candidates under one ancestor: the article is split over wrappers.
    close = [e for e in ranked[1:_TOP_CANDIDATES] if weighted[e] >= _ALTERNATIVE_SHARE * weighted[best]]
    if len(close) >= _MIN_ALTERNATIVES:
        ancestor = best.getparent()
        while ancestor is not None and ancestor.tag not in ("body", "html"):
            if sum(1 for e in close if ancestor in set(e.iterancestors())) >= _MIN_ALTERNATIVES:
                best = ancestor
                break
            ancestor = ancestor.getparent()
    if best.tag in ("body", "html"):
        return [best]
    parent = best.getparent()
    if parent is None:
        return [best]
    threshold = max(10.0, weighted.get(best, 0.0) * _SIBLING_SHARE)
    chosen = []
    for sibling in parent:
        if not isinstance(sibling.tag, str) or sibling in hidden:
            continue
        if sibling is best or weighted.get(sibling, 0.0) >= threshold or (
                best.get("class") and sibling.get("class") == best.get("class")):
            chosen.append(sibling)
        elif sibling.tag == "p" and sizes.text.get(sibling, 0) > 80 and sizes.density(sibling) < 0.25:
            chosen.append(sibling)
    return chosen


def _unlikely(body: etree._Element) -> set[etree._Element]:
    """Elements that cannot hold the main text, with everything inside them: page furniture
    by tag, and containers whose class or id says comment, sidebar, related, footer ...
    (and not article, body, column, content or main)."""
    out: set[etree._Element] = set()
    for el in body.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if el.getparent() in out or tag in ("nav", "aside", "form"):
            out.add(el)
        elif el.attrib and tag not in ("body", "html", "article", "main", "a"):
            hint = _hint(el)
            if _UNLIKELY.search(hint) and not _MAYBE.search(hint):
                out.add(el)
    return out


def _footnote_targets(body: etree._Element) -> list[etree._Element]:
    """Elements that short in-page links point forward to ('<a href="#fn3">3</a>'):
    footnotes. (A footnote's link back to its reference points backward.)"""
    ids = {}
    order: dict[etree._Element, int] = {}
    for position, el in enumerate(body.iter()):
        order[el] = position
        if isinstance(el.tag, str) and el.get("id"):
            ids[el.get("id")] = el
    out = []
    for a in body.iter("a"):
        href = a.get("href") or ""
        text = "".join(a.itertext()).strip().strip("[]()")
        if href.startswith("#") and (text.isdigit() and len(text) <= _MAX_FOOTNOTE_REF
                                     or len(text) <= 2 and text.isalpha() or text in ("*", "\u2020", "\u2021")):
            target = ids.get(href[1:])
            if target is not None and order[target] > order[a]:
                # the footnote is the block around the anchor target
                while target.getparent() is not None and target.tag not in _BLOCKS:
                    target = target.getparent()
                out.append(target)
    return out


# --- rendering ------------------------------------------------------------------------------

def _list_label(number: int, kind: str, depth: int) -> str:
    if kind in ("a", "A"):
        text = ""
        n = number
        while n > 0:
            n, rem = divmod(n - 1, 26)
            text = chr(ord("a") + rem) + text
        text = text.upper() if kind == "A" else text
    elif kind in ("i", "I"):
        text = ""
        n = number
        for value, numeral in _ROMAN:
            while n >= value:
                text += numeral
                n -= value
        text = text.upper() if kind == "I" else text
    else:
        text = str(number)
    # A nested list prints its labels in another form, so that it reads as a sub-level.
    return f"{text}." if depth == 0 else f"({text})"


@dataclass
class _Renderer:
    roles: dict[etree._Element, Role]
    hidden: set[etree._Element]
    parts: list[str] = field(default_factory=list)
    length: int = 0
    lines: list[tuple[int, int, etree._Element]] = field(default_factory=list)
    line_start: int = 0
    line_owner: etree._Element | None = None
    pending: str = ""  # separator owed before the next line: "\n" (line break) or "\n\n" (paragraph)

    def run(self, body: etree._Element, tree: etree._ElementTree, meta: PageMeta) -> Rendered:
        self._walk(body)
        self._end_line()
        paths: dict[etree._Element, str] = {}
        lines = []
        for start, end, owner in self.lines:
            if owner not in paths:
                paths[owner] = tree.getpath(owner)
            lines.append(RenderedLine(start, end, paths[owner], self._role(owner)))
        return Rendered(text="".join(self.parts), lines=tuple(lines), meta=meta)

    def _write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def _emit(self, text: str, owner: etree._Element, pre: bool = False) -> None:
        if not pre:
            text = _SPACE_RUN.sub(" ", text)
        if self.line_owner is None:
            text = text.lstrip(" ")
            if not text:
                return
            if self.parts:
                self._write(self.pending or "\n")
            self.pending = ""
            self.line_start = self.length
            self.line_owner = owner
        elif text.startswith(" ") and self.parts and self.parts[-1].endswith(" "):
            text = text[1:]
        if text:
            self._write(text)

    def _end_line(self) -> None:
        if self.line_owner is None:
            return
        while self.parts and self.parts[-1].endswith(" ") and self.length > self.line_start:
            last = self.parts.pop()
            stripped = last.rstrip(" ")
            self.length -= len(last) - len(stripped)
            if stripped:
                self.parts.append(stripped)
                break
        if self.length > self.line_start:
            self.lines.append((self.line_start, self.length, self.line_owner))
        self.line_owner = None

    def _break(self, kind: str) -> None:
        self._end_line()
        if kind == "\n\n" or not self.pending:
            self.pending = kind

    def _role(self, el: etree._Element) -> Role:
        node: etree._Element | None = el
        while node is not None:
            if node in self.roles:
                return self.roles[node]
            node = node.getparent()
        return "content"

    def _walk(self, body: etree._Element) -> None:
        # An explicit stack, so that deeply nested markup cannot exhaust the recursion limit.
        # Entries: ("open" | "close" | "tail", element, the block element that owns its text).
        lists: list[dict[str, int | str]] = []
        stack: list[tuple[str, etree._Element, etree._Element]] = [("open", body, body)]
        pre = 0
        while stack:
            action, el, owner = stack.pop()
            if action == "tail":
                if el.tail:
                    self._emit(el.tail, owner, pre > 0)
                continue
            if action == "close":
                if el.tag == "pre":
                    pre -= 1
                if el.tag in ("ol", "ul"):
                    lists.pop()
                if el.tag in _BLOCKS:
                    self._break("\n\n")
                continue
            if not isinstance(el.tag, str) or el in self.hidden:
                continue  # comments, processing instructions, hidden subtrees (their tails still come)
            tag = el.tag
            current = el if tag in _BLOCKS else owner
            if tag == "br":
                self._break("\n")
            elif tag in _BLOCKS:
                self._break("\n\n")
            if tag == "pre":
                pre += 1
            if tag in ("ol", "ul"):
                start = el.get("start") or ""
                lists.append({"tag": tag, "type": el.get("type") or "1",
                              "next": int(start) if start.lstrip("-").isdigit() else 1,
                              "step": -1 if el.get("reversed") is not None else 1})
            if tag == "li":
                self._emit(self._item_label(el, lists), el)
            stack.append(("close", el, owner))
            for child in reversed(el):
                stack.append(("tail", child, current))
                stack.append(("open", child, current))
            if el.text:
                self._emit(el.text, current, pre > 0)

    @staticmethod
    def _item_label(el: etree._Element, lists: list[dict[str, int | str]]) -> str:
        if not lists:
            return "\u2022 "
        info = lists[-1]
        if info["tag"] != "ol":
            return "\u2022 " if len(lists) == 1 else "\u2013 "
        value = el.get("value") or ""
        number = int(value) if value.lstrip("-").isdigit() else int(info["next"])
        info["next"] = number + int(info["step"])
        return _list_label(number, str(el.get("type") or info["type"]), len(lists) - 1) + " "


# --- page metadata --------------------------------------------------------------------------

def _page_meta(root: etree._Element) -> PageMeta:
    def meta(*names: str) -> str | None:
        for name in names:
            for el in root.iter("meta"):
                if (el.get("property") or el.get("name") or "").lower() == name:
                    value = (el.get("content") or "").strip()
                    if value:
                        return value
        return None

    ld: dict[str, object] = {}
    for script in root.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            try:
                data = json.loads(script.text)
            except ValueError:
                continue
            items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
            for item in items:
                if isinstance(item, dict) and ("headline" in item or "datePublished" in item):
                    ld = item
                    break
    title_el = root.find(".//title")
    page_title = " ".join("".join(title_el.itertext()).split() if title_el is not None else []) or None
    time_el = next((el for el in root.iter("time") if el.get("datetime")), None)

    def ld_name(key: str) -> str | None:
        value = ld.get(key)
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, dict):
            value = value.get("name")
        return str(value).strip() if isinstance(value, str) and value.strip() else None

    return PageMeta(
        title=ld_name("headline") or meta("og:title", "twitter:title") or page_title,
        site_name=meta("og:site_name", "application-name") or ld_name("publisher"),
        description=meta("og:description", "twitter:description", "description"),
        published=ld_name("datePublished") or meta("article:published_time", "date", "dc.date")
        or (time_el.get("datetime") if time_el is not None else None),
        author=ld_name("author") or meta("author", "article:author"),
        url=meta("og:url") or next((el.get("href") for el in root.iter("link") if el.get("rel") == "canonical"), None),
    )
