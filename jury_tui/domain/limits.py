"""The documented limits on what a session may hold (docs/security.md, "Limits").

Generous for any real call, small enough that every screen, file and report stays quick. The domain
records carry them as pydantic constraints, so every read (`check`, `new`, the stores, the chair's
import) refuses what exceeds them with one line naming the field.
"""

from __future__ import annotations

MAX_ID = 64  # ids of sessions, criteria, rules, applications and jurors (characters)
MAX_CRITERIA = 50  # scored criteria in a criteria set
MAX_ELIGIBILITY_RULES = 50  # eligibility rules in a criteria set
MAX_SCALE_STEPS = 101  # steps of the scale (0-100 at most)
MAX_GUIDANCE = 50  # guidance lines per criterion
MAX_APPLICATIONS = 2_000  # applications in a session
MAX_JURORS = 100  # jurors in a session
MAX_SECTIONS = 100  # sections (## headings) in one application
MAX_PARTNERS = 100  # partner organisations named in one application
MAX_NAME = 200  # names: jurors, municipalities, neighbourhoods, section headings (characters)
MAX_TITLE = 500  # titles of a session and of an application (characters)
MAX_TEXT = 10_000  # texts of the criteria set (names, descriptions, guidance, labels) and summaries
MAX_SECTION = 100_000  # the text of one section of an application (characters)
MAX_MOTIVATION = 100_000  # a motivation, minority view or reason, of a juror or of the chair (characters)
MAX_AMOUNT = 10**13  # euro: a budget or an amount (ten thousand billion; more is a typing error)
