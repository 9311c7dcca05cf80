"""The baseline repository that rule examples are laid over, and how to read an example.

Every rule's docstring has a ``Failing example::`` and a ``Passing example::`` block. Each is a
small file tree: a ``# path/to/file.yaml`` comment line starts each file. The tree is laid over
:data:`BASELINE`, a complete repository that passes every rule on :data:`EXAMPLE_TODAY`: the
top-level keys of a file in the example replace the same keys of the baseline file, a new path
adds a file, and ``# path.yaml (removed)`` deletes one. So an example only shows what matters.
"""

from __future__ import annotations

import re
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import yaml

EXAMPLE_TODAY = date(2026, 6, 1)
"""The date examples are checked on."""

BASELINE: dict[str, str] = {
    "strategy.yaml": """\
organisation: Example Community Trust
title: Digital strategy 2026 to 2029
mission: Patients and staff can get what they need from us online, first time.
owner:
  name: Sam Lee
  role: Chief Executive
  function: corporate
horizon:
  start: 2026-04-01
  end: 2029-03-31
review:
  cadence: quarterly
  last_reviewed: 2026-04-15
maturity: siloed
objectives:
  - id: shorter-waits
    title: Cut waiting times for planned care
    kind: clinical
principles:
  - name: Start with what people need
    meaning: We learn what patients and staff need before we choose anything.
system:
  name: Example Integrated Care System
  alignment: We share one care record and one front door for patients with our partners.
  shared_priorities:
    - Shared care record
not_doing:
  - what: A patient app of our own
    why: A national app already does this well, so we will link to it instead.
delivered:
  - what: Outpatient letters sent online
    when: 2025-11-30
    impact: Nine in ten letters now arrive the same day instead of a week later.
risks:
  - risk: A cyber attack could take booking offline for several days.
    kind: cyber-security
    owner:
      name: Jo Park
      role: Head of Cyber Security
      function: digital
    mitigation: Tested paper procedures and backups kept apart from the network.
indicators:
  - name: Appointments booked online
    kind: take-up
    baseline: 20
    target: 60
    due: 2029-03-31
    unit: "%"
capacity:
  concurrent_initiatives: 3
ways_of_working:
  - area: finance
    change: Teams get a yearly budget instead of a business case for each project.
rhythm:
  - kind: show-and-tell
    frequency: fortnightly
  - kind: re-prioritisation
    frequency: quarterly
communication:
  published_at: https://example.org/digital-strategy
  channels:
    - Staff briefings
scoring:
  model: weighted
  criteria:
    - id: patient-benefit
      label: Patient benefit
      weight: 50
      min: 0
      max: 10
    - id: staff-benefit
      label: Staff benefit
      weight: 25
      min: 0
      max: 5
    - id: financial-benefit
      label: Financial benefit
      weight: 25
      min: 0
      max: 5
""",
    "services/outpatient-booking.yaml": """\
name: Outpatient appointment booking
description: Patients book, change and cancel outpatient appointments.
kind: transaction
owner:
  name: Lee Chan
  role: Head of Outpatients
  function: operational
team: Outpatient booking team
measures:
  measured_on: 2026-03-31
  volume_per_year: 120000
  cost_per_use: 12.5
  quality: 70
  digital_take_up: 20
  user_satisfaction: 72
  completion_rate: 85
  failure_demand: 15
opportunity:
  level: high
  why: Most changes to appointments are made by phone during office hours.
users:
  - outpatients
""",
    "users/outpatients.yaml": """\
name: Outpatients
kind: patient
description: People with a hospital appointment that does not need an overnight stay.
at_risk_of_exclusion: true
specific_needs:
  - kind: digital-exclusion
    note: One in ten has no smartphone, so every online route keeps a phone route.
needs:
  - id: know-when
    statement: As a patient I need to know when my appointment is, so I can plan around it.
    priority: high
    evidence:
      - source: complaints
        date: 2026-02-01
        summary: One complaint in five is about letters arriving after the appointment.
        voices: wider
""",
    "initiatives/online-booking.yaml": """\
name: Online booking for outpatients
description: Patients can see, book and change their outpatient appointments online.
owner:
  name: Dr Asha Patel
  role: Clinical Director for Outpatients
  function: clinical
category: improve
type: core
status: in-progress
exemplar: true
needs:
  - outpatients/know-when
services:
  - outpatient-booking
objectives:
  - shorter-waits
scores:
  patient-benefit: 8
  staff-benefit: 4
  financial-benefit: 3
effort: 3
start: 2026-04-01
end: 2026-09-30
sourcing:
  approach: buy
  rationale: Good booking products exist and are used by similar trusts.
""",
    "commitments/rebook-online.yaml": """\
statement: Patients can change an outpatient appointment online in under five minutes.
outcome: Fewer missed appointments and fewer calls to the booking line.
owner:
  name: Lee Chan
  role: Head of Outpatients
  function: operational
initiatives:
  - online-booking
measure:
  metric: Appointment changes made online
  unit: "%"
  baseline: 0
  baseline_date: 2026-03-31
  target: 50
  source: Booking system monthly report
due: 2027-03-31
status: on-track
""",
}
"""A small, complete repository that passes every rule on :data:`EXAMPLE_TODAY`."""

_FILE_LINE = re.compile(r"^#\s*(?P<path>[\w./-]+\.ya?ml)\s*(?P<removed>\(removed\))?\s*$")


def example_block(doc: str, label: str) -> str | None:
    """The literal block following ``label::`` (e.g. ``Failing example``) in a docstring."""
    lines = textwrap.dedent(doc).splitlines()
    for i, line in enumerate(lines):
        if line.strip() == f"{label}::":
            block: list[str] = []
            for following in lines[i + 1 :]:
                if following.strip() and not following.startswith((" ", "\t")):
                    break
                block.append(following)
            text = textwrap.dedent("\n".join(block)).strip("\n")
            return text or None
    return None


def parse_tree(block: str) -> dict[str, str | None]:
    """``{path: text}`` from an example block; ``None`` marks a removed file."""
    files: dict[str, str | None] = {}
    current: str | None = None
    for line in block.splitlines():
        match = _FILE_LINE.match(line)
        if match:
            current = match["path"]
            files[current] = None if match["removed"] else ""
            continue
        if current is None:
            if line.strip():
                raise ValueError(f"example text before the first `# path.yaml` line: {line!r}")
            continue
        files[current] = f"{files[current] or ''}{line}\n"
    return files


def _merge(base_text: str, overlay_text: str) -> str:
    base: Any = yaml.safe_load(base_text)
    overlay: Any = yaml.safe_load(overlay_text)
    if not isinstance(base, dict) or not isinstance(overlay, dict):
        return overlay_text
    merged = {**base, **overlay}
    return yaml.safe_dump(merged, sort_keys=False, allow_unicode=True, width=1000)


def materialise(root: Path, block: str) -> Path:
    """Write the baseline with ``block`` laid over it into ``root``; returns ``root``."""
    files: dict[str, str | None] = dict(BASELINE)
    for path, text in parse_tree(block).items():
        if text is None:
            files.pop(path, None)
        elif path in files and files[path] is not None:
            files[path] = _merge(files[path] or "", text)
        else:
            files[path] = text
    for path, text in files.items():
        if text is None:
            continue
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root
