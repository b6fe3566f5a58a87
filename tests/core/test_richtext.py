"""The note markup: bold, italic, escapes and list lines, parsed in core.richtext."""

from __future__ import annotations

import pytest

from briefing.core.richtext import (
    Run,
    escape,
    list_label,
    note_lines,
    parse_inline,
    parse_line,
    plain,
    scan_line,
    toggle,
)


def test_bold_and_italic_runs() -> None:
    assert parse_inline("a **bold** and *italic* word") == (
        Run("a "),
        Run("bold", bold=True),
        Run(" and "),
        Run("italic", italic=True),
        Run(" word"),
    )
    assert parse_inline("***both***") == (Run("both", bold=True, italic=True),)
    assert parse_inline("**b *i* b**") == (Run("b ", True), Run("i", True, True), Run(" b", True))


@pytest.mark.parametrize(
    "text",
    [
        "5 * 3 = 15", "a lone * star", "** spaced **", "**not closed", "*not closed", "a ** b", r"C:\Users\analyst",
        "2*3*4", "3 * 4 = 12 ; 2*3*4.", "10**6 and 10**9", 'foo*"bar"*',  # digits apart (QA2 17); CommonMark flanking
    ],
)  # fmt: skip
def test_asterisks_that_open_nothing_stay_as_typed(text: str) -> None:
    assert parse_inline(text) == (Run(text),)


@pytest.mark.parametrize(
    "text",
    ["2*x + 3*y", "Revenue grew 5*3 = 15 per cent; the rate*time product* matters.", "un*frigging*believable",
     "a**b**c", "x*y*", "2*x*3 and **4**5"],
)  # fmt: skip
def test_an_asterisk_inside_a_word_or_a_formula_is_text(text: str) -> None:
    # QA10 D7: "2*x + 3*y" printed "2x + 3y" with "x + 3" in italics (CommonMark allows emphasis inside a word)
    assert parse_inline(text) == (Run(text),)
    assert scan_line(text).marks == ()  # the editor greys no asterisk of it


def test_emphasis_at_a_words_edges() -> None:
    assert parse_inline("2 *3* 4") == (Run("2 "), Run("3", italic=True), Run(" 4"))
    assert parse_inline("l'*ambassade* and *word*'s, (**x**).") == (
        Run("l'"), Run("ambassade", italic=True), Run(" and "), Run("word", italic=True), Run("'s, ("),
        Run("x", bold=True), Run(")."),
    )  # fmt: skip
    assert parse_inline('(*see*) *"quoted"*') == (
        Run("("), Run("see", italic=True), Run(") "), Run('"quoted"', italic=True)
    )  # fmt: skip


def test_escapes_keep_literal_asterisks_and_backslashes() -> None:
    assert parse_inline(r"\*not italic\* and \ a backslash") == (Run(r"*not italic* and \ a backslash"),)
    for text in ["*a*", r"back\slash", "**x** \\*", "5 * 3", "x\\", "\\\\srv\\s\\*"]:
        assert parse_inline(escape(text)) == (Run(text),)  # escape() gives markup that reads back as the text


@pytest.mark.parametrize(
    ("line", "kind", "level", "start", "text"),
    [
        ("- item", "bullet", 0, 1, "item"),
        ("• item", "bullet", 0, 1, "item"),
        ("* item", "bullet", 0, 1, "item"),
        ("  - nested", "bullet", 1, 1, "nested"),
        ("\t\t- deeper", "bullet", 2, 1, "deeper"),
        ("1. first", "number", 0, 1, "first"),
        ("3) third", "number", 0, 3, "third"),
        ("c) third", "letter", 0, 3, "third"),
        ("-5 degrees", "", 0, 1, "-5 degrees"),
        ("2016. A year", "", 0, 1, "2016. A year"),
        ("*italic* start", "", 0, 1, "italic start"),
        ("A) not a list", "", 0, 1, "A) not a list"),
    ],
)
def test_list_lines(line: str, kind: str, level: int, start: int, text: str) -> None:
    parsed = parse_line(line)
    assert (parsed.kind, parsed.level, parsed.start, parsed.text) == (kind, level, start, text)


