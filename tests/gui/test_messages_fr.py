"""The French window shows the plain-Python layers' refusals (an importer's, the file reader's, a lock's, an
operation's, an export's) in French, with the file's name, and the catalogue keeps every message's placeholders."""

from __future__ import annotations

import json
import re
import socket
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from briefing.core.lock import lock_path
from briefing.core.project_save import save_briefing
from tests.gui.conftest import open_and_wait

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "briefing_fr.ts"
NBSP = "\u00a0"


@pytest.fixture
def french_window(qtbot, briefing):
    from briefing.gui.i18n import install_translators
    from briefing.gui.main_window import MainWindow

    assert install_translators("fr") == "fr"
    try:
        window = MainWindow(briefing)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        yield window
    finally:
        install_translators("en")


def test_a_damaged_file_is_refused_in_french(french_window, tmp_path: Path, prompts, qtbot) -> None:
    path = tmp_path / "rapport coupé.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")  # a download that stopped part-way
    with qtbot.waitSignal(french_window.sources.importer.failed, timeout=10_000):
        french_window.import_files([path])
    kind, title, text = prompts.calls[-1]
    assert (kind, title) == ("warning", "Impossible d’ajouter la source")
    assert text == (
        f"rapport coupé.pdf{NBSP}: est un PDF endommagé et illisible (sa fin manque{NBSP}: a-t-il été tronqué{NBSP}?)"
    )


def test_an_unreadable_text_file_names_its_encoding_in_french(french_window, tmp_path: Path, prompts, qtbot) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"\x00\x01\x02binary\x00" * 20)
    with qtbot.waitSignal(french_window.sources.importer.failed, timeout=10_000):
        french_window.import_files([path])
    text = prompts.calls[-1][2]
    assert text == f"notes.txt{NBSP}: n’est pas un fichier texte (il contient des données binaires)"


def test_an_imports_warnings_are_in_french(french_window, tmp_path: Path, qtbot) -> None:
    path = tmp_path / "mémo.txt"
    path.write_bytes("Memo on sanctions\n\nThe embassy will not reopen this year.\n".encode("utf-16-le"))  # no BOM
    french_window.resize(1600, 800)  # the warning fits in the status bar (else a box says it)
    with qtbot.waitSignal(french_window.sources.importer.imported, timeout=10_000):
        french_window.import_files([path])
    shown = french_window.statusBar().currentMessage()
    assert shown.endswith(  # and the window's way to read it in another encoding
        f" — le fichier n’a pas d’indicateur d’ordre des octets{NBSP}; il a été lu en utf-16-le"
        " (Source > Rouvrir avec un autre encodage…)"
    ), shown


def test_a_damaged_briefing_is_refused_in_french(french_window, tmp_path: Path, prompts) -> None:
    path = tmp_path / "note abîmée.briefing"
    path.write_bytes(b"PK\x03\x04 this zip stops here")
    assert not open_and_wait(french_window, path)
    kind, title, text = prompts.calls[-1]
    assert (kind, title) == ("critical", "Impossible d’ouvrir la note d’information")
    # the damage in words (not the zip library's), in French too
    assert text == (
        f"note abîmée.briefing{NBSP}: n’est pas un fichier de note d’information, ou est endommagé "
        "(il est tronqué, ou endommagé à la fin)"
    ), text


def test_a_damaged_manifest_is_said_in_french_words(
    french_window, briefing, tmp_path: Path, prompts, monkeypatch
) -> None:
    """QA8 D3: « son manifeste n’est pas du YAML valide : did not find expected <document start> »."""
    import io
    import zipfile

    from briefing.core.project_save import write_briefing

    buffer = io.BytesIO()
    write_briefing(briefing, buffer)
    with zipfile.ZipFile(buffer) as good:
        parts = {name: good.read(name) for name in good.namelist()}
    path = tmp_path / "badyaml.briefing"
    with zipfile.ZipFile(path, "w") as bad:
        for name, data in parts.items():
            bad.writestr(name, data + b"\n  - : [" if name == "manifest.yaml" else data)
    monkeypatch.delenv("BRIEFING_DEBUG", raising=False)
    assert not open_and_wait(french_window, path)
    assert (
        prompts.calls[-1][2]
        == f"badyaml.briefing{NBSP}: la partie 'manifest.yaml' est endommagée (son contenu est illisible)"
    )


