"""An e-mail source in the window: its recipients and sent date in Source Details, its pictures saved from it."""

from __future__ import annotations

import os
import stat
from email.message import EmailMessage
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QLabel, QMenu, QMessageBox

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4  # bytes a text decoder would not pass through unharmed


def _mail(tmp_path: Path) -> Path:
    mail = EmailMessage()
    mail["Subject"] = "Talks on Friday"
    mail["From"] = "Jane Doe <jane.doe@example.gc.ca>"
    mail["To"] = "John Smith <john.smith@example.gc.ca>, bo@example.org"
    mail["Cc"] = '"Lee, Kim" <kim@example.org>'
    mail["Date"] = "Thu, 03 Dec 2026 09:15:00 -0500"
    mail.set_content("We will meet on Friday.")
    mail.add_attachment(PNG, maintype="image", subtype="png", filename="logo.png")
    mail.add_attachment(b"\xff\xd8\xff\xe0 a photo", maintype="image", subtype="jpeg", filename="photo.jpg")
    path = tmp_path / "talks.eml"
    path.write_bytes(mail.as_bytes())
    return path


def _add(window, path: Path, qtbot):
    with qtbot.waitSignal(window.sources.importer.imported, timeout=20_000):
        window.import_files([path])
    source = window.document.briefing.sources[-1]
    window.source_pane.select_source(source.id)
    return source


def test_source_details_show_an_emails_recipients_and_sent_date(window, tmp_path: Path, qtbot, prompts) -> None:
    from briefing.gui.dialogs import SourceDetailsDialog

    source = _add(window, _mail(tmp_path), qtbot)
    assert source.meta.to == ["John Smith <john.smith@example.gc.ca>", "bo@example.org"]
    assert source.meta.cc == ['"Lee, Kim" <kim@example.org>'] and source.meta.published.startswith("2026-12-03")
    dialog = SourceDetailsDialog(source, window)
    qtbot.addWidget(dialog)
    info = dialog.findChild(QLabel, "sourceFileInfo").text()
    assert "To: John Smith <john.smith@example.gc.ca>; bo@example.org" in info.splitlines()
    assert 'Cc: "Lee, Kim" <kim@example.org>' in info.splitlines()
    assert dialog.fields["published"].accessibleName() == "Date sent"
    other = SourceDetailsDialog(window.document.briefing.source("src-a"), window)  # not an e-mail: neither
    qtbot.addWidget(other)
    assert "To:" not in other.findChild(QLabel, "sourceFileInfo").text()
    assert other.fields["published"].accessibleName() == "Date published"


def test_save_attachment_as_writes_a_picture_of_the_email(window, tmp_path: Path, qtbot, prompts, monkeypatch) -> None:
    source = _add(window, _mail(tmp_path), qtbot)
    action = window.action("save_attachment")
    assert action.isEnabled() and action in window.findChild(QMenu, "menu_source").actions()
    assert action in window.source_pane.list.actions()
    asked: list[list[str]] = []

    def choose(parent, title, label, items, current, editable):
        asked.append(list(items))
        return "logo.png", True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(choose))
    target = tmp_path / "saved" / "logo-copy.png"
    target.parent.mkdir()
    prompts.save_as.append(str(target))
    count = window.document.undo_stack.count()
    action.trigger()
    assert asked == [["logo.png", "photo.jpg"]]  # the ones Briefing cannot import
    assert prompts.proposed[-1].endswith("logo.png")
    assert target.read_bytes() == PNG
    assert sorted(p.name for p in target.parent.iterdir()) == ["logo-copy.png"]  # no temporary file left
    assert window.document.undo_stack.count() == count and window.document.briefing.sources[-1] is source
    window.source_pane.select_source("src-a")  # not an e-mail: nothing to save
    assert not action.isEnabled()


