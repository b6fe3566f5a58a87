"""Nothing may block the French translation: every string is extractable and is looked up where it is shown."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

GUI = Path(__file__).resolve().parents[2] / "briefing" / "gui"
PACKAGE = GUI.parent
# What lupdate reads: the GUI, and the plain-Python layers whose strings are marked with QT_TRANSLATE_NOOP (the title
# block's labels and undo names in core/labels.py, the errors' messages of core/messages.py's form). The command
# line (briefing/cli) stays English.
PLAIN = ["core/*.py", "importers/*.py", "importers/html/*.py", "export/*.py"]
SOURCES = [*sorted(GUI.glob("*.py")), *(path for pattern in PLAIN for path in sorted(PACKAGE.glob(pattern)))]
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


@contextmanager
def installed(ts_text: bytes, folder: Path) -> Iterator[None]:
    """A translation catalogue compiled with lrelease and installed in the application while the block runs."""
    ts, qm = folder / "fr.ts", folder / "fr.qm"
    ts.write_bytes(ts_text)
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> str:
    ts = tmp_path_factory.mktemp("i18n") / "briefing_fr.ts"
    subprocess.run(
        [_tool("pyside6-lupdate"), *map(str, SOURCES), "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    return ts.read_text(encoding="utf-8")


def test_strings_are_extracted_into_contexts_that_exist_at_run_time(catalogue: str) -> None:
    from briefing.core.messages import CONTEXT as MESSAGES  # looked up by gui/i18n.py's shown_error

    contexts = set(re.findall(r"<name>(.*?)</name>", catalogue))
    assert len(re.findall(r"<source>", catalogue)) > 120
    assert MESSAGES in contexts
    classes = {MESSAGES}
    for path in GUI.glob("*.py"):
        classes |= set(re.findall(r"^class (\w+)\(", path.read_text(encoding="utf-8"), re.M))
    from briefing.gui.qt_gaps import QT_CONTEXTS  # Qt's own strings its French catalogue lacks, Qt looks up

    classes |= set(QT_CONTEXTS)
    assert contexts <= classes, f"contexts no QObject will look up: {sorted(contexts - classes)}"


def test_a_translation_reaches_menus_actions_and_the_note(catalogue: str, tmp_path: Path, qtbot, briefing) -> None:
    french = {
        "&amp;File": "&amp;Fichier",
        "File into %1": "Classer dans %1",
        "Add &amp;Note": "Ajouter une &amp;note",
        "Date": "Date de la note",
        "%1 / %2 words": "%1 / %2 mots",
    }

    def translate(match: re.Match[str]) -> str:
        source = match.group(1)
        if source in french:
            return f"<source>{source}</source>{match.group(2)}<translation>{french[source]}</translation>"
        return match.group(0)

    french_ts = re.sub(
        r"<source>(.*?)</source>(\s*)<translation type=\"unfinished\"></translation>", translate, catalogue
    )
    with installed(french_ts.encode("utf-8"), tmp_path):
        from briefing.gui.main_window import MainWindow

        window = MainWindow(briefing)
        qtbot.addWidget(window)
        assert window.menuBar().actions()[0].text() == "&Fichier"
        assert window.action("file_into_background").text() == "&1 Classer dans Background"
        assert window.action("add_note").text() == "Ajouter une &note"
        title_block = window.briefing_view.title_block
        labels = [title_block.form.labelForField(w).text() for n, w in title_block.fields.items() if n == "date"]
        assert labels == ["Date de la note"]
        assert window.briefing_view.sections["background"].count.text() == "0 / 250 mots"


def _translation_calls() -> list[tuple[str, ast.Call, bool]]:
    """Every tr() and QCoreApplication.translate() call of the GUI code: (where, the call, inside an f-string)."""
    calls = []
    for path in sorted(GUI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_fstring = {id(n) for f in ast.walk(tree) if isinstance(f, ast.JoinedStr) for n in ast.walk(f)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            translate = node.func.attr == "translate" and ast.unparse(node.func.value) == "QCoreApplication"
            if translate and not isinstance(node.args[0], ast.Constant):
                continue  # a lookup in core/labels.py's contexts: lupdate extracts those strings from labels.py
            if node.func.attr == "tr" or translate:
                calls.append((f"{path.name}:{node.lineno}", node, id(node) in in_fstring))
    return calls


def test_lupdate_extracts_every_string_the_code_translates(catalogue: str) -> None:
    """lupdate reads only literal strings, not inside f-strings, and takes a plural (%n) only from tr(text, "", n):
    a call it cannot read leaves its string in English in every language, and no other test would notice."""
    import xml.etree.ElementTree as ET

    extracted = {m.findtext("source"): m.get("numerus") == "yes" for m in ET.fromstring(catalogue).iter("message")}
    problems = []
    calls = _translation_calls()
    for where, call, in_fstring in calls:
        is_tr = isinstance(call.func, ast.Attribute) and call.func.attr == "tr"
        args = call.args if is_tr else call.args[1:]
        text = args[0] if args else None
        if in_fstring:
            problems.append(f"{where}: inside an f-string")
        elif not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
            problems.append(f"{where}: not a literal string")
        elif text.value not in extracted:
            problems.append(f"{where}: {text.value!r} not extracted")
        elif len(args) > 2 and not extracted[text.value]:
            problems.append(f"{where}: {text.value!r} counts but was not extracted as a plural (use self.tr)")
    assert len(calls) > 200
    assert problems == [], "\n".join(problems)


# Widgets that show the briefing's own content (template headings and guidance, quotations, notes, source
# metadata), not interface text: a translation leaves them as they are.
CONTENT = {"itemQuote", "itemText", "sectionChip", "sectionGuidance", "sectionHeading", "sourceMeta", "cardColumn"}


def test_every_interface_string_in_the_window_goes_through_the_translation(
    catalogue: str, tmp_path: Path, qtbot, briefing
) -> None:
    """A pseudo-translation marks every string «like this»; any text the window shows unmarked was never
    passed through tr() (or was looked up in a context the catalogue does not have)."""
    import xml.etree.ElementTree as ET

    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLabel, QMenu, QWidget

    from briefing.gui.main_window import MainWindow

    root = ET.fromstring(catalogue)
    root.set("language", "fr")  # the plural rules of the two forms below
    for message in root.iter("message"):
        translation = message.find("translation")
        assert translation is not None
        marked = f"«{message.findtext('source')}»"
        translation.attrib.pop("type", None)
        for unfinished in list(translation):  # lupdate leaves empty forms in a plural
            translation.remove(unfinished)
        if message.get("numerus") == "yes":  # "%n match(es)": French has two forms, as English does
            for _form in range(2):
                ET.SubElement(translation, "numerusform").text = marked
        else:
            translation.text = marked
    briefing.title_block.title = ""  # untitled: the window names it with its own (translated) words
    with installed(ET.tostring(root, encoding="utf-8", xml_declaration=True), tmp_path):
        window = MainWindow(briefing)
        qtbot.addWidget(window)
        window.show()
        sections = {f"action_move_to_{s.id.replace('-', '_')}" for s in briefing.sections}  # named by headings
        shown: list[tuple[str, str]] = []
        for action in window.findChildren(QAction):
            if action.objectName() not in sections and not action.isSeparator():
                shown += [(action.objectName(), action.text()), (action.objectName(), action.toolTip())]
        shown += [(menu.objectName(), menu.title()) for menu in window.findChildren(QMenu)]
        for widget in window.findChildren(QWidget):
            if widget.objectName() in CONTENT or widget.objectName().startswith("section_"):
                continue
            shown += [(widget.objectName(), widget.toolTip()), (widget.objectName(), widget.accessibleName())]
            if isinstance(widget, QLabel) and widget.isVisible():
                shown.append((widget.objectName(), widget.text()))
        numbered = re.compile(r"^&\d ")  # File Passage Into ▸ "&2 File into …": the number is the mnemonic
        untranslated = sorted({(n, text) for n, text in shown if text and not numbered.sub("", text).startswith("«")})
        assert untranslated == []
        assert len(shown) > 150  # the check saw the window, not an empty one
        assert window.windowTitle().startswith("«Untitled briefing»")


CATALOGUE = GUI.parents[1] / "resources" / "i18n" / "briefing_fr.ts"


def test_the_french_catalogue_is_complete_and_compiled(tmp_path: Path) -> None:
    """Every string lupdate finds has a finished French translation, none is left for a string that is gone,
    and the committed .qm is the one lrelease makes of the committed .ts."""
    import xml.etree.ElementTree as ET

    updated = tmp_path / "briefing_fr.ts"
    shutil.copy(CATALOGUE, updated)
    subprocess.run(
        [_tool("pyside6-lupdate"), *map(str, SOURCES), "-ts", str(updated),
         "-locations", "none"],
        check=True, capture_output=True,
    )  # fmt: skip
    root = ET.parse(updated).getroot()
    problems = []
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
            if translation.get("type") or not all(forms):  # unfinished, vanished or obsolete; or empty
                problems.append((context.findtext("name"), message.findtext("source"), translation.get("type")))
            for text in forms:
                if re.search(r"(?<! ) [:;?!](?=[\s)]|$)|« | »", text or ""):  # French spacing: non-breaking
                    problems.append((context.findtext("name"), text, "breaking space"))
                if re.search(r"\w'\w", text or ""):  # the French apostrophe is the typographic one
                    problems.append((context.findtext("name"), text, "straight apostrophe"))
    assert problems == []
    assert len(list(root.iter("message"))) > 200
    qm = tmp_path / "briefing_fr.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(CATALOGUE), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == CATALOGUE.with_suffix(".qm").read_bytes(), "run pyside6-lrelease on the .ts"


def test_the_window_in_french(qtbot, briefing) -> None:
    from briefing.core.model import Note
    from briefing.core.operations import InsertItem, SetTitleField
    from briefing.gui.i18n import change_name, install_translators
    from briefing.gui.main_window import MainWindow

    assert install_translators("fr") == "fr"
    try:
        window = MainWindow(briefing)
        qtbot.addWidget(window)
        assert [a.text() for a in window.menuBar().actions()][:2] == ["&Fichier", "&Édition"]
        assert window.action("undo").text() == "&Annuler"
        labels = window.briefing_view.title_block.form
        date = window.briefing_view.title_block.fields["language"]
        assert labels.labelForField(date).text() == "Langue de la note"
        assert date.itemText(1) == "Français"
        # undo names come from the core's operations, in English, and are shown translated
        change = SetTitleField("prepared_by", "A. Analyste").apply(briefing)
        assert change.label == "Change prepared by"
        assert change_name(change) == "Modifier «\u00a0préparé par\u00a0»"
        section = briefing.sections[0]
        change = InsertItem(section.id, Note(id="n1", text="x")).apply(briefing)
        assert change_name(change) == f"Ajouter une note dans {section.heading}"
    finally:
        install_translators("en")


def test_the_french_window_shows_the_templates_markings_and_sources_in_french(qtbot, briefing) -> None:
    """Template names, descriptions and guidance, classification markings, import times and file formats follow
    the interface language; the briefing keeps what it stores."""
    from briefing.core.templates import load_catalog
    from briefing.gui.dialogs import NewBriefingDialog, SourceDetailsDialog
    from briefing.gui.i18n import install_translators
    from briefing.gui.main_window import MainWindow

    source = briefing.sources[0]
    source.meta.imported_at = "2026-12-06T23:04:53+00:00"
    assert install_translators("fr") == "fr"
    try:
        window = MainWindow(briefing)
        qtbot.addWidget(window)
        guidance = window.briefing_view.sections["background"].guidance.text()
        assert guidance.startswith("Ce qui s’est passé")
        combo = window.banner.combo
        assert combo.currentText() == "NON CLASSIFIÉ" and combo.currentData() == "UNCLASSIFIED"
        combo.setCurrentIndex(combo.findData("PROTECTED B"))
        assert combo.currentText() == "PROTÉGÉ B"
        combo.activated.emit(combo.currentIndex())
        assert window.document.briefing.title_block.classification == "PROTECTED B"  # stored as it was
        window.source_pane.select_source(source.id)
        tip = window.source_pane.meta.toolTip()
        assert tip.startswith("Importée le 2026-12-0") and "T" not in tip and "+00:00" not in tip
        details = SourceDetailsDialog(source)
        qtbot.addWidget(details)
        assert details.format_name("text") == "texte brut" and details.format_name("new-kind") == "new-kind"
        chooser = NewBriefingDialog(list(load_catalog().templates.values()))
        qtbot.addWidget(chooser)
        names = [chooser.list.item(i).text() for i in range(chooser.list.count())]
        assert "Note d’information (par défaut)" in names  # the default template is marked
        about = chooser.about.text()
        assert "\n\nSections\u00a0: " in about and "Contexte" in about and about.startswith(("Une", "La"))
    finally:
        install_translators("en")
    window = MainWindow(briefing)
    qtbot.addWidget(window)
    assert window.briefing_view.sections["background"].guidance.text().startswith("What happened")
    assert window.banner.combo.currentText() == "PROTECTED B"


def test_a_card_cites_its_place_in_the_interface_language(qtbot, briefing) -> None:
    """The card says where its passage is as the export does, in the words of the window's language: "paragr. 2"
    in French (the French note's footnote words), "para. 2" in English, whatever the note's language."""
    from briefing.core.operations import file_excerpt, new_excerpt
    from briefing.gui.i18n import install_translators
    from briefing.gui.main_window import MainWindow

    from .conftest import PARAGRAPHS

    source = briefing.sources[0]
    start = source.text.index(PARAGRAPHS[1])
    item = new_excerpt(source, start, start + len(PARAGRAPHS[1]))
    file_excerpt(briefing.sections[0].id, item).apply(briefing)
    briefing.title_block.language = "en"
    cards, ocr = {}, {}
    for language in ("fr", "en"):
        assert install_translators(language) == language
        try:
            window = MainWindow(briefing)
            qtbot.addWidget(window)
            card = window.briefing_view.card(item.id)
            assert card is not None
            cards[language] = (card.cite.text(), card.accessibleDescription())
            source.meta.pages, source.meta.ocr_pages = 3, [2]  # and a scan's details say which pages OCR read
            window.source_pane.show_meta(source)
            ocr[language] = window.source_pane.meta.text()
            source.meta.pages, source.meta.ocr_pages = 0, []
        finally:
            install_translators("en")
    assert cards["fr"] == (f"{source.label} · paragr. 2",) * 2  # the card and what a screen reader hears of it
    assert cards["en"] == (f"{source.label} · para. 2",) * 2
    assert "Page 2 lue par ROC" in ocr["fr"] and "Page 2 read by OCR" in ocr["en"]


def test_the_language_follows_the_preference_then_the_system(qtbot, monkeypatch) -> None:
    from PySide6.QtCore import QLocale

    from briefing.gui import i18n
    from briefing.gui.preferences import PreferencesDialog

    monkeypatch.setattr(QLocale, "system", lambda: QLocale(QLocale.Language.French, QLocale.Country.Canada))
    assert i18n.chosen_language() == "" and i18n.interface_language() == "fr"
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert i18n.chosen_language() == "en" and i18n.interface_language() == "en"
    i18n.choose_language("")
    assert i18n.interface_language() == "fr"


def test_the_title_block_sets_the_note_language_undoably(window) -> None:
    combo = window.briefing_view.title_block.fields["language"]
    assert combo.currentData() == "en"
    combo.setCurrentIndex(combo.findData("fr"))
    combo.activated.emit(combo.currentIndex())
    assert window.document.briefing.title_block.language == "fr"
    assert window.action("undo").text() == "&Undo Change language of the note"
    window.action("undo").trigger()
    assert window.document.briefing.title_block.language == "en"
    assert combo.currentData() == "en"


def _mnemonic_problems(menu, where: str) -> list[str]:
    """Every command of a menu (and of its submenus) has a mnemonic, and no two in one menu share a letter."""
    problems, seen = [], {}
    for action in menu.actions():
        if action.isSeparator():
            continue
        text = action.text().replace("&&", "")
        letter = text[text.index("&") + 1].lower() if "&" in text[:-1] else None
        if letter is None:
            problems.append(f"{where} > {action.text()!r}: no mnemonic")
        elif letter in seen:
            problems.append(f"{where} > {action.text()!r} and {seen[letter]!r}: both &{letter}")
        else:
            seen[letter] = action.text()
        if action.menu() is not None:
            problems += _mnemonic_problems(action.menu(), f"{where} > {action.text()}")
    return problems


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_menu_has_unique_mnemonics(qtbot, briefing, language: str) -> None:
    from briefing.gui.i18n import install_translators
    from briefing.gui.main_window import MainWindow

    assert install_translators(language) == language
    try:
        window = MainWindow(briefing)
        qtbot.addWidget(window)
        for menu in [a.menu() for a in window.menuBar().actions()]:
            menu.aboutToShow.emit()  # menus filled when opened (Open Recent) are filled now
        problems = _mnemonic_problems(window.menuBar(), "menu bar")
        assert len(window.menuBar().actions()) >= 6
        assert problems == [], "\n".join(problems)
    finally:
        install_translators("en")


def test_a_card_quotes_in_the_interface_language(qtbot, briefing) -> None:
    """Cards wrapped every passage in English curly quotes, even in the French window: « … » there, with
    non-breaking spaces inside, as in the French export."""
    from briefing.core.operations import file_excerpt, new_excerpt
    from briefing.gui.i18n import install_translators
    from briefing.gui.items import quoted
    from briefing.gui.main_window import MainWindow

    from .conftest import PARAGRAPHS

    source = briefing.sources[0]
    start = source.text.index(PARAGRAPHS[3])
    item = new_excerpt(source, start, start + len(PARAGRAPHS[3]))
    file_excerpt(briefing.sections[0].id, item).apply(briefing)
    shown = {}
    for language in ("fr", "en"):
        assert install_translators(language) == language
        try:
            window = MainWindow(briefing)
            qtbot.addWidget(window)
            card = window.briefing_view.card(item.id)
            assert card is not None
            shown[language] = card.quote.text()
            assert quoted("«\u00a0Déjà cité\u00a0»") == "«\u00a0Déjà cité\u00a0»"  # a passage's own marks stay
        finally:
            install_translators("en")
    assert shown["fr"] == f"«\u00a0{PARAGRAPHS[3]}\u00a0»"
    assert shown["en"] == f"“{PARAGRAPHS[3]}”"