def test_a_briefing_from_a_newer_briefing_says_so_in_french(french_window, briefing, tmp_path: Path, prompts) -> None:
    import zipfile

    path = tmp_path / "future.briefing"
    save_briefing(briefing, path)
    with zipfile.ZipFile(path) as old:
        parts = {name: old.read(name) for name in old.namelist()}
    manifest = json.loads(parts["manifest.yaml"].decode("utf-8").partition("\n")[2])
    manifest["version"] = 99
    parts["manifest.yaml"] = json.dumps(manifest).encode("utf-8")
    with zipfile.ZipFile(path, "w") as new:
        for name, data in parts.items():
            new.writestr(name, data)
    assert not open_and_wait(french_window, path)
    assert prompts.calls[-1][2].startswith(
        f"future.briefing{NBSP}: a été enregistré par un Briefing plus récent (format de fichier 99{NBSP}; "
        "cette version lit jusqu’au format "
    )


def test_excerpts_changed_outside_briefing_are_described_in_french(
    french_window, briefing, tmp_path: Path, prompts
) -> None:
    from briefing.core.operations import file_excerpt, new_excerpt
    from tests.gui.conftest import offsets_of

    start, end = offsets_of(briefing, "src-a", "cut ties with Tehran")
    file_excerpt("background", new_excerpt(briefing.source("src-a"), start, end)).apply(briefing)
    briefing.section("background").items[0].anchor.exact = "cut ties with Moscow"  # changed outside Briefing
    path = tmp_path / "changée.briefing"
    save_briefing(briefing, path)
    assert open_and_wait(french_window, path)
    kind, title, text = prompts.calls[-1]
    assert (kind, title) == ("warning", "Extraits à vérifier")
    lines = [line for line in text.splitlines() if line.startswith("• ")]
    assert lines == [f"• Background{NBSP}: «{NBSP}cut ties with Moscow{NBSP}» est introuvable dans la source"]


def test_a_locked_briefing_names_its_owner_in_french(french_window, briefing, tmp_path: Path, prompts) -> None:
    from PySide6.QtWidgets import QMessageBox

    path = tmp_path / "partagée.briefing"
    save_briefing(briefing, path)
    now = time.time()
    host = socket.gethostname() + "-autre"
    owner = {"user": "collègue", "host": host, "pid": 4242, "since": now, "refreshed": now}
    lock_path(path).write_text(json.dumps(owner), encoding="utf-8")
    prompts.answers["Note d’information en cours d’utilisation"] = QMessageBox.StandardButton.Yes
    assert open_and_wait(french_window, path), prompts.calls
    from briefing.gui.i18n import moment

    since = moment(now)  # « 7 décembre 2026 à 0 h 06 »
    assert french_window.document.read_only
    assert (
        french_window.status.read_only.text()
        == f"Lecture seule{NBSP}: ouverte par collègue sur {host} depuis le {since}"
    )
    # Save As onto a briefing another Briefing holds is refused, naming who holds it, in French
    prompts.save_as.append(str(path))
    french_window.files.save_as()
    kind, _title, text = prompts.calls[-1]
    assert kind == "critical" and f"collègue sur {host} depuis le {since}" in text and " on " not in text


