"""Tagged PDF (PDF/UA-1) for the ReportLab export: marked content in the page streams and the structure tree.

ReportLab writes no structure of its own, so this module adds it around the drawing pdf.py already does:

- Each flowable the frame draws (a paragraph, a heading, a quotation) is wrapped, once drawn, in
  `/P <</MCID n>> BDC ... EMC` and becomes (or continues, for the parts of a split paragraph) one structure element.
  Footnotes drawn at the foot of the page become Note elements inside the quotation they belong to.
- The running header and footer, the page numbers, the watermark, the rule above the footnotes and the decision
  block's signing lines are `/Artifact BMC ... EMC`; the decision block's options are a list, each tick box its
  item's Lbl with ActualText "☐" (pdfflow.OptionParagraph), and its signing labels each a P (a table draws its
  cells itself: they are tagged as drawn, see pdfflow.TaggedCell). The rules under a
  heading and beside a quotation are drawn inside their element's marked content and stay part of it: PDF/UA
  allows no artifact inside tagged content (veraPDF's rule 7.1-1).
- Link annotations (footnote and source URLs) get a Link element with an object reference, and a description.
- A list item (pdfflow.ListParagraph) becomes an LI in its list's L: its label marked apart as Lbl, its text as LBody;
  a nested list's L sits in its item's LBody.
- At the end, write() adds the StructTreeRoot (Document > H1, P, BlockQuote > Note, L > LI > Lbl + LBody, Link),
  the ParentTree, /MarkInfo, the XMP metadata (title, PDF/UA identifier) and /Tabs /S and /StructParents on each page.

Arabic and Persian are drawn as presentation forms (the joined shapes, see bidi.py) in visual order, as Word and
LibreOffice draw them too. Text extractors and screen readers put visual order back into reading order themselves
(pdftotext, pypdf, Acrobat), but would hand out the presentation forms, which no search for the letters finds: so
each font's ToUnicode map gives a presentation form the letters it is a form of (map_presentation_forms).
Not /ActualText with the logical text: poppler (pdftotext, Evince) takes that as drawn left to right and reverses it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.pdfdoc import (
    PDFDictionary,
    PDFName,
    PDFObject,
    PDFObjectReference,
    PDFStream,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Paragraph

from briefing.core.script import language_of
from briefing.export.pdftext import EMOJI_FOLDER_PREFIX
from briefing.export.tree import escape as xml_escape  # (xml.sax.saxutils imports urllib, http and ssl)

_TAGS = re.compile(r"<[^>]*>")
# Paragraph style name -> structure type; any other paragraph is a P (see role_of)
STYLE_ROLES = {
    "Title": "H1",
    "Heading1": "H1",
    "Quote": "BlockQuote",
    "QuoteRTL": "BlockQuote",
    "FootnoteText": "Note",
}


class Element:
    """A structure element: its type, parent and kids (elements, (page, MCID) pairs or link annotations)."""

    def __init__(self, role: str, parent: Element | None, lang: str = "", alt: str = "") -> None:
        self.role = role
        self.parent = parent
        self.lang = lang
        self.alt = alt
        self.actual_text = ""  # what the element's content stands for, where it is a drawing (a tick box)
        self.kids: list[Element | tuple[int, int] | tuple[int, PDFObjectReference]] = []
        self.name = ""  # the object's name in the PDF, given in write()


@dataclass(frozen=True)
class Link:
    """A link annotation on a page, its URL (the description) and its key in the ParentTree."""

    page: int
    ref: PDFObjectReference
    url: str
    key: int


def set_language(flowable: Any, lang: str) -> Any:
    """Tag a flowable's text as in a language (the French title); returns the flowable. Without this, a
    flowable's language is told from its script (core/script.py), and is the document's where it cannot be."""
    flowable._tag_lang = lang
    return flowable


def set_note_owner(note: Any, owner: Any) -> None:
    """A footnote's element goes inside the element of the flowable that carries its mark."""
    note._tag_owner = owner


