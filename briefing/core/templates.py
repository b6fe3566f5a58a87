"""Briefing templates: YAML files validated into frozen dataclasses, found in bundled, shared and user folders."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing import paths
from briefing.core.language import Wording
from briefing.core.messages import (
    QT_TRANSLATE_NOOP,
    Message,
    named,
    system_reason,
    template_not_installed,
    template_stand_in,
)
from briefing.core.model import LANGUAGES, PURPOSES, Briefing, Section, TitleBlock
from briefing.core.yaml_cache import YamlCache, safe_load, yaml_error

TEMPLATE_FORMAT = 1
DEFAULT_TEMPLATE = "information-note"
ENV_VAR = "BRIEFING_TEMPLATES"
PAGE_SIZES = ("letter", "a4")
PAGE_MM = {"letter": (215.9, 279.4), "a4": (210.0, 297.0)}  # width, height
MIN_CONTENT_MM = 40  # what the margins must leave of the page each way: room for a heading and some text
PLACEMENTS = ("header", "footer")
MARKING_STYLES = ("banner", "top-right")
CONTACT_PLACEMENTS = ("end", "title-block")
CITATION_FORMS = ("full", "short", "ibid")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class TemplateError(Exception):
    """A template file is unusable; str() names the file, the key and what was expected."""

    def __init__(self, path: Path | str, key: str, problem: str | Message) -> None:
        self.path = Path(path)
        self.key = key
        self.problem = problem  # as a str, in English; the window shows `message`, translated
        self.message = (
            Message(
                QT_TRANSLATE_NOOP("Messages", "{name} at '{key}': {problem}"),
                name=self.path.name,
                key=key,
                problem=problem,
            )
            if key
            else named(self.path.name, problem)
        )
        super().__init__(str(self.message))


@dataclass(frozen=True)
class SectionSpec:
    """A section a template lays out: its heading, guidance and word budget."""

    id: str
    heading: str
    heading_fr: str = ""
    guidance: str = ""
    guidance_fr: str = ""  # shown in a French interface; "" falls back to the English guidance
    word_budget: int | None = None


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres."""

    top: float = 25
    bottom: float = 25
    left: float = 25
    right: float = 25


@dataclass(frozen=True)
class DecisionSpec:
    """The block a note for decision ends with: options to tick, then lines to sign and date."""

    options: tuple[str, ...] = ("I concur", "I do not concur")
    signer: str = "addressee"  # the title-block field naming who signs; "" prints a plain "Signature"
    signature_line: bool = True
    date_line: bool = True


@dataclass(frozen=True)
class ContactSpec:
    """Title-block fields printed together as one contact line ("Prepared by: name, title, phone")."""

    placement: str = "title-block"  # end: after the last section; title-block: where the first field is
    fields: tuple[str, ...] = ()  # none: each field is its own title-block row, as any other


@dataclass(frozen=True)
class Template:
    """A note template: its sections, page set-up, fonts and what its exports show."""

    id: str
    name: str
    sections: tuple[SectionSpec, ...]
    name_fr: str = ""
    description: str = ""
    description_fr: str = ""
    title_fields: tuple[str, ...] = TitleBlock.printable_names()
    title_defaults: tuple[tuple[str, str], ...] = ()
    # the French of a default text ("Note au ministre"): a French note prints it while the analyst leaves the
    # default as it is (a bilingual note both); title_block.defaults_fr in the YAML
    title_defaults_fr: tuple[tuple[str, str], ...] = ()
    classifications: tuple[str, ...] = ("UNCLASSIFIED",)
    default_classification: str = "UNCLASSIFIED"
    marking_placement: tuple[str, ...] = PLACEMENTS
    marking_style: str = "banner"
    page_size: str = "letter"
    margins_mm: Margins = field(default_factory=Margins)
    page_budget: int | None = None
    body_font: str = "Arial"
    heading_font: str = "Arial"
    font_size_pt: float = 11
    export_comments: bool = False
    export_sources_list: bool = True
    citations: str = "full"  # repeated citations of a source: full, short (after the first) or ibid
    number_paragraphs: bool = False  # number the paragraphs of the note's own writing 1, 2, ... across sections
    decision_block: DecisionSpec | None = field(default_factory=DecisionSpec)  # None: never one
    contact_block: ContactSpec = field(default_factory=ContactSpec)
    path: Path | None = None  # where it was loaded from
    origin: str = "built-in"  # built-in, shared, user; the window's stand-in for one not installed: stand-in

    def section(self, section_id: str) -> SectionSpec:
        for spec in self.sections:
            if spec.id == section_id:
                return spec
        raise KeyError(section_id)

    def title_value(self, name: str, value: str, language: str) -> str:
        """A title-block value as a note in language prints it (and the window shows it): a default left as the
        template gives it, in English or French ("Memorandum to the Minister", "Note au ministre"), in the note's
        language (both in a bilingual note); anything the analyst typed, as typed."""
        french = dict(self.title_defaults_fr).get(name, "")
        english = dict(self.title_defaults).get(name, "")
        return Wording(language).heading(english, french) if french and value in (english, french) else value


