"""Messages of the plain-Python layers (an importer's refusal, the file reader's, a lock's, an export's) that the
window shows in its language and the command line shows in English.

A Message is an English template with named placeholders ("{name}: is not a PDF file") and the values to put in
them. str() is the English text, exactly as the error said it before; the GUI renders it through Qt's translation
(gui/i18n.py's `shown_error`). Templates are marked with QT_TRANSLATE_NOOP (a no-op here) in CONTEXT, so Qt's lupdate
puts them in the French catalogue; placeholders keep their names in every language.

A value may itself be a Message, or one of our errors carrying one (its `message`), and is then translated too; any
other value (a file name, the system's or a library's own text) is shown as it is.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Callable

CONTEXT = "Messages"  # the catalogue's context of every template, looked up by the GUI

_PLACEHOLDER = re.compile(r"\{(\w+)\}")

Translate = Callable[[str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Marks text for Qt's translation catalogue and returns it unchanged: this module stays plain Python."""
    return text


def _same(text: str) -> str:
    return text


class Message(str):
    """A template (English, marked for translation) and its values. As a str it is the English text, so it goes
    wherever a problem's text went before (the command line, a log, a test's `in`); `render` translates it."""

    template: str
    values: dict[str, object]

    def __new__(cls, template: str, /, **values: object) -> Message:
        message = super().__new__(cls, _fill(template, values, _same))
        message.template = template
        message.values = values
        return message

    def render(self, translate: Translate = _same) -> str:
        """The text with the template and every value that is a message passed through translate."""
        return _fill(self.template, self.values, translate)

    def __repr__(self) -> str:
        return f"Message({self.template!r}, {self.values!r})"

    def __reduce__(self) -> tuple[object, ...]:  # copied or pickled as a message, not as its English text
        return (_rebuild, (self.template, self.values))


def _rebuild(template: str, values: dict[str, object]) -> Message:
    return Message(template, **values)


def _fill(template: str, values: dict[str, object], translate: Translate) -> str:
    """Each {placeholder} of the (translated) template filled in once: a value's own braces are left alone."""

    def fill(match: re.Match[str]) -> str:
        key = match.group(1)
        return render(values[key], translate) if key in values else match.group(0)

    return _PLACEHOLDER.sub(fill, translate(template))


def extension(suffix: str, *, quoted: bool = True) -> str:
    """A file's extension as a message shows it: '.pdf' (quoted, unless asked not to), or "(no extension)"."""
    if not suffix:
        return Message(QT_TRANSLATE_NOOP("Messages", "(no extension)"))
    return repr(suffix) if quoted else suffix


def named(name: object, problem: object) -> Message:
    """A problem said of a file (or of what stands for one): "note.pdf: is read-only"."""
    return Message(QT_TRANSLATE_NOOP("Messages", "{name}: {problem}"), name=name, problem=problem)


_PAGE_SIZE_NAMES = {"letter": QT_TRANSLATE_NOOP("Messages", "Letter"), "a4": QT_TRANSLATE_NOOP("Messages", "A4")}


def template_stand_in(template: str, page_size: str, font: str, font_size_pt: float) -> Message:
    """A note whose template is not installed (a colleague's department template) is laid out with a stand-in: the
    window says so on opening and in each export's warnings, so a note never goes out in another layout unknowingly.
    The values are the stand-in's own layout."""
    return Message(
        QT_TRANSLATE_NOOP(
            "Messages",
            "template '{template}' is not installed; the export uses Briefing's default layout instead "
            "({page_size}, {font} {font_size_pt} pt)",
        ),
        template=template,
        page_size=Message(_PAGE_SIZE_NAMES.get(page_size, page_size)),  # (the identifier, "letter", is no word)
        font=font,
        font_size_pt=f"{font_size_pt:g}",
    )


def template_not_installed(name: object, template: str, installed: list[str], folder: object) -> Message:
    """A briefing whose template is not installed here (a colleague's department template), and how to proceed, for
    the command line and the window alike: copy the template's file into the user's templates folder, or use one
    installed (the command line adds how: `--template NAME`)."""
    return Message(
        QT_TRANSLATE_NOOP(
            "Messages",
            "{name}: its template {template} is not installed here (installed: {installed}); copy its file ({file}) "
            "into {folder}, or use one installed",
        ),
        name=name,
        template=repr(template),
        installed=", ".join(installed) or "none",
        file=f"{template}.yaml",
        folder=str(folder),
    )


def message_of(value: object) -> Message | None:
    """The Message a value is or carries (an error's `message`, or its only argument), else None."""
    if isinstance(value, Message):
        return value
    carried = getattr(value, "message", None)
    if isinstance(carried, Message):
        return carried
    if isinstance(value, BaseException) and len(value.args) == 1 and isinstance(value.args[0], Message):
        return value.args[0]  # an error made with a message alone: OperationError(Message(...))
    return None


def render(value: object, translate: Translate = _same) -> str:
    """A message, an error or any value as text, translated where it is (or carries) a Message."""
    message = message_of(value)
    return message.render(translate) if message is not None else str(value)


def one_line(value: object) -> str | Message:
    """A problem on one line: a text (a library's, the system's) joined into one; a message with each of its
    values so joined (its templates are one line)."""
    message = message_of(value)
    if message is None:
        return " ".join(str(value).split())
    return Message(message.template, **{key: one_line(part) for key, part in message.values.items()})


# The commonest reasons the system gives for a failed read or write, in the system's (Linux's) English words, marked
# for translation so that the French window does not show English inside a French sentence; the command line keeps
# these words. Any other reason is shown as the system words it.
_SYSTEM_REASONS = {
    errno.EACCES: QT_TRANSLATE_NOOP("Messages", "Permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("Messages", "Operation not permitted"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("Messages", "No space left on device"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("Messages", "Disk quota exceeded"),
    errno.EROFS: QT_TRANSLATE_NOOP("Messages", "Read-only file system"),
    errno.ENOENT: QT_TRANSLATE_NOOP("Messages", "No such file or directory"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("Messages", "File name too long"),
    errno.EISDIR: QT_TRANSLATE_NOOP("Messages", "Is a directory"),
}


def system_reason(exc: BaseException) -> str:
    """Why a read or write failed, for a message's "({reason})": a common system error as a Message (in the
    interface language in the window), any other the system's own text, or the error's."""
    if isinstance(exc, OSError):
        known = _SYSTEM_REASONS.get(exc.errno) if exc.errno is not None else None
        if known is not None:
            return Message(known)
        if exc.strerror:
            return exc.strerror
    return str(exc)