def _tag_attr(flowable: Any, name: str) -> Any:
    """A tagging attribute of a flowable, or of the paragraph it wraps (Footnoted)."""
    found = getattr(flowable, name, None)
    return found if found is not None else getattr(getattr(flowable, "content", None), name, None)


def role_of(flowable: Any) -> str:
    """The structure type of a flowable drawn by the frame; "" for one that draws nothing to tag."""
    content = getattr(flowable, "content", None)  # Footnoted: a quotation with its footnotes
    if isinstance(content, Paragraph):
        flowable = content
    if getattr(flowable, "list_group", None) is not None:  # pdfflow.ListParagraph: an item of a list
        return "LI"
    if isinstance(flowable, Paragraph):
        return STYLE_ROLES.get(flowable.style.name, "P")
    return ""  # a table (the decision block) tags its cells' paragraphs itself (pdfflow.TaggedCell)


def _text_of(flowable: Any) -> str:
    """The flowable's text (for its language): its markup without the tags."""
    content = getattr(flowable, "content", flowable)
    return _TAGS.sub("", str(getattr(content, "text", "") or ""))


class Tagger:
    """The structure tree of one PDF, built as its pages are drawn."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.document = Element("Document", None)
        self.elements: list[Element] = [self.document]
        self.mcids: dict[int, list[Element]] = {}  # page -> the element of each MCID on it
        self.page_keys: dict[int, int] = {}  # page -> its StructParents key in the ParentTree
        self.next_key = 0
        self._links: list[Link] = []  # added while drawing the flowable being drawn
        self.link_elements: dict[int, Element] = {}  # a link annotation's StructParent key -> its Link element
        self._lists: dict[int, Element] = {}  # id of a list's group (see pdfflow.ListParagraph) -> its L element

    # --- building

    def _new(self, role: str, parent: Element, text: str, lang: str = "") -> Element:
        lang = lang or language_of(text)
        element = Element(role, parent, lang if lang and lang.split("-")[0] != self.lang.split("-")[0] else "")
        parent.kids.append(element)
        self.elements.append(element)
        return element

    def element_for(self, flowable: Any, role: str) -> Element:
        """The flowable's element, made the first time one of its parts is drawn."""
        shared: dict[str, Element] | None = getattr(flowable, "_tag_shared", None)  # see TaggedFrame.split
        if shared is None:
            shared = {}
        element = shared.get("element") or getattr(flowable, "_tag_element", None)
        if element is None:
            owner = getattr(flowable, "_tag_owner", None)
            parent = getattr(owner, "_tag_element", None) or self.document
            if role == "LI":  # an item's text is its LBody, after its label's Lbl
                parent, role = self._list_item(flowable), "LBody"
            lang = _tag_attr(flowable, "_tag_lang") or ""
            element = shared["element"] = self._new(role, parent, _text_of(flowable), lang)
        flowable._tag_element = element
        return element

    def _list_item(self, flowable: Any) -> Element:
        """A new LI in the item's list (L), with its label (Lbl); a nested list sits in its item's LBody."""
        group = id(flowable.list_group)
        if group not in self._lists:
            owner = flowable.list_parent
            shared = getattr(owner, "_tag_shared", None) or {}
            parent = getattr(owner, "_tag_element", None) or shared.get("element") or self.document
            self._lists[group] = self._new("L", parent, "")
        item = self._new("LI", self._lists[group], "")
        if flowable.label:
            label = self._new("Lbl", item, flowable.label)
            if getattr(flowable, "drawn_label", False):  # a decision option's box: it reads as its character ☐
                label.actual_text = flowable.label
        return item

    def page_key(self, page: int) -> int:
        if page not in self.page_keys:
            self.page_keys[page] = self.next_key
            self.next_key += 1
        return self.page_keys[page]

    # --- drawing

    def draw(self, canvas: Canvas, flowable: Any, draw: Callable[[], Any]) -> Any:
        """Run draw (which draws the flowable, or finds it does not fit and draws nothing) and tag what it drew."""
        role = role_of(flowable)
        if not role:
            return draw()
        code: list[str] = canvas._code
        start = len(code)
        links = len(self._links)
        result = draw()
        if len(code) == start:
            return result  # nothing drawn (it did not fit here, or it draws nothing)
        element = self.element_for(flowable, role)
        spans = [(start, len(code), element)]
        label_span = getattr(flowable, "label_span", None)  # a list item's label and text, marked apart
        if label_span is not None and label_span[0] >= start and element.parent is not None:
            label_start, label_end, text_end = label_span
            label = element.parent.kids[0]  # the LI's Lbl, made before its LBody
            assert isinstance(label, Element)
            spans = [(label_start, label_end, label), (label_end, text_end, element)]
        page = canvas._pageNumber
        on_page = self.mcids.setdefault(page, [])
        marks = []
        for begin, end, owner in spans:
            marks.append((begin, end, owner, len(on_page)))
            on_page.append(owner)
            owner.kids.append((page, len(on_page) - 1))
        self.page_key(page)
        for begin, end, owner, mcid in reversed(marks):  # from the last, so the earlier places stay where they are
            code.insert(end, "EMC")
            code.insert(begin, f"/{owner.role} <</MCID {mcid}>> BDC")
        self._add_links(element, self._links[links:])
        del self._links[links:]
        return result

    def link(self, canvas: Canvas, url: str, kw: dict[str, Any]) -> Callable[[], None]:
        """Give a link annotation's entries (kw) its description and ParentTree key; the returned function
        records the annotation once the canvas has added it, for the element being drawn."""
        key = self.next_key
        self.next_key += 1
        kw["StructParent"] = key
        kw["Contents"] = PDFString(url)

        def added() -> None:
            self._links.append(Link(canvas._pageNumber, canvas._annotationrefs[-1], url, key))

        return added

    def _add_links(self, parent: Element, links: list[Link]) -> None:
        for link in links:
            element = Element("Link", parent, alt=link.url)
            element.kids.append((link.page, link.ref))
            parent.kids.append(element)
            self.elements.append(element)
            self.link_elements[link.key] = element

    # --- writing

    def write(self, canvas: Canvas, title: str) -> None:
        """Add the structure tree, the ParentTree, /MarkInfo and the XMP metadata to the canvas's document."""
        doc = canvas._doc
        self._add_links(self.document, self._links)  # links drawn outside any tagged flowable (none expected)
        self._links = []
        for number, element in enumerate(self.elements):
            element.name = f"StructElem{number}"
            doc.Reference(_StructElem(element), element.name)
        pages = {key: [element.name for element in self.mcids.get(page, [])] for page, key in self.page_keys.items()}
        links = {key: element.name for key, element in self.link_elements.items()}
        catalog = doc.Catalog
        catalog.StructTreeRoot = _StructTreeRoot(self.document.name, pages, links, self.next_key)
        doc.Reference(catalog.StructTreeRoot, _ROOT)
        catalog.MarkInfo = PDFDictionary({"Marked": "true"})
        catalog.Metadata = _xmp(title, self.lang)


