"""The table of contents of the evaluation report and of the advice, read back: every entry's page
is the page where its heading stands (a heading pushed to the next page took its entry along)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from evaluation_round import CREATED, HASSELT, follow_up_round
from test_export import advice_data, consolidate_demo

from jury_tui.i18n import set_language
from jury_tui.reports.advice_pdf import write_advice_pdf
from jury_tui.reports.evaluation_data import build_evaluation_data
from jury_tui.reports.evaluation_pdf import write_evaluation_pdf

ENTRY = re.compile(r"^\s*(?:(\d+(?:\.\d+)*|A\.\d+)\s+)?(\S.*?)\s{2,}(\d+)$")


@pytest.fixture(autouse=True)
def dutch():
    set_language("nl")
    yield
    set_language("nl")


def pages_of(path: Path) -> list[list[str]]:
    """Each page's lines, whitespace collapsed (pdftotext keeps the table of contents' columns)."""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [[re.sub(r"\s+", " ", line).strip() for line in page.splitlines()] for page in text.split("\f")]


def toc_mismatches(path: Path) -> tuple[int, list[str]]:
    """(entries read, the entries whose page is not the page where the heading starts)."""
    pages = pages_of(path)
    toc = next(index for index, lines in enumerate(pages) if "Inhoud" in lines)
    raw = subprocess.run(["pdftotext", "-layout", "-f", str(toc + 1), "-l", str(toc + 1), str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    entries = [match.groups() for line in raw.splitlines() if (match := ENTRY.match(line)) and "pagina" not in line]
    wrong, after = [], toc + 1  # index of the first page to look at
    for number, title, page in entries:
        heading = f"{number or ''} {title}".strip()[:30]  # a long heading may wrap
        # the headings come in the order of the contents: look from the previous one on
        found = [index + 1 for index, lines in enumerate(pages) if index >= after and any(line.startswith(heading) for line in lines)]
        assert found, f"{heading!r} is on no page"
        if int(page) != found[0]:
            wrong.append(f"{heading}: contents say {page}, heading on {found[0]}")
        after = found[0] - 1
    return len(entries), wrong


@pytest.mark.parametrize("final", [False, True], ids=["yearly", "final"])
def test_every_contents_entry_of_the_evaluation_points_at_its_heading(tmp_path, final):
    session, store = follow_up_round(tmp_path / "data", tmp_path, final=HASSELT if final else None)
    data = build_evaluation_data(session, store.submissions(), store.decisions(), store.deliberation(),
                                 final=final, created=CREATED)
    out = tmp_path / "evaluation.pdf"
    write_evaluation_pdf(data, out)
    count, wrong = toc_mismatches(out)
    assert count == 3 + 3 + 1 + (1 if final else 11) + 7  # chapters 1-3 with their sections, the annex with its six
    assert wrong == []


def test_every_contents_entry_of_the_advice_points_at_its_heading(tmp_path):
    _, chair = consolidate_demo(tmp_path / "data")
    out = tmp_path / "advies.pdf"
    write_advice_pdf(advice_data(chair), out)
    count, wrong = toc_mismatches(out)
    assert count > 30
    assert wrong == []