def test_the_lock_refusal_itself_reads_in_french(tmp_path: Path) -> None:
    """LockedError's whole text (the command line's, in English) in the French window, every part translated."""
    from briefing.core.lock import LockedError, LockInfo
    from briefing.gui.i18n import install_translators, shown_error

    error = LockedError(tmp_path / "partagée.briefing", LockInfo("collègue", "poste-7", 1, 0.0, 0.0))
    assert str(error).startswith("partagée.briefing: is open in Briefing by collègue on poste-7 (since ")
    assert install_translators("fr") == "fr"
    try:
        text = shown_error(error)
    finally:
        install_translators("en")
    assert text.startswith(f"partagée.briefing{NBSP}: est ouverte dans Briefing par collègue sur poste-7 (depuis le ")
    assert text.endswith(
        f"supprimez le fichier de verrouillage {lock_path(tmp_path / 'partagée.briefing')} et réessayez"
    )


def test_the_systems_reasons_read_in_french(tmp_path: Path) -> None:
    """A disk full or a permission refused said in French, not « (No space left on device) » (QA8 D13i)."""
    import errno

    from briefing.core.messages import system_reason
    from briefing.core.project import ProjectFileError
    from briefing.gui.i18n import install_translators, shown_error

    def could_not_save(number: int) -> ProjectFileError:
        from briefing.core.messages import QT_TRANSLATE_NOOP, Message

        kept = Message(QT_TRANSLATE_NOOP("Messages", "the previous file is intact"))
        reason = system_reason(OSError(number, "the system's words"))
        template = QT_TRANSLATE_NOOP("Messages", "could not be saved ({reason}); {kept}")
        return ProjectFileError(tmp_path / "a.briefing", Message(template, reason=reason, kept=kept))

    assert install_translators("fr") == "fr"
    try:
        full, refused = shown_error(could_not_save(errno.ENOSPC)), shown_error(could_not_save(errno.EACCES))
        others = [shown_error(system_reason(OSError(n, "x"))) for n in (errno.EROFS, errno.ENOENT, errno.EISDIR)]
    finally:
        install_translators("en")
    assert full == (
        f"a.briefing{NBSP}: n’a pas pu être enregistré (plus d’espace libre sur le disque){NBSP}; "
        "le fichier précédent est intact"
    )
    assert "(permission refusée)" in refused
    assert others == ["système de fichiers en lecture seule", "fichier ou dossier introuvable", "c’est un dossier"]


def test_removing_a_source_names_it_in_quotation_marks(french_window, prompts) -> None:
    """« Retirer Le Canada et l'Iran ont convenu … et les 2 extraits … ? » read as one garbled sentence: the title
    is set off, on one line, cut short when long (QA8 D13g)."""
    from briefing.core.operations import EditSourceMeta
    from tests.gui.conftest import offsets_of

    window = french_window
    headline = "Le Canada et l'Iran ont convenu de rouvrir les canaux offi-\nciels avant la fin de l'année " * 2
    window.document.run(EditSourceMeta("src-a", {"title": headline}))
    window.source_pane.select_source("src-a")
    window.source_view.select_offsets(*offsets_of(window.document.briefing, "src-a", "The foreign minister"))
    assert window.notes.file_into("background") is not None
    window.source_pane.select_source("src-a")
    window.action("remove_source").trigger()  # (No, as the prompts answer by default: nothing is removed)
    kind, title, text = prompts.calls[-1]
    assert (kind, title) == ("question", "Retirer la source")
    shown = text.split(f"«{NBSP}")[1].split(f"{NBSP}»")[0]
    assert text.startswith(
        f"Retirer la source «{NBSP}Le Canada et l'Iran ont convenu de rouvrir les canaux offi- ciels"
    )
    assert len(shown) <= 80 and shown.endswith("fin…") and "\n" not in shown
    assert text.endswith(f"{NBSP}» et l’extrait qui en a été classé{NBSP}? Vous pourrez annuler.")
    assert len(window.document.briefing.sources) == 2