_ROOT = "StructTreeRoot"


def _refs(doc: Any, names: list[str]) -> str:
    numbers = doc.idToObjectNumberAndVersion  # every object is registered by the time objects are formatted
    return " ".join(f"{numbers[name][0]} 0 R" for name in names)


def _page_ref(doc: Any, page: int) -> str:
    return _refs(doc, [f"Page{page}"])  # ReportLab's name for the page object (pdfdoc.thisPageName)


class _StructElem(PDFObject):
    """One structure element, written compactly (a note has hundreds: PDFDictionary is slow and verbose)."""

    def __init__(self, element: Element) -> None:
        self.element = element

    def format(self, document: Any) -> bytes:
        element = self.element
        parent = element.parent.name if element.parent is not None else _ROOT
        out = [f"<< /Type /StructElem /S /{element.role} /P {_refs(document, [parent])}"]
        first_page = next((kid[0] for kid in element.kids if isinstance(kid, tuple)), None)
        if first_page is not None:
            out.append(f"/Pg {_page_ref(document, first_page)}")
        kids: list[str] = []
        for kid in element.kids:
            if isinstance(kid, Element):
                kids.append(_refs(document, [kid.name]))
                continue
            page, target = kid
            if isinstance(target, PDFObjectReference):  # a link annotation
                kids.append(f"<< /Type /OBJR /Pg {_page_ref(document, page)} /Obj {_refs(document, [target.name])} >>")
            elif page == first_page:
                kids.append(str(target))
            else:  # marked content on a later page than the element's first
                kids.append(f"<< /Type /MCR /Pg {_page_ref(document, page)} /MCID {target} >>")
        out.append(f"/K {kids[0]}" if len(kids) == 1 else f"/K [{' '.join(kids)}]")  # one kid alone, as usual
        text = b" ".join(part.encode("ascii") for part in out)
        if element.role == "Note":  # PDF/UA: a note has an ID, unique in the document
            text += f" /ID ({element.name})".encode("ascii")
        if element.lang:
            text += b" /Lang " + PDFString(element.lang).format(document)
        if element.alt:
            text += b" /Alt " + PDFString(element.alt).format(document)
        if element.actual_text:
            text += b" /ActualText " + PDFString(element.actual_text).format(document)
        return text + b" >>"