def test_save_attachment_as_sets_the_emails_subject_off_in_its_prompt(
    window, tmp_path: Path, qtbot, prompts, monkeypatch
) -> None:
    """QA11 D10: the prompt read "Attachment of Talks on Friday to save:", « Pièce jointe de Talks on Friday à
    enregistrer : », the subject running into the sentence; it is set off, as the reader's header sets it off."""
    from tests.gui.test_translation import CATALOGUE, installed

    _add(window, _mail(tmp_path), qtbot)
    asked: list[str] = []

    def choose(parent, title, label, items, current, editable):
        asked.append(label)
        return "", False

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(choose))
    window.action("save_attachment").trigger()
    with installed(CATALOGUE.read_bytes(), tmp_path):  # (the .ts compiled: its translation, whatever the .qm holds)
        window.action("save_attachment").trigger()
    assert asked == [
        "Attachment of the e-mail “Talks on Friday” to save:",
        "Pièce jointe du courriel «\xa0Talks on Friday\xa0» à enregistrer\xa0:",
    ]


def test_a_picture_that_cannot_be_written_is_told_and_nothing_is_left(
    window, tmp_path: Path, qtbot, prompts, monkeypatch
) -> None:
    _add(window, _mail(tmp_path), qtbot)
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("photo.jpg", True)))
    prompts.save_as.append(str(tmp_path / "no-such-folder" / "photo.jpg"))
    window.action("save_attachment").trigger()
    kind, title, text = prompts.calls[-1]
    assert (kind, title) == ("warning", "Save Attachment As")
    assert text == f"photo.jpg: cannot write in {str(tmp_path / 'no-such-folder')!r} (No such file or directory)"
    assert not (tmp_path / "no-such-folder").exists()


def test_saving_a_picture_onto_a_device_or_pipe_is_refused_in_words(
    window, tmp_path: Path, qtbot, prompts, monkeypatch
) -> None:
    """QA: Save Attachment As onto /dev/null or a FIFO said "[Errno 22] not a regular file: '/dev/null'"; it says
    what the rest of the app says of such a file, and the device or pipe stays as it was."""
    _add(window, _mail(tmp_path), qtbot)
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("photo.jpg", True)))
    fifo = tmp_path / "pipe.jpg"
    os.mkfifo(fifo)
    link = tmp_path / "link.jpg"
    link.symlink_to("/dev/null")
    refused = "is not a regular file (a device, a pipe or a socket); nothing was written: choose another name"
    expected = {
        "/dev/null": f"null: {refused}",
        str(fifo): f"pipe.jpg: {refused}",
        str(link): "link.jpg: is a link to '/dev/null', which is not a regular file (a device, a pipe or a socket); "
        "nothing was written: choose another name",
        str(tmp_path): f"{tmp_path.name}: is a folder, not a file",  # (a save dialog lets a folder's name through)
    }
    for target, text in expected.items():
        prompts.save_as.append(target)
        window.action("save_attachment").trigger()
        assert prompts.calls[-1] == ("warning", "Save Attachment As", text)
    assert stat.S_ISFIFO(fifo.stat().st_mode) and link.is_symlink() and stat.S_ISCHR(Path("/dev/null").stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["home", "talks.eml", "pipe.jpg", "link.jpg"])


def test_an_email_without_a_subject_is_named_in_the_interface_language(
    qtbot, briefing, tmp_path: Path, monkeypatch
) -> None:
    """QA: the French window listed an e-mail without a subject as "(no subject)", the importers' English marker.
    It is « (sans objet) » wherever the window names it; the stored marker stays, and exports never print it."""
    from briefing.core.model import NO_SUBJECT
    from briefing.core.operations import AddSource, file_excerpt, new_excerpt
    from briefing.export import export_briefing
    from briefing.gui.dialogs import SourceDetailsDialog
    from briefing.gui.i18n import install_translators
    from briefing.gui.main_window import MainWindow
    from briefing.importers import import_file

    mail = EmailMessage()
    mail["From"] = "Jane Doe <jane.doe@example.gc.ca>"
    mail["To"] = "John Smith <john.smith@example.gc.ca>"
    mail["Date"] = "Thu, 03 Dec 2026 09:15:00 -0500"
    mail.set_content("We will meet on Friday.")
    path = tmp_path / "friday.eml"
    path.write_bytes(mail.as_bytes())
    source = import_file(path)
    assert source.meta.title == NO_SUBJECT
    AddSource(source).apply(briefing)
    start = source.text.index("meet on Friday")
    excerpt = new_excerpt(source, start, start + len("meet on Friday"))
    file_excerpt("background", excerpt).apply(briefing)
    assert install_translators("fr") == "fr"
    try:
        window = MainWindow(briefing)
        qtbot.addWidget(window)
        pane = window.source_pane
        pane.select_source(source.id)
        row = pane.list.item(pane.list.currentRow())
        assert row.text() == "(sans objet)" and row.toolTip().startswith("(sans objet)\n")
        assert "(sans objet)" in pane.meta.text()
        card = window.briefing_view.card(excerpt.id)
        assert card is not None and card.cite.text() == "(sans objet) · paragr. 1"
        dialog = SourceDetailsDialog(source, window)
        qtbot.addWidget(dialog)
        assert dialog.fields["title"].text() == "(sans objet)" and dialog.changed_values() == {}
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (k["text"], True)))
        window.sources.rename_source()  # accepted as shown: no new title « (sans objet) »
        assert source.meta.title == NO_SUBJECT and not window.document.undo_stack.count()
        shown = [pane.list.item(i).text() for i in range(pane.list.count())] + [pane.meta.text(), card.cite.text()]
        assert not [text for text in shown if "no subject" in text]
    finally:
        install_translators("en")
    for language in ("fr", "en"):  # citations and the Sources list name the file, never the marker
        briefing.title_block.language = language
        out = export_briefing(briefing, window.document.template, tmp_path / f"note-{language}.md")
        text = out.read_text(encoding="utf-8")
        assert "friday.eml" in text and "no subject" not in text and "sans objet" not in text
        assert ("Jane Doe, courriel à John Smith" if language == "fr" else "Jane Doe, e-mail to John Smith") in text