def test_an_operations_refusal_shows_in_french_in_the_status_bar(french_window) -> None:
    from tests.gui.conftest import offsets_of

    window = french_window
    text = window.document.briefing.source("src-a").text
    start, _ = offsets_of(window.document.briefing, "src-a", "The foreign minister")
    blank = start - 1  # the line break before the paragraph: a selection holding no text
    assert text[blank].isspace()
    window.source_view.select_offsets(blank, start)
    assert window.notes.file_into("background") is None  # Ctrl+1
    assert (
        window.statusBar().currentMessage()
        == "la sélection ne contient aucun texte, seulement des espaces ou des sauts de ligne"
    )


def test_an_autosave_that_cannot_write_says_so_in_french(french_window, home: Path) -> None:
    from tests.gui.test_files import file_one

    file_one(french_window)
    (home / "recovery").write_text("a file where the folder should be")
    french_window.files.autosave()
    french_window.files.wait_autosave()
    text = french_window.status.currentMessage()
    assert text.startswith(
        f"Le travail non enregistré n’est plus enregistré automatiquement{NBSP}: impossible d’écrire dans "
        f"{home / 'recovery'} ("
    )
    assert text.endswith(") — enregistrez votre note (Ctrl+S)")


def test_an_export_refusal_is_in_french(french_window, tmp_path: Path, prompts, qtbot) -> None:
    prompts.save_as.append(str(tmp_path / "dossier absent" / "note"))
    with qtbot.waitSignal(french_window.exporter.failed, timeout=30_000):
        french_window.action("export_pdf").trigger()
    kind, title, text = prompts.calls[-1]
    assert (kind, title) == ("warning", "Échec de l’exportation")
    folder = str(tmp_path / "dossier absent")
    assert text == f"note.pdf{NBSP}: le dossier {folder!r} n’existe pas"


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{\w+\}|%\d", text))


def test_every_translation_keeps_its_messages_placeholders() -> None:
    """A translation that loses or renames {name} (or %1) shows a hole, or the raw placeholder, in French."""
    problems, seen = [], 0
    for context in ET.parse(CATALOGUE).getroot().iter("context"):
        for message in context.iter("message"):
            if message.get("numerus") == "yes":
                continue  # plural forms: %n, counted by Qt
            source = message.findtext("source") or ""
            translation = message.findtext("translation") or ""
            seen += context.findtext("name") == "Messages"
            if _placeholders(source) != _placeholders(translation):
                problems.append((context.findtext("name"), source, translation))
    assert seen > 200
    assert problems == []


def test_messages_the_window_puts_together_keep_french_typography(french_window, tmp_path: Path, qtbot) -> None:
    """An e-mail with only pictures attached was told as "Weekly report: Images non ajoutées : …", and each find
    result as "Source: words", without the space French puts before a colon."""
    from tests.gui.test_attachments import _mail

    window = french_window
    window.resize(1600, 800)  # the warning fits in the status bar (else a box says it)
    messages: list[str] = []
    window.sources.message.connect(lambda text, _ms: messages.append(text))
    with qtbot.waitSignal(window.sources.importer.imported, timeout=20_000):
        window.import_files([_mail(tmp_path, report=False)])
    assert messages[-1].startswith(
        f"Weekly report ajoutée — Images non ajoutées{NBSP}: photo.jpg. Enregistrez-les (Source > "
    )
    from briefing.gui.find import Hit

    bar = window.source_pane.find_bar
    bar.show_hits([Hit("src-1", 0, 6, "…talks have started…")], {"src-1": "Canada Confirms Talks"})
    assert bar.results.item(0).text() == f"Canada Confirms Talks{NBSP}: …talks have started…"


def test_the_window_names_a_menu_command_one_way() -> None:
    """ "Source > …" and "Source › …" both named the same menu's commands."""
    sources = [m.findtext("source") or "" for m in ET.parse(CATALOGUE).getroot().iter("message")]
    assert [s for s in sources if "›" in s] == []
    assert len([s for s in sources if re.search(r"\b(?:File|Source|Note|View) (?:>|&gt;) ", s)]) >= 5