class _Reader:
    """Pulls typed values out of the parsed YAML, raising TemplateError with the full key path."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, problem: str | Message) -> TemplateError:
        return TemplateError(self.path, key, problem)

    def mapping(self, data: Any, key: str, *, required: bool = False) -> dict[str, Any]:
        if data is None and not required:
            return {}
        if not isinstance(data, dict):
            raise self.fail(
                key,
                Message(
                    QT_TRANSLATE_NOOP("Messages", "expected a mapping of keys to values, found {kind}"),
                    kind=_kind(data),
                ),
            )
        return data

    def text(self, data: dict[str, Any], key: str, prefix: str, *, default: str | None = None) -> str:
        value = data.get(key)
        if value is None:
            if default is None:
                raise self.fail(prefix + key, Message(QT_TRANSLATE_NOOP("Messages", "missing; expected text")))
            return default
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise self.fail(
                prefix + key, Message(QT_TRANSLATE_NOOP("Messages", "expected text, found {kind}"), kind=_kind(value))
            )
        return str(value).strip()

    def number(self, data: dict[str, Any], key: str, prefix: str, default: float | None, *, low: float = 0) -> Any:
        value = data.get(key, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or value < low:
            raise self.fail(
                prefix + key,
                Message(
                    QT_TRANSLATE_NOOP("Messages", "expected a number of at least {low}, found {value}"),
                    low=f"{low:g}",
                    value=f"{value!r}",
                ),
            )
        return value

    def flag(self, data: dict[str, Any], key: str, prefix: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(
                prefix + key,
                Message(QT_TRANSLATE_NOOP("Messages", "expected true or false, found {value}"), value=f"{value!r}"),
            )
        return value

    def choice(self, value: Any, key: str, allowed: Iterable[str]) -> str:
        allowed = tuple(allowed)
        if not isinstance(value, str) or value.lower() not in allowed:
            raise self.fail(
                key,
                Message(
                    QT_TRANSLATE_NOOP("Messages", "expected one of {choices}, found {found}"),
                    choices=", ".join(allowed),
                    found=f"{value!r}",
                ),
            )
        return value.lower()

    def text_list(self, value: Any, key: str) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(
                key,
                Message(
                    QT_TRANSLATE_NOOP("Messages", "expected a non-empty list of text, found {kind}"), kind=_kind(value)
                ),
            )
        return tuple(v.strip() for v in value)


def _kind(value: Any) -> str:
    """What a template holds where something else was expected, as a message says it."""
    if value is None:
        return Message(QT_TRANSLATE_NOOP("Messages", "nothing"))
    if isinstance(value, dict):
        return Message(QT_TRANSLATE_NOOP("Messages", "a mapping"))
    if isinstance(value, list):
        return Message(QT_TRANSLATE_NOOP("Messages", "a list"))
    if isinstance(value, str):
        return Message(QT_TRANSLATE_NOOP("Messages", "text {value}"), value=repr(value))
    return repr(value) if isinstance(value, bool) else f"{type(value).__name__} {value!r}"


def parse_template(data: Any, path: Path, origin: str = "built-in") -> Template:
    """Validate parsed YAML into a Template; raises TemplateError naming the key and what was expected."""
    r = _Reader(path)
    top = r.mapping(data, "", required=True)
    fmt = top.get("format", TEMPLATE_FORMAT)
    if fmt != TEMPLATE_FORMAT:
        raise r.fail(
            "format",
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages", "expected {template_format} (this version of Briefing reads format 1), found {fmt}"
                ),
                template_format=TEMPLATE_FORMAT,
                fmt=f"{fmt!r}",
            ),
        )
    template_id = r.text(top, "id", "", default=path.stem)
    if not _ID.match(template_id):
        raise r.fail(
            "id",
            Message(
                QT_TRANSLATE_NOOP("Messages", "expected lowercase letters, digits and hyphens, found {template_id}"),
                template_id=f"{template_id!r}",
            ),
        )

    raw_sections = top.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        raise r.fail(
            "sections",
            Message(
                QT_TRANSLATE_NOOP("Messages", "expected a non-empty list of sections, found {kind}"),
                kind=_kind(raw_sections),
            ),
        )
    sections: list[SectionSpec] = []
    for index, raw in enumerate(raw_sections):
        prefix = f"sections[{index}]."
        entry = r.mapping(raw, f"sections[{index}]", required=True)
        section_id = r.text(entry, "id", prefix)
        if not _ID.match(section_id):
            raise r.fail(
                prefix + "id",
                Message(
                    QT_TRANSLATE_NOOP("Messages", "expected lowercase letters, digits and hyphens, found {section_id}"),
                    section_id=f"{section_id!r}",
                ),
            )
        if any(s.id == section_id for s in sections):
            raise r.fail(
                prefix + "id",
                Message(
                    QT_TRANSLATE_NOOP("Messages", "expected a unique section id, {section_id} is used twice"),
                    section_id=f"{section_id!r}",
                ),
            )
        budget = r.number(entry, "word_budget", prefix, None, low=1)
        sections.append(
            SectionSpec(
                id=section_id,
                heading=r.text(entry, "heading", prefix),
                heading_fr=r.text(entry, "heading_fr", prefix, default=""),
                guidance=r.text(entry, "guidance", prefix, default=""),
                guidance_fr=r.text(entry, "guidance_fr", prefix, default=""),
                word_budget=int(budget) if budget is not None else None,
            )
        )

    title = r.mapping(top.get("title_block"), "title_block")
    known_fields = TitleBlock.field_names()
    title_fields = TitleBlock.printable_names()
    if "fields" in title:
        title_fields = r.text_list(title["fields"], "title_block.fields")
        for name in title_fields:
            r.choice(name, "title_block.fields", TitleBlock.printable_names())
    defaults = r.mapping(title.get("defaults"), "title_block.defaults")
    for name in defaults:
        r.choice(name, "title_block.defaults", known_fields)
    title_defaults = tuple((k, r.text(defaults, k, "title_block.defaults.")) for k in defaults)
    if "purpose" in defaults:
        r.choice(defaults["purpose"], "title_block.defaults.purpose", PURPOSES)
    if "language" in defaults:  # a template for French or bilingual notes starts them in that language
        r.choice(defaults["language"], "title_block.defaults.language", LANGUAGES)
    defaults_fr = r.mapping(title.get("defaults_fr"), "title_block.defaults_fr")
    texts = [k for k in defaults if k not in ("purpose", "language", "classification")]  # the others are codes
    for name in defaults_fr:
        if name not in texts:
            raise r.fail(
                "title_block.defaults_fr",
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages", "expected a text field of title_block.defaults ({fields}), found {name}"
                    ),
                    fields=", ".join(texts),
                    name=f"{name!r}",
                ),
            )
    title_defaults_fr = tuple((k, r.text(defaults_fr, k, "title_block.defaults_fr.")) for k in defaults_fr)

    cls = r.mapping(top.get("classification"), "classification")
    choices = r.text_list(cls.get("choices", ["UNCLASSIFIED"]), "classification.choices")
    default_cls = r.text(cls, "default", "classification.", default=choices[0])
    if default_cls not in choices:
        raise r.fail(
            "classification.default",
            Message(
                QT_TRANSLATE_NOOP("Messages", "expected one of the choices ({choices}), found {found}"),
                choices=", ".join(choices),
                found=f"{default_cls!r}",
            ),
        )
    placement = tuple(
        r.choice(p, "classification.placement", PLACEMENTS)
        for p in r.text_list(cls.get("placement", list(PLACEMENTS)), "classification.placement")
    )
    style = r.choice(cls.get("style", "banner"), "classification.style", MARKING_STYLES)

    page = r.mapping(top.get("page"), "page")
    size = r.choice(page.get("size", "letter"), "page.size", PAGE_SIZES)
    margins_raw = r.mapping(page.get("margins_mm"), "page.margins_mm")
    for name in margins_raw:
        r.choice(name, "page.margins_mm", ("top", "bottom", "left", "right"))
    margins = Margins(**{k: float(r.number(margins_raw, k, "page.margins_mm.", 25, low=5)) for k in margins_raw})
    # margins that leave no room for the text would only fail later, in the middle of a PDF export
    width, height = PAGE_MM[size]
    for across, (a, b), side in ((width, ("left", "right"), "width"), (height, ("top", "bottom"), "height")):
        left = across - getattr(margins, a) - getattr(margins, b)
        if left < MIN_CONTENT_MM:
            raise r.fail(
                "page.margins_mm",
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "expected {a} and {b} margins that leave at least {min_content_mm} mm of "
                        "the {size} page's {across} mm {side}; {first} + {second} mm leave "
                        "{left} mm",
                    ),
                    a=a,
                    b=b,
                    min_content_mm=MIN_CONTENT_MM,
                    size=size,
                    across=f"{across:g}",
                    side=side,
                    first=f"{getattr(margins, a):g}",
                    second=f"{getattr(margins, b):g}",
                    left=f"{max(left, 0):g}",
                ),
            )
    page_budget = r.number(page, "page_budget", "page.", None, low=1)

    fonts = r.mapping(top.get("fonts"), "fonts")
    export = r.mapping(top.get("export"), "export")
    citations = r.choice(export.get("citations", "full"), "export.citations", CITATION_FORMS)
    return Template(
        id=template_id,
        name=r.text(top, "name", "", default=template_id),
        name_fr=r.text(top, "name_fr", "", default=""),
        description=r.text(top, "description", "", default=""),
        description_fr=r.text(top, "description_fr", "", default=""),
        sections=tuple(sections),
        title_fields=title_fields,
        title_defaults=title_defaults,
        title_defaults_fr=title_defaults_fr,
        classifications=choices,
        default_classification=default_cls,
        marking_placement=placement,
        marking_style=style,
        page_size=size,
        margins_mm=margins,
        page_budget=int(page_budget) if page_budget is not None else None,
        body_font=r.text(fonts, "body", "fonts.", default="Arial"),
        heading_font=r.text(fonts, "heading", "fonts.", default="Arial"),
        font_size_pt=float(r.number(fonts, "size_pt", "fonts.", 11, low=6)),
        export_comments=r.flag(export, "comments", "export.", False),
        export_sources_list=r.flag(export, "sources_list", "export.", True),
        citations=citations,
        number_paragraphs=r.flag(export, "number_paragraphs", "export.", False),
        decision_block=_decision_spec(r, top.get("decision_block", True), TitleBlock.printable_names()),
        contact_block=_contact_spec(r, top.get("contact_block"), title_fields),
        path=path,
        origin=origin,
    )


def _decision_spec(r: _Reader, raw: Any, known_fields: tuple[str, ...]) -> DecisionSpec | None:
    """decision_block: false for none; true (or no key, so older templates get one) for the usual block. The signer
    may be a field the title block does not ask for: the line is then labelled "Signature", as for an empty one."""
    if isinstance(raw, bool):
        return DecisionSpec() if raw else None
    data = r.mapping(raw, "decision_block", required=True)
    for key in data:
        r.choice(key, "decision_block", ("options", "signer", "signature_line", "date_line"))
    spec = DecisionSpec()
    signer = data.get("signer", spec.signer)
    return DecisionSpec(
        options=r.text_list(data["options"], "decision_block.options") if "options" in data else spec.options,
        signer=r.choice(signer, "decision_block.signer", known_fields) if signer else "",
        signature_line=r.flag(data, "signature_line", "decision_block.", True),
        date_line=r.flag(data, "date_line", "decision_block.", True),
    )


def _contact_spec(r: _Reader, raw: Any, title_fields: tuple[str, ...]) -> ContactSpec:
    data = r.mapping(raw, "contact_block")
    for key in data:
        r.choice(key, "contact_block", ("placement", "fields"))
    placement = r.choice(data.get("placement", "title-block"), "contact_block.placement", CONTACT_PLACEMENTS)
    fields = r.text_list(data["fields"], "contact_block.fields") if "fields" in data else ()
    for name in fields:
        if name not in title_fields:  # only a field the title block asks for can be filled in
            listed = ", ".join(title_fields)
            raise r.fail(
                "contact_block.fields",
                Message(
                    QT_TRANSLATE_NOOP("Messages", "expected fields of title_block.fields ({listed}), found {name}"),
                    listed=listed,
                    name=f"{name!r}",
                ),
            )
    return ContactSpec(placement, fields)


# Office fonts (lower case) -> the metric-compatible twin bundled for the PDF: the same advance widths, so a PDF line
# breaks where Word breaks the DOCX's. The DOCX names the office font, which Word has on every office machine.
FONT_TWINS = {
    "arial": "Liberation Sans",
    "helvetica": "Liberation Sans",
    "liberation sans": "Liberation Sans",
    "arimo": "Liberation Sans",
    "times new roman": "Liberation Serif",
    "times": "Liberation Serif",
    "liberation serif": "Liberation Serif",
    "tinos": "Liberation Serif",
    "calibri": "Carlito",
    "carlito": "Carlito",
}


def font_twin(font: str) -> str | None:
    """The bundled twin the PDF draws a template font with, or None when there is none."""
    return FONT_TWINS.get(" ".join(font.lower().split()))


def font_warnings(template: Template) -> list[str]:
    """Template fonts with no bundled twin: the PDF falls back to Liberation Sans and paginates unlike Word."""
    fonts = dict.fromkeys((template.body_font, template.heading_font))  # in order, once each
    return [
        f"font {font!r} has no bundled twin for the PDF, which uses Liberation Sans instead and may paginate "
        "differently from Word; use Arial, Helvetica, Times New Roman or Calibri"
        for font in fonts
        if font_twin(font) is None
    ]


def load_template_file(path: Path, origin: str = "built-in", cache: YamlCache | None = None) -> Template:
    """The template in the YAML file at path; `cache` answers for a file parsed before with the same text."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TemplateError(
            path, "", Message(QT_TRANSLATE_NOOP("Messages", "cannot be read ({reason})"), reason=system_reason(exc))
        ) from None
    if len(raw) > 1_000_000:
        raise TemplateError(
            path, "", Message(QT_TRANSLATE_NOOP("Messages", "is larger than 1 MB; a template is a short YAML file"))
        )
    try:
        text = raw.decode("utf-8")
        data = cache.load(path, text) if cache is not None else safe_load(text)
    except UnicodeDecodeError:
        raise TemplateError(path, "", Message(QT_TRANSLATE_NOOP("Messages", "is not UTF-8 text"))) from None
    except yaml_error() as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise TemplateError(
            path,
            "",
            Message(QT_TRANSLATE_NOOP("Messages", "is not valid YAML{where}: {problem}"), where=where, problem=problem),
        ) from None
    return parse_template(data, path, origin)


