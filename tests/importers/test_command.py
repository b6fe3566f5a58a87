"""`briefing import`: JSON and human output, order, failures and exit status."""

from __future__ import annotations

import json

from briefing.cli import main
from tests.importers.conftest import REPO

DEMO = REPO / "resources" / "demo" / "canada-iran-talks.txt"


def test_json_output_in_order_with_errors(tmp_path, capsys, corpus) -> None:
    missing = tmp_path / "missing.txt"
    page = corpus / "readability" / "aclu" / "source.html"
    status = main(["import", "--json", str(DEMO), str(missing), str(page)])
    out = capsys.readouterr().out
    found = json.loads(out)
    assert status == 1
    assert [item["file"] for item in found] == [str(DEMO), str(missing), str(page)]
    demo, error, article = found
    assert demo["title"] == "Canada Confirms Talks to Renew Iran Ties"
    assert demo["encoding"] == "utf-8"
    assert demo["text"].startswith("Canada Confirms Talks")
    assert demo["blocks"][0] == {"kind": "title", "level": 1, "start": 0, "end": len(demo["title"])}
    assert error == {"file": str(missing), "error": "missing.txt: file not found"}
    assert article["author"] == "Daniel Kahn Gillmor"
    assert article["publisher"] == "American Civil Liberties Union"
    assert article["language"] == "en" and article["direction"] == "ltr"
    for key in ("title", "author", "publisher", "published", "url", "language", "direction", "encoding", "text"):
        assert key in article


def test_all_good_exits_zero_and_summary(capsys) -> None:
    assert main(["import", str(DEMO)]) == 0
    out = capsys.readouterr().out
    assert "Canada Confirms Talks to Renew Iran Ties" in out
    assert "words" in out


def test_password_and_kind_in_json(capsys, corpus) -> None:
    pdf = corpus / "pdf" / "pypdf__encrypted-file.pdf"
    assert main(["import", "--json", str(pdf)]) == 1
    [item] = json.loads(capsys.readouterr().out)
    assert item["kind"] == "PasswordRequired"
    assert main(["import", "--json", "--password", "test", str(pdf)]) == 0
    [item] = json.loads(capsys.readouterr().out)
    assert item["pages"] >= 1 and all("page" in b for b in item["blocks"])


def test_encoding_override_and_failure_message(tmp_path, capsys) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes("Сводка новостей за день".encode("cp1251"))
    assert main(["import", "--json", "--encoding", "cp1251", str(path)]) == 0
    [item] = json.loads(capsys.readouterr().out)
    assert item["text"] == "Сводка новостей за день"
    assert main(["import", str(tmp_path / "none.pdf")]) == 1
    assert "none.pdf: file not found" in capsys.readouterr().err
