"""Build a session definition from the files a secretariat prepares; the demo is built the same way."""

from __future__ import annotations

import dataclasses
import datetime as dt
from importlib import resources
from pathlib import Path

from jury_tui.domain.deliberation import GovernmentDecision
from jury_tui.domain.follow_up import Contract, FollowUpRound, ProgressReport
from jury_tui.domain.session import SessionDefinition
from jury_tui.domain.signing import derived_private_key, new_private_key, public_key
from jury_tui.errors import JuryError, file_error
from jury_tui.formats.applications_file import load_applications
from jury_tui.formats.criteria_file import load_criteria
from jury_tui.formats.jurors_file import load_jurors
from jury_tui.formats.progress_report_file import load_progress_report_files
from jury_tui.formats.validation import validate
from jury_tui.i18n import t

DEMO_SESSION_ID = "wvc-2021-demo"
DEMO_BUDGET = 4_000_000
# Fixed, so every copy of the demo has the same fingerprint and submissions travel between laptops.
DEMO_CREATED_AT = dt.datetime(2021, 9, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
# The demo's keys are derived from this text and each juror's id: the same on every laptop, so the
# demo's fingerprint is too and its submissions travel. They are public: for trying out only.
DEMO_KEY_SEED = "wvc-2021-demo: public demo keys, for trying out only"


def build_session(
    session_id: str,
    criteria_path: Path,
    applications_dir: Path,
    jurors_path: Path,
    budget: float,
    title: str | None = None,
    created_at: dt.datetime | None = None,
    key_seed: str | None = None,
) -> tuple[SessionDefinition, dict[str, bytes]]:
    """The session definition and each juror's private key (juror id -> raw 32 bytes). Every juror
    gets a new Ed25519 key pair; its public key goes into the definition. With `key_seed`, the keys
    are derived from it (domain/signing.derived_private_key): only for the demo and tests, whose
    keys are public."""
    criteria = load_criteria(criteria_path)
    applications = load_applications(applications_dir)
    jurors = load_jurors(jurors_path)
    private_keys = {
        juror.id: derived_private_key(key_seed, juror.id) if key_seed is not None else new_private_key()
        for juror in jurors
    }
    jurors = [dataclasses.replace(juror, public_key=public_key(private_keys[juror.id]).hex()) for juror in jurors]
    data = {
        "id": session_id,
        "title": title or criteria.title.nl,
        "created_at": created_at or dt.datetime.now(dt.timezone.utc).astimezone(),
        "budget": budget,
        "criteria": criteria,
        "applications": applications,
        "jurors": jurors,
    }
    return validate(SessionDefinition, data, session_id), private_keys


def build_follow_up_session(
    session_id: str,
    selection: SessionDefinition,
    government: GovernmentDecision,
    reports_dir: Path,
    criteria_path: Path,
    jurors_path: Path | None = None,
    year: int | None = None,
    title: str | None = None,
    created_at: dt.datetime | None = None,
    key_seed: str | None = None,
    unselected_left_out: bool = False,
) -> tuple[SessionDefinition, dict[str, bytes]]:
    """A follow-up round of `selection` (call §5): its subjects are the contracts the government
    selected (the selection's applications, unchanged, in the decision's order), its reports those in
    `reports_dir` (this year's for every contract, earlier years' where given), its jurors those of
    `jurors_path` or else the selection's jurors, with new keys (or keys derived from `key_seed`).
    `year`: the year under review, else the latest year of the reports. `unselected_left_out`: reports
    of contracts the decision did not select are left out instead of refused (the demo's shipped
    reports under a decision the chair recorded differently)."""
    criteria = load_criteria(criteria_path)
    if not criteria.follow_up:
        raise file_error(criteria_path, t("follow_up.criteria_not_follow_up_file"))
    if not government.selected:
        raise JuryError(t("follow_up.none_selected", session=selection.id))
    files = load_progress_report_files(reports_dir)
    jurors = load_jurors(jurors_path) if jurors_path is not None else [
        dataclasses.replace(juror, public_key=None) for juror in selection.jurors]
    private_keys = {
        juror.id: derived_private_key(key_seed, juror.id) if key_seed is not None else new_private_key()
        for juror in jurors
    }
    jurors = [dataclasses.replace(juror, public_key=public_key(private_keys[juror.id]).hex()) for juror in jurors]
    contracts = []
    applications = []
    for granted in government.selected:
        if not selection.has_application(granted.application_id):
            raise JuryError(t("follow_up.contract_unknown", contract=granted.application_id, session=selection.id))
        applications.append(selection.application(granted.application_id))
        contracts.append(Contract(application_id=granted.application_id, subsidy=granted.amount,
                                  illustrative=granted.illustrative))
    if year is not None and not 2000 <= year <= 2099:
        raise JuryError(t("follow_up.year_range", year=year))
    round_year = year if year is not None else max(report.year for _, report in files)
    if unselected_left_out:
        selected = {granted.application_id for granted in government.selected}
        files = [(path, report) for path, report in files if report.contract in selected]
    try:
        reports = _reports_of_round(selection, government, files, reports_dir, round_year)
    except JuryError as error:
        complete = _latest_complete_year(government, files)
        if year is not None or complete is None or complete == round_year:
            raise
        raise JuryError(f"{error.message} ({t('follow_up.year_hint', year=complete)})") from None
    follow_up = {
        "selection_session": selection.id,
        "selection_fingerprint": selection.fingerprint,
        "decision_reference": government.reference,
        "decided_on": government.decided_on,
        "year": round_year,
        "contracts": contracts,
        "reports": sorted(reports, key=lambda report: (report.contract, report.year)),
    }
    budget = government.total or government.budget or sum(application.requested_subsidy for application in applications)
    data = {
        "id": session_id,
        "title": title or f"{criteria.title.nl} {round_year}",
        "created_at": created_at or dt.datetime.now(dt.timezone.utc).astimezone(),
        "budget": budget,
        "criteria": criteria,
        "applications": applications,
        "jurors": jurors,
        "follow_up": validate(FollowUpRound, follow_up, reports_dir),
    }
    return validate(SessionDefinition, data, session_id), private_keys


def contract_name(selection: SessionDefinition, application_id: str) -> str:
    """'wvc21-10 (Hasselt – Oude Statie-Runkst)': how a message names a contract."""
    if selection.has_application(application_id):
        return f"{application_id} ({selection.application(application_id).label})"
    return application_id


def _latest_complete_year(government: GovernmentDecision, files: list[tuple[Path, ProgressReport]]) -> int | None:
    """The latest year in which every selected contract has a report: what `--year` could say when
    the reports of the latest year are not all in yet."""
    selected = {granted.application_id for granted in government.selected}
    years = sorted({report.year for _, report in files}, reverse=True)
    for year in years:
        if selected <= {report.contract for _, report in files if report.year == year}:
            return year
    return None


def _reports_of_round(selection: SessionDefinition, government: GovernmentDecision,
                      files: list[tuple[Path, ProgressReport]], reports_dir: Path, year: int) -> list[ProgressReport]:
    """The reports a round of `year` holds: every selected contract's of that year and earlier ones;
    a later year's report is left out (the round looks at the contracts as they stood that year).
    A report of a contract that is not selected, or a contract without a report of the year, is
    refused with one line naming the file (or folder) and the contracts."""
    selected = [granted.application_id for granted in government.selected]
    for path, report in files:
        if report.contract not in selected:
            raise file_error(path, t("follow_up.report_not_selected_named",
                                     contract=contract_name(selection, report.contract)))
    kept = [report for _, report in files if report.year <= year]
    present = {report.contract for report in kept if report.year == year}
    missing = [contract_name(selection, aid) for aid in selected if aid not in present]
    if missing:
        raise file_error(reports_dir, t("follow_up.reports_missing", year=year, count=len(missing),
                                        total=len(selected), contracts=", ".join(missing)))
    return kept


def shipped_criteria_dir() -> Path:
    """The criteria sets shipped with the package (installed), or the repository's criteria/ (editable)."""
    installed = Path(str(resources.files("jury_tui"))) / "_criteria"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "criteria"


def demo_data_dir() -> Path:
    return Path(str(resources.files("jury_tui"))) / "demo_data"


def demo_private_keys(session: SessionDefinition) -> dict[str, bytes]:
    return {juror.id: derived_private_key(DEMO_KEY_SEED, juror.id) for juror in session.jurors}


def build_demo_session() -> SessionDefinition:
    """The demo session; its private keys: demo_private_keys (public, derived)."""
    return build_session(
        DEMO_SESSION_ID,
        shipped_criteria_dir() / "wvc-2021.toml",
        demo_data_dir() / "applications",
        demo_data_dir() / "jurors.toml",
        DEMO_BUDGET,
        title="Wijkverbeteringscontracten 2021 – demosessie",
        created_at=DEMO_CREATED_AT,
        key_seed=DEMO_KEY_SEED,
    )[0]
