"""The small Markdown renderer of application texts (pure: no app)."""

from __future__ import annotations

import time

from rich.cells import cell_len

from jury_tui.ui.widgets.light_markdown import (
    BOLD,
    CODE_STYLE,
    HEADING_STYLES,
    ITALIC,
    Heading,
    Item,
    Paragraph,
    Quote,
    Rule,
    inline,
    parse,
    render,
)


def plain(text: str, width: int = 40) -> list[str]:
    return [line.plain for line in render(text, width)]


def styled(content) -> list[tuple[str, str]]:
    """(text, style) of each span, in order."""
    return [(content.plain[span.start:span.end], str(span.style)) for span in content.spans]


def assert_fits(lines, width: int) -> None:
    for line in lines:
        assert cell_len(line.plain) <= width, line.plain


# ---------------------------------------------------------------------------------------- blocks


def test_headings_of_every_level_with_a_blank_line_before():
    blocks = parse("# One\n## Two ##\n### Three\n###### Six\n#hashtag is text")
    assert [(block.level, block.text.plain) for block in blocks if isinstance(block, Heading)] == [
        (1, "One"), (2, "Two"), (3, "Three"), (6, "Six")]
    assert blocks[-1] == Paragraph(inline("#hashtag is text"))
    lines = render("Intro\n\n## Section\n\nBody", 40)
    assert [line.plain for line in lines] == ["Intro", "", "Section", "", "Body"]
    assert styled(lines[2]) == [("Section", HEADING_STYLES[2])]
    assert "$text-accent" in HEADING_STYLES[2] and "bold" in HEADING_STYLES[2]


def test_paragraph_lines_are_joined_and_wrapped_to_the_width():
    text = "Een eerste regel\ndie doorloopt op de volgende\nen nog een.\n\nTweede alinea."
    assert parse(text) == [Paragraph(inline("Een eerste regel die doorloopt op de volgende en nog een.")),
                           Paragraph(inline("Tweede alinea."))]
    lines = plain(text, 20)
    assert lines == ["Een eerste regel die", "doorloopt op de", "volgende en nog een.", "", "Tweede alinea."]
    assert_fits(render(text, 20), 20)


def test_two_trailing_spaces_break_the_line():
    assert plain("eerste  \ntweede") == ["eerste", "tweede"]


def test_bullets_have_a_hanging_indent_at_a_narrow_width():
    text = "Acties:\n\n- Een stadsmarinier met een klein wijkteam en een casusoverleg.\n* Kort\n+ Ook kort"
    lines = plain(text, 24)
    assert lines[:2] == ["Acties:", ""]
    items = lines[2:]
    assert items[0].startswith("• Een stadsmarinier")
    continuation = items[1:items.index("• Kort")]
    assert continuation and all(line.startswith("  ") and line[2] != " " for line in continuation)
    assert items[-2:] == ["• Kort", "• Ook kort"]
    assert_fits(render(text, 24), 24)
    # the words all survive the wrapping
    assert " ".join(line.strip(" •") for line in items).split() == (
        "Een stadsmarinier met een klein wijkteam en een casusoverleg. Kort Ook kort".split())


def test_wrapped_continuation_lines_of_an_item_join_the_item():
    text = "- een item dat in de bron\n  verder loopt\n- en een tweede\nlui vervolg"
    assert parse(text) == [Item(0, "•", inline("een item dat in de bron verder loopt")),
                           Item(0, "•", inline("en een tweede lui vervolg"))]


def test_numbered_list_keeps_its_numbers_and_aligns_under_the_text():
    lines = plain("1. Eerste stap die lang genoeg is om te wrappen\n2. Tweede\n3) Derde", 20)
    assert lines[0].startswith("1. Eerste")
    assert lines[1].startswith("   ") and lines[1][3] != " "
    assert "2. Tweede" in lines and "3) Derde" in lines


def test_a_number_continuing_a_paragraph_is_text_unless_it_starts_a_list():
    assert parse("In het jaar\n2021. Was het") == [Paragraph(inline("In het jaar 2021. Was het"))]
    assert [type(block) for block in parse("Stappen:\n1. een\n2. twee")] == [Paragraph, Item, Item]


def test_nested_lists_by_indentation():
    text = "- boven\n  - onder, lang genoeg om te wrappen\n    - dieper\n- terug\n  1. genummerd"
    blocks = parse(text)
    assert [(block.depth, block.text.plain) for block in blocks] == [
        (0, "boven"), (1, "onder, lang genoeg om te wrappen"), (2, "dieper"), (0, "terug"), (1, "genummerd")]
    lines = plain(text, 24)
    assert lines[0] == "• boven"
    assert lines[1].startswith("  ◦ onder")  # under the parent's text
    assert lines[2].startswith("    ") and lines[2][4] != " "  # hanging under "onder"
    assert any(line.startswith("    ▪ dieper") for line in lines)
    assert "• terug" in lines and "  1. genummerd" in lines


def test_one_space_more_is_not_yet_nesting():
    assert [block.depth for block in parse("- a\n - b\n- c")] == [0, 0, 0]