@pytest.mark.parametrize(
    ("line", "kind", "start", "text"),
    [
        ("o\tsub item", "bullet", 1, "sub item"),  # Word's bullets, copied as text: "o" and "▪" (or "§") and a tab
        ("▪ third level", "bullet", 1, "third level"),
        ("§\tthird level", "bullet", 1, "third level"),
        ("◦ sub", "bullet", 1, "sub"),
        ("\uf0b7\tWord's Symbol bullet", "bullet", 1, "Word's Symbol bullet"),
        ("(a) paren letter", "letter", 1, "paren letter"),
        ("(c) paren letter", "letter", 3, "paren letter"),
        ("(1) paren num", "number", 1, "paren num"),
        ("i. roman", "roman", 1, "roman"),
        ("iv) roman", "roman", 4, "roman"),
        ("(xii) roman", "roman", 12, "roman"),
        ("b.\tWord's lettered level", "letter", 2, "Word's lettered level"),
        ("A.\tCapital, from Word", "letter", 1, "Capital, from Word"),
        ("B.  Capital, two spaces (as pandoc)", "letter", 2, "Capital, two spaces (as pandoc)"),
        ("II.\tCapital roman", "roman", 2, "Capital roman"),
        # a sentence, an initial or an abbreviation: not a list (QA10 D14: decided conservatively)
        ("A. Smith said so.", "", 1, "A. Smith said so."),
        ("I. M. Pei designed it.", "", 1, "I. M. Pei designed it."),
        ("c. 1900, the embassy opened.", "", 1, "c. 1900, the embassy opened."),
        ("s. 91 of the Act applies.", "", 1, "s. 91 of the Act applies."),
        ("v. Smith was decided in 2019.", "", 1, "v. Smith was decided in 2019."),
        ("o dear, a typo", "", 1, "o dear, a typo"),
        ("§ 3 of the Act", "", 1, "§ 3 of the Act"),
        ("(see below) for more", "", 1, "(see below) for more"),
        ("Mr. Smith", "", 1, "Mr. Smith"),
    ],
)
def test_word_list_labels_pasted_as_text(line: str, kind: str, start: int, text: str) -> None:
    # QA10 D14: "o\t", "▪", "◦", "(a)", "(1)", "i." stayed plain text, half a pasted Word list
    parsed = parse_line(line)
    assert (parsed.kind, parsed.start, parsed.text) == (kind, start, text)


def test_a_list_pasted_from_word_nests_by_its_labels() -> None:
    """Word copies a list as text without its indentation: each level's label says where it belongs."""
    pasted = "Points:\n•\tfirst\no\tsub one\n▪\tsub sub\no\tsub two\n•\tsecond\n1.\tnumbered\na.\tlettered\n"
    pasted += "i.\troman one\nii.\troman two\nb.\tlettered two\n2.\tnumbered two"
    lines = note_lines(pasted)
    assert [(line.kind, line.level, line.start, line.text) for line in lines[1:]] == [
        ("bullet", 0, 1, "first"), ("bullet", 1, 1, "sub one"), ("bullet", 2, 1, "sub sub"),
        ("bullet", 1, 2, "sub two"), ("bullet", 0, 2, "second"),
        ("number", 0, 1, "numbered"), ("letter", 1, 1, "lettered"), ("roman", 2, 1, "roman one"),
        ("roman", 2, 2, "roman two"), ("letter", 1, 2, "lettered two"), ("number", 0, 2, "numbered two"),
    ]  # fmt: skip
    assert [list_label(line.kind, line.level, line.start) for line in lines[7:10]] == ["a)", "i.", "ii."]
    # bullets unindented, as LibreOffice copies them: by their bullet too
    assert [line.level for line in note_lines("• a\n◦ sub\n▪ sub sub\n• b\n- c\n  - typed sub")] == [0, 1, 2, 0, 0, 1]
    # a pasted list after typed items nests among its own labels, not under them
    mixed = note_lines("- typed\n  (a) typed sub\n1.\tpasted\na.\tpasted sub")
    assert [(line.kind, line.level) for line in mixed] == [("bullet", 0), ("letter", 1), ("number", 0), ("letter", 1)]
    # "i)" after "h)" is the ninth letter, not roman one; typed labels keep their typed indentation
    lettered = note_lines("g) seven\nh) eight\ni) nine\nj) ten\n- typed\n1. typed, not nested")
    assert [(line.kind, line.start, line.level) for line in lettered] == [
        ("letter", 7, 0), ("letter", 8, 0), ("letter", 9, 0), ("letter", 10, 0), ("bullet", 1, 0), ("number", 1, 0)
    ]  # fmt: skip


def test_plain_drops_markup_and_markers() -> None:
    assert plain("- **Bold** point\nA *word* and \\*star\\*") == "Bold point\nA word and *star*"