class _StructTreeRoot(PDFObject):
    """The StructTreeRoot with its ParentTree: a page's key -> the element of each of its MCIDs (an array); a link
    annotation's key -> its Link element."""

    def __init__(self, document: str, pages: dict[int, list[str]], links: dict[int, str], next_key: int) -> None:
        self.document = document
        self.pages = pages
        self.links = links
        self.next_key = next_key

    def format(self, document: Any) -> bytes:
        values = {key: f"[{_refs(document, names)}]" for key, names in self.pages.items()}
        values |= {key: _refs(document, [name]) for key, name in self.links.items()}
        nums = " ".join(f"{key} {values[key]}" for key in sorted(values))
        return (
            f"<< /Type /StructTreeRoot /K {_refs(document, [self.document])} /ParentTree << /Nums [{nums}] >> "
            f"/ParentTreeNextKey {self.next_key} >>"
        ).encode("ascii")


def _xmp(title: str, lang: str) -> PDFStream:
    """The XMP packet: the title (dc:title) and the PDF/UA-1 identifier. ASCII only (characters as references)."""
    title_xml = xml_escape(title).encode("ascii", "xmlcharrefreplace").decode("ascii")
    lang_xml = xml_escape(lang)
    packet = f"""<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title_xml}</rdf:li></rdf:Alt></dc:title>
   <dc:language><rdf:Bag><rdf:li>{lang_xml}</rdf:li></rdf:Bag></dc:language>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    dictionary = PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")})
    return PDFStream(dictionary, packet, filters=[])  # not compressed: metadata stays readable to any tool


@contextmanager
def artifact(canvas: Canvas) -> Iterator[None]:
    """Mark what is drawn inside as an artifact (running header and footer, page numbers, watermark, a rule);
    never inside a flowable the frame tags."""
    tagging = isinstance(canvas, TaggingCanvas)
    if tagging:
        canvas._code.append("/Artifact BMC")
    yield
    if tagging:
        canvas._code.append("EMC")


def draw_tagged(canvas: Canvas, flowable: Any, draw: Callable[[], Any]) -> Any:
    """Draw a flowable outside the frame (a footnote at the foot of the page) as a structure element."""
    tagger: Tagger | None = getattr(canvas, "tagger", None)
    return draw() if tagger is None else tagger.draw(canvas, flowable, draw)


class TaggedFrame(Frame):
    """A frame that tags each flowable it draws, on a canvas with a tagger (never on the page counter's)."""

    def add(self, flowable: Any, canv: Canvas, trySplit: int = 0) -> Any:
        tagger: Tagger | None = getattr(canv, "tagger", None)
        if tagger is None:
            return super().add(flowable, canv, trySplit)
        return tagger.draw(canv, flowable, lambda: super(TaggedFrame, self).add(flowable, canv, trySplit))

    def split(self, flowable: Any, canv: Canvas) -> list[Any]:
        parts: list[Any] = super().split(flowable, canv)
        if getattr(canv, "tagger", None) is not None and role_of(flowable):
            # the parts of a paragraph are one element: the one made when the first of them is drawn
            shared = getattr(flowable, "_tag_shared", None)
            if shared is None:
                shared = flowable._tag_shared = {}
            for part in parts:
                part._tag_shared = shared
                for name in ("_tag_owner", "_tag_lang"):
                    value = _tag_attr(flowable, name)
                    if value is not None:
                        setattr(part, name, value)
        return parts


# Arabic (and Hebrew) presentation forms: what bidi.shape draws, never what anyone types or searches for
_PRESENTATION_FORMS = re.compile("[\ufb1d-\ufdff\ufe70-\ufeff]")
_reportlab_cmap = ttfonts.makeToUnicodeCMap


def _letters_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode map of a font subset, each presentation form mapped to its letters (NFKC: a joined
    meem is a meem, the lam-alef ligature is lam and alef)."""
    cmap: str = _reportlab_cmap(fontname, subset)
    for code, point in enumerate(subset):
        ch = chr(point)
        if _PRESENTATION_FORMS.match(ch):
            letters = unicodedata.normalize("NFKC", ch).encode("utf-16-be").hex().upper()
            cmap = cmap.replace(f"\n<{code:02X}> <{point:04X}>\n", f"\n<{code:02X}> <{letters}>\n", 1)
    return cmap


def map_presentation_forms() -> None:
    """Make every TrueType font's ToUnicode map give letters for presentation forms (see the module's notes).

    ReportLab writes the map in ttfonts.TTFont.addObjects through this module function; there is no other hook.
    """
    ttfonts.makeToUnicodeCMap = _letters_cmap


class TaggingCanvas(Canvas):
    """A canvas that builds a structure tree (self.tagger) and marks artifacts; see the module's notes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tagger = Tagger(kwargs.get("lang") or "en-CA")  # the document's language, as the catalogue has it
        map_presentation_forms()

    def linkURL(self, url: str, rect: Any, relative: int = 0, thickness: int = 0, **kw: Any) -> None:
        added = self.tagger.link(self, url, kw)
        super().linkURL(url, rect, relative=relative, thickness=thickness, **kw)
        added()

    def drawImage(self, image: Any, *args: Any, **kwargs: Any) -> Any:
        """An emoji (an image, see pdftext.EmojiImages) carries its characters as /ActualText, so a screen reader
        reads it and copying gives it."""
        name = getattr(image, "fileName", image)  # a paragraph's <img> comes as an ImageReader
        path = Path(name) if isinstance(name, str) else None
        if path is None or not path.parent.name.startswith(EMOJI_FOLDER_PREFIX):
            return super().drawImage(image, *args, **kwargs)
        text = "".join(chr(int(code, 16)) for code in path.stem.split("-"))
        self._code.append(f"/Span <</ActualText <FEFF{text.encode('utf-16-be').hex().upper()}>>> BDC")
        result = super().drawImage(image, *args, **kwargs)
        self._code.append("EMC")
        return result

    def _setAnnotations(self, page: Any) -> None:  # ReportLab's last step in making a page object
        super()._setAnnotations(page)
        page.__NoDefault__ = [*page.__NoDefault__, "StructParents", "Tabs"]
        page.Tabs = PDFName("S")  # tab order follows the structure
        key = self.tagger.page_keys.get(self._pageNumber)
        page.StructParents = key
