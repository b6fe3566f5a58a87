"""Web archives (.mhtml, .mht): the page inside a MIME multipart message."""

from __future__ import annotations

import email
import email.policy

from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.importers import ImportOptions, SourceImportError
from briefing.importers.html.decoding import decode_html


def html_part(data: bytes, file_name: str, options: ImportOptions) -> tuple[str, str, str]:
    """The archive's first HTML part, decoded: (html, encoding, the page's address as the archive gives it)."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            payload = payload if isinstance(payload, bytes) else b""
            charset = part.get_content_charset()
            sub_options = ImportOptions(encoding=options.encoding or charset, warnings=options.warnings)
            try:
                html_text, encoding = decode_html(payload, file_name, sub_options)
            except SourceImportError:
                html_text, encoding = decode_html(payload, file_name, ImportOptions(warnings=options.warnings))
            url = str(message.get("Snapshot-Content-Location") or part.get("Content-Location") or "")
            return html_text, encoding, url
    raise SourceImportError(
        file_name, Message(QT_TRANSLATE_NOOP("Messages", "is not a web archive (no HTML page inside)"))
    )