def settings_template_dirs(cache: YamlCache | None = None) -> list[Path]:
    """Template folders named in the per-user settings file (`template_folders:` list)."""
    settings = paths.user_data_dir() / "settings.yaml"
    try:
        text = settings.read_text(encoding="utf-8")
        data = cache.load(settings, text) if cache is not None else safe_load(text)
    except (OSError, UnicodeDecodeError):
        return []
    except yaml_error():
        return []
    folders = data.get("template_folders") if isinstance(data, dict) else None
    return [Path(f) for f in folders if isinstance(f, str)] if isinstance(folders, list) else []


def template_dirs(cache: YamlCache | None = None) -> list[tuple[str, Path]]:
    """(origin, folder) in increasing priority: built-in, shared (BRIEFING_TEMPLATES, settings), user."""
    dirs: list[tuple[str, Path]] = [("built-in", paths.data_dir("templates"))]
    for entry in os.environ.get(ENV_VAR, "").split(os.pathsep):
        if entry.strip():
            dirs.append(("shared", Path(entry.strip())))
    dirs += [("shared", p) for p in settings_template_dirs(cache)]
    dirs.append(("user", user_template_folder()))
    return dirs


def user_template_folder() -> Path:
    """Where the user's own templates go (the first place a template copied from a colleague belongs)."""
    return paths.user_data_dir() / "templates"