def test_toggle_wraps_and_unwraps_the_selection() -> None:
    text = "make this bold"
    wrapped = toggle(text, 5, 9, "**")
    assert wrapped == ("make **this** bold", 7, 11)
    assert toggle(wrapped[0], wrapped[1], wrapped[2], "**") == ("make this bold", 5, 9)  # selection inside
    assert toggle("make **this** bold", 5, 13, "**") == ("make this bold", 5, 9)  # markers selected too
    assert toggle("make this bold", 5, 10, "*") == ("make *this* bold", 6, 10)  # the trailing space stays out
    assert toggle("make *this* bold", 6, 10, "*") == ("make this bold", 5, 9)
    assert toggle("make **this** bold", 7, 11, "*") == ("make ***this*** bold", 8, 12)  # italic inside bold


def test_scan_line_gives_the_markup_positions_in_the_typed_line() -> None:
    line = "  - a **bold** and \\*x *it*"
    inline = scan_line(line)
    assert [line[a:b] for a, b, _, _ in inline.styled] == ["bold", "it"]
    assert [line[a:b] for a, b in inline.marks] == ["**", "**", "\\", "*", "*"]
    assert inline.runs == parse_line(line).runs


@pytest.mark.parametrize(
    "typed",
    [
        r"Saved at \\ncr-fs01\policy\note.docx today",  # a shared drive's UNC path (QA4 16)
        r"C:\Users\me\ and regex a\\b",
        "ends with two \\\\",
    ],
)
def test_a_backslash_is_printed_as_typed_unless_it_escapes_an_asterisk(typed: str) -> None:
    inline = scan_line(typed)
    assert inline.runs == (Run(typed),) and inline.marks == ()  # the card shows no backslash as markup
    assert plain(typed) == typed
    assert parse_inline(r"a \\*b*") == (Run(r"a \*b*"),)  # only the backslash right before "*" is markup


@pytest.mark.parametrize(
    "typed",
    [r"C:\logs\*.txt", r"dir \\srv\logs\*", r"5 \* 3", r"*.txt and \*.log", r"2\*3"],
)
def test_a_backslash_before_an_asterisk_that_could_not_be_markup_is_kept(typed: str) -> None:
    # QA6 #6: a wildcard path "C:\logs\*.txt" printed as "C:\logs*.txt" in every export
    inline = scan_line(typed)
    assert inline.runs == (Run(typed),) and inline.marks == ()  # the card shows it as it will print
    assert plain(typed) == typed and parse_inline(escape(typed)) == (Run(typed),)


def test_a_backslash_escapes_an_asterisk_that_would_open_or_close_emphasis() -> None:
    assert parse_inline(r"a \*b*") == (Run("a *b*"),)  # would open
    assert parse_inline(r"*a\* b*") == (Run("a* b", italic=True),)  # would close
    assert parse_inline(r"C:\logs\*.txt and *x*") == (Run("C:\\logs\\*.txt and "), Run("x", italic=True))


def test_toggle_over_several_lines_wraps_each_past_its_list_marker() -> None:
    text = "Intro line\n- first item\n  - second\n\nlast"
    bold, start, end = toggle(text, 0, len(text), "**")
    assert bold == "**Intro line**\n- **first item**\n  - **second**\n\n**last**"
    assert [line.kind for line in note_lines(bold)] == ["", "bullet", "bullet", ""]  # still a list
    assert all(run.bold for line in note_lines(bold) for run in line.runs)
    assert toggle(bold, start, end, "**")[0] == text  # and back
    assert toggle(text, 6, 18, "*")[0] == "Intro *line*\n- *first* item\n  - second\n\nlast"


def test_text_without_markup_reads_as_the_full_scan_reads_it() -> None:
    """scan_inline's shortcut for text with no asterisk or backslash gives what the character scan gives."""
    import briefing.core.richtext as richtext

    samples = ["", " ", "Plain words.", "  padded  ", "5 - 3 = 2", "tab\there", "é ü ß — “quoted”", "a_b_c"]
    for text in samples:
        shortcut = richtext.scan_inline(text)
        full = richtext.scan_inline(text + "\\")  # a backslash at the end: the scan runs, same text
        assert shortcut.styled == () and shortcut.marks == ()
        if text:
            assert full.runs[0].text == text + "\\" and not (full.runs[0].bold or full.runs[0].italic)
            assert shortcut.runs == (richtext.Run(text),)
        else:
            assert shortcut.runs == ()
