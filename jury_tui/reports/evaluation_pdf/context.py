"""What every section of the evaluation report shares: the advice's Context (styles, headings,
tables, juror labels) over the evaluation data."""

from __future__ import annotations

from jury_tui.i18n import language
from jury_tui.reports.advice_pdf.context import Context
from jury_tui.reports.advice_pdf.styles import paragraph_styles
from jury_tui.reports.evaluation_data import EvaluationData


class EvaluationContext(Context):
    """The advice's Context with the evaluation data: the same headings, tables, labels and the
    shared method pieces (composition, meeting) work on it."""

    def __init__(self, data: EvaluationData, names: bool) -> None:
        self.data = data  # type: ignore[assignment]
        self.session = data.session
        self.criteria = data.session.criteria
        self.names = names
        self.individual = False
        self.lang = language()
        self.s = paragraph_styles()
        self.labels = data.juror_labels(names)
        self.jurors = data.jurors_in_order(names)
        self.position = {juror.id: index for index, juror in enumerate(self.jurors)}
        self.roles = data.roles_shown(names)
        self.toc_entries = []
        self.gaps = data.gaps

    @property
    def evaluation(self) -> EvaluationData:
        return self.data  # type: ignore[return-value]