def _forwarded(tmp_path: Path) -> Path:
    inner = EmailMessage()
    inner["Subject"] = "Budget figures"
    inner["From"] = "Bob Lee <bob@example.org>"
    inner["To"] = "Jane Doe <jane.doe@example.gc.ca>"
    inner["Date"] = "Tue, 01 Dec 2026 10:00:00 -0500"
    inner.set_content("The budget is four million dollars.")
    outer = EmailMessage()
    outer["Subject"] = "Fwd: Budget figures"
    outer["From"] = "Jane Doe <jane.doe@example.gc.ca>"
    outer["To"] = "John Smith <john.smith@example.gc.ca>"
    outer.set_content("See the message below.")
    outer.add_attachment(inner)
    path = tmp_path / "fwd.eml"
    path.write_bytes(outer.as_bytes())
    return path


def test_an_attached_message_is_shown_and_cited_as_attached_to_its_email(
    window, tmp_path: Path, qtbot, prompts, monkeypatch
) -> None:
    """QA: a message attached to an e-mail was shown and cited by "Budget figures.eml", a file name Briefing made up.
    The reader's header, Source Details and its citations say which e-mail it came attached to, also once it is
    read again in another encoding."""
    from briefing.gui.dialogs import SourceDetailsDialog
    from briefing.gui.i18n import install_translators

    prompts.answers["Add Attachments"] = QMessageBox.StandardButton.Yes
    count = len(window.document.briefing.sources)
    window.import_files([_forwarded(tmp_path)])
    qtbot.waitUntil(lambda: len(window.document.briefing.sources) == count + 2, timeout=20_000)
    outer, attached = window.document.briefing.sources[count:]
    assert (outer.meta.attached_to, attached.meta.attached_to) == ("", "Fwd: Budget figures")
    pane = window.source_pane
    pane.select_source(attached.id)
    assert "Attached to the e-mail “Fwd: Budget figures”" in pane.meta.text()
    assert "Budget figures.eml" not in pane.meta.text()  # no file anyone has
    pane.select_source(outer.id)
    assert "fwd.eml" in pane.meta.text() and "Attached" not in pane.meta.text()
    pane.select_source(attached.id)
    dialog = SourceDetailsDialog(attached, window)
    qtbot.addWidget(dialog)
    assert "Attached to the e-mail “Fwd: Budget figures”" in dialog.findChild(QLabel, "sourceFileInfo").text()
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("latin-1", True)))
    with qtbot.waitSignal(window.updater.updated, timeout=10_000):
        window.action("reopen_encoding").trigger()
    assert window.document.briefing.source(attached.id).meta.attached_to == "Fwd: Budget figures"
    assert install_translators("fr") == "fr"
    try:
        pane.show_meta(window.document.briefing.source(attached.id))
        assert "Joint au courriel «\u00a0Fwd: Budget figures\u00a0»" in pane.meta.text()
    finally:
        install_translators("en")