@dataclass
class TemplateCatalog:
    """The templates found, the files that could not be read, and the templates others replaced."""

    templates: dict[str, Template]
    errors: list[TemplateError]
    shadowed: list[Template]  # replaced by a template of the same id from a higher-priority folder

    def not_installed(self, name: object, template_id: str) -> Message:
        """Why a briefing (its file name) cannot use its template here, and how to proceed (core.messages)."""
        return template_not_installed(name, template_id, sorted(self.templates), user_template_folder())

    def get(self, template_id: str) -> Template:
        try:
            return self.templates[template_id]
        except KeyError:
            known = ", ".join(sorted(self.templates)) or "none"
            raise KeyError(f"no template {template_id!r} (available: {known})") from None


STAND_IN = "stand-in"  # the origin of a template made up for a note whose own is not installed


def template_or_stand_in(catalog: TemplateCatalog, briefing: Briefing) -> Template:
    """The briefing's template, or a stand-in built from its own sections when the template is not installed (or
    is broken): the default layout (Template's defaults) with the default template's classifications and page
    budget. The window and the command line export such a note alike, saying so (stand_in_notice)."""
    try:
        return catalog.get(briefing.template)
    except KeyError:
        pass
    fallback = catalog.templates.get(DEFAULT_TEMPLATE)
    specs = tuple(SectionSpec(id=s.id, heading=s.heading, heading_fr=s.heading_fr) for s in briefing.sections)
    if fallback is not None:
        return Template(
            id=briefing.template,
            name=briefing.template,
            sections=specs,
            classifications=fallback.classifications,
            page_budget=fallback.page_budget,
            origin=STAND_IN,
        )
    return Template(id=briefing.template, name=briefing.template, sections=specs, origin=STAND_IN)


