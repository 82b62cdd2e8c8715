"""The stores never hold a text they would refuse to read back: what the chair types is held to the
same rules as every file read (no control characters, lengths)."""

from __future__ import annotations

import pytest

from jury_tui.domain.limits import MAX_MOTIVATION
from jury_tui.errors import JuryError


@pytest.mark.parametrize("text", ["goed\x1b[2J", "goed\u202eXX", "x" * (MAX_MOTIVATION + 1)])
def test_a_chair_text_the_store_could_not_read_back_is_refused_and_nothing_kept(small_data_dir, small_session, text):
    from jury_tui.store.chair_store import ChairStore

    store = ChairStore(small_data_dir, small_session)
    with pytest.raises(JuryError, match="overall_motivation"):
        store.set_overall("a1", text)
    assert store.decision("a1").overall_motivation == ""
    assert store.history("a1") == []


def test_a_chair_text_at_the_limit_with_newlines_and_tabs_is_kept(small_data_dir, small_session):
    from jury_tui.store.chair_store import ChairStore

    store = ChairStore(small_data_dir, small_session)
    text = "Regel 1\n\tRegel 2 " + "x" * (MAX_MOTIVATION - 17)
    assert len(text) == MAX_MOTIVATION
    store.set_overall("a1", text)
    assert ChairStore(small_data_dir, small_session).decision("a1").overall_motivation == text