def test_a_further_paragraph_of_an_item_stays_indented():
    lines = plain("- item\n\n  meer over het item\n\nNa de lijst.")
    assert lines == ["• item", "", "  meer over het item", "", "Na de lijst."]


def test_block_quote_and_rule():
    blocks = parse("> Een citaat\n> dat doorloopt\n\n---\n\nNa")
    assert isinstance(blocks[0], Quote) and blocks[1] == Rule()
    lines = render("> Een citaat met **nadruk** dat doorloopt over regels", 20)
    assert all(line.plain.startswith("▌ ") for line in lines)
    assert_fits(lines, 20)
    assert ("▌ ", "$text-muted") in styled(lines[0])
    assert any(style == ITALIC for _, style in styled(lines[0]))
    assert plain("boven\n\n---\n\nonder", 10) == ["boven", "", "─" * 10, "", "onder"]
    assert plain("* * *", 5) == ["─" * 5]


def test_empty_and_blank_bodies():
    assert parse("") == [] and render("", 40) == []
    assert parse("\n  \n\n") == []


# ---------------------------------------------------------------------------------------- inline


def test_bold_italic_and_code():
    content = inline("**vet** en __ook vet__, *schuin* en _ook schuin_, `code` en ***beide***")
    assert content.plain == "vet en ook vet, schuin en ook schuin, code en beide"
    assert styled(content) == [("vet", BOLD), ("ook vet", BOLD), ("schuin", ITALIC), ("ook schuin", ITALIC),
                               ("code", CODE_STYLE), ("beide", "bold italic")]


def test_nested_emphasis():
    content = inline("**vet met *schuin* erin**")
    assert content.plain == "vet met schuin erin"
    assert ("vet met schuin erin", BOLD) in styled(content) and ("schuin", ITALIC) in styled(content)


def test_emphasis_only_at_word_boundaries():
    for text in ("snake_case_words", "2*3*4", "een lone * ster", "a * b * c", "x_1 en y_2", "5 * 3 = 15"):
        content = inline(text)
        assert content.plain == text and not content.spans, text
    assert styled(inline("(*ja*), _ja_.")) == [("ja", ITALIC), ("ja", ITALIC)]


def test_unterminated_markers_show_literally():
    for text in ("**niet gesloten", "*half", "`open code", "__x", "** ruimte**"):
        content = inline(text)
        assert content.plain == text and not content.spans, text
    assert inline("**a** en **b").plain == "a en **b"


def test_code_is_literal_inside():
    content = inline("zie `a_b *c*` hier")
    assert content.plain == "zie a_b *c* hier"
    assert styled(content) == [("a_b *c*", CODE_STYLE)]


def test_backslash_escapes_and_other_backslashes():
    assert inline(r"\*geen\* \_nadruk\_ C:\Users").plain == r"*geen* _nadruk_ C:\Users"
    assert not inline(r"\*geen\*").spans


def test_markup_characters_show_literally():
    text = "[b]x[/b] <i> & \\ [link](http://x) ![img](y) <br>"
    assert plain(text, 80) == [text]
    assert not inline(text).spans


def test_tables_and_fences_keep_their_lines():
    lines = plain("| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode  regel\n  ingesprongen\n```\nna")
    assert lines == ["| a | b |", "|---|---|", "| 1 | 2 |", "", "code  regel", "  ingesprongen", "", "na"]


def test_a_huge_paragraph_renders_quickly():
    text = ("Een woord met *wat* nadruk en **meer** en een * ster " * 2000)[:100_000]
    assert len(text) == 100_000
    started = time.perf_counter()
    lines = render(text, 60)
    assert time.perf_counter() - started < 2
    assert_fits(lines, 60)
    assert len(lines) > 1000
    pathological = "*a " * 33_000 + "_b " * 1000
    started = time.perf_counter()
    assert "".join(line.plain for line in render(pathological, 80)).replace(" ", "") == pathological.replace(" ", "")
    assert time.perf_counter() - started < 2


def test_wide_characters_wrap_within_the_width():
    text = "漢字仮名交じり文の例です。" * 6 + " 🙂🙂🙂 einde"
    for width in (7, 15, 40):
        lines = render(text, width)
        assert_fits(lines, width)
        assert "".join(line.plain for line in lines).replace(" ", "") == text.replace(" ", "")
    lines = render("- " + "漢字仮名交じり文の例です。" * 3, 12)
    assert_fits(lines, 12)
    assert all(line.plain.startswith("  ") for line in lines[1:])


def test_tiny_widths_never_fail():
    text = "# Kop\n\n- a\n  - b met tekst\n    - c\n\n> citaat\n\n---\n\n1. x"
    for width in range(0, 12):
        render(text, width)


def test_deeply_nested_quotes_stay_bounded_and_within_the_width():
    text = ">" * 3000 + " diep"
    lines = render(text, 40)
    assert lines and all(cell_len(line.plain) <= 40 for line in lines)
    assert "diep" in "".join(line.plain for line in lines)