def stand_in_notice(template: Template) -> Message | None:
    """What to tell of a stand-in template (template_or_stand_in): that the note's own is not installed, and the
    layout used instead; None for an installed template."""
    if template.origin != STAND_IN:
        return None
    return template_stand_in(template.id, template.page_size, template.body_font, template.font_size_pt)


def load_catalog(dirs: list[tuple[str, Path]] | None = None, *, cached: bool = False) -> TemplateCatalog:
    """Load every template; a broken one is reported in errors and never stops the others.

    `cached` keeps what the files parsed to in the user's folder (YamlCache): the window and the command line use it.
    """
    templates: dict[str, Template] = {}
    errors: list[TemplateError] = []
    shadowed: list[Template] = []
    cache = YamlCache() if cached else None
    for origin, folder in template_dirs(cache) if dirs is None else dirs:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.y*ml")):
            try:
                template = load_template_file(path, origin, cache)
            except TemplateError as exc:
                errors.append(exc)
                continue
            if template.id in templates:
                shadowed.append(templates[template.id])
            templates[template.id] = template
    if cache is not None:
        cache.save()
    return TemplateCatalog(templates, errors, shadowed)


def new_briefing(template: Template, **title_values: str) -> Briefing:
    """An empty briefing with the template's sections and title-block defaults (overridden by title_values)."""
    unknown = sorted(set(title_values) - set(TitleBlock.field_names()))
    if unknown:
        raise ValueError(f"unknown title block field(s): {', '.join(unknown)}")
    values = {"classification": template.default_classification, **dict(template.title_defaults)}
    if title_values.get("language", values.get("language")) == "fr":
        values.update(template.title_defaults_fr)  # a French note starts with the French defaults
    values.update({k: v for k, v in title_values.items() if v})
    if values["classification"] not in template.classifications:
        raise ValueError(
            f"classification {values['classification']!r} is not offered by template {template.id!r} "
            f"(choices: {', '.join(template.classifications)})"
        )
    sections = [Section(id=s.id, heading=s.heading, heading_fr=s.heading_fr) for s in template.sections]
    return Briefing(template=template.id, title_block=TitleBlock(**values), sections=sections)
