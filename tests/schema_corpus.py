"""One corpus of valid and invalid values for every kind of field, in every kind of file.

Each case is a file kind, a YAML fragment and the verdict both the JSON Schema (``digistrat
schema``) and ``digistrat check`` must reach. The fragment replaces the keys it names in a small
valid file of that kind (``BASE``). tests/test_schema_corpus.py runs every case through both.

``KNOWN_DIFFERENCES`` lists the only cases where they differ, each with why it cannot be helped;
docs/format.md ("How values are read") says the same to users.
"""

from __future__ import annotations

from typing import NamedTuple

BASE = {
    "strategy": "organisation: Riverside NHS Trust\ntitle: Digital strategy\n",
    "services": "name: Outpatient booking\nkind: transaction\n",
    "users": "name: Outpatients\nkind: patient\n",
    "initiatives": "name: Online booking\ncategory: improve\n",
    "commitments": "statement: Patients can book online.\n",
}
"""A valid file of each kind, the smallest there is."""


class Case(NamedTuple):
    kind: str
    fragment: str
    valid: bool
    whole: bool = False
    """The fragment is the whole file (not merged into ``BASE``)."""

    @property
    def name(self) -> str:
        text = self.fragment.strip()
        return (
            f"{self.kind}:{text if len(text) <= 60 else f'{text[:25]}…{text[-25:]}({len(text)})'}"
        )


def _cases(kind: str, valid: bool, *fragments: str) -> list[Case]:
    return [Case(kind, fragment, valid) for fragment in fragments]


_LONG_NAME = "x" * 300
_LONG_TEXT = "x" * 20_000

CASES: list[Case] = [
    # Dates: text written year-month-day, a real day, from 1900 to 2200.
    *_cases(
        "commitments",
        True,
        "due: 2027-03-31",
        'due: "2027-03-31"',
        "due: '2027-03-31'",
        "due: 2028-02-29",
        "due: 1900-01-01",
        "due: 2200-12-31",
        "due: ~",
        "due:",
        "progress:\n  - date: 2026-06-30\n    note: Started.\n",
    ),
    *_cases(
        "commitments",
        False,
        "due: 2027",
        "due: 2027-13-01",
        "due: 2027-02-30",
        "due: 2027-00-10",
        "due: 2027-3-31",
        "due: 31/03/2027",
        "due: 31 March 2027",
        "due: 20270331",
        "due: 1700006400",
        "due: 2027-03-31T10:00:00",
        "due: 2027-03-31 10:00",
        "due: 1899-12-31",
        "due: 2201-01-01",
        "due: 9999-12-31",
        'due: ""',
        "due: true",
        "due: [2027-03-31]",
        "due: {year: 2027}",
        "progress:\n  - date: 2026-06-31\n    note: Started.\n",
        "progress:\n  - note: Started.\n",
    ),
    *_cases("services", True, "switch_off: 2028-03-31"),
    *_cases("services", False, "switch_off: 2028", "switch_off: March 2028"),
    *_cases("strategy", True, "horizon:\n  start: 2026-04-01\n  end: 2029-03-31\n"),
    *_cases(
        "strategy",
        False,
        "horizon:\n  start: 2026\n  end: 2029\n",
        "horizon:\n  start: 2026-04-01\n",
        "review:\n  cadence: annually\n  last_reviewed: yesterday\n",
    ),
    # Numbers: a number, never text that looks like one, nor true/false; finite; in range.
    *_cases(
        "initiatives",
        True,
        "effort: 3",
        "effort: 3.5",
        "effort: 0",
        "effort: 0.0",
        "effort: 1e3",
        "effort: 1.5e3",
        "effort: 0x10",
        "effort: 0o10",
        "effort: 010",
        "effort: +5",
        "effort: 1000000000000",
        "effort: ~",
        "cost: 250000",
        "scores:\n  benefit: 4\n  risk: 2.5\n",
        "scores: {}",
    ),
    *_cases(
        "initiatives",
        False,
        'effort: "3"',
        "effort: '3.5'",
        "effort: 3 months",
        'effort: "1,200"',
        "effort: £1200",
        "effort: true",
        "effort: yes",
        "effort: -1",
        "effort: -0.5",
        "effort: 1000000000001",
        "effort: 1e13",
        "effort: .inf",
        "effort: -.inf",
        'effort: ""',
        "effort: [3]",
        "cost: -1",
        'scores:\n  benefit: "4"\n',
        "scores:\n  benefit: high\n",
        "scores:\n  benefit: true\n",
        "scores: [4]",
        "scores: 4",
    ),
    *_cases(
        "services",
        True,
        "measures:\n  volume_per_year: 120000\n  digital_take_up: 12.5\n  cost_per_use: 0.7\n",
        "measures:\n  quality: -3\n",
    ),
    *_cases(
        "services",
        False,
        "measures:\n  digital_take_up: 12.5%\n",
        "measures:\n  cost_per_use: £0.70\n",
        'measures:\n  volume_per_year: "120000"\n',
        "measures:\n  quality: high\n",
        "measures: 12",
    ),
    # Whole numbers: 3 and 3.0 (JSON Schema's integer includes 3.0), never 3.5, "3" or true.
    *_cases("users", True, "size: 1200", "size: 1200.0", "size: 0", "size: 1000000000000"),
    *_cases(
        "users",
        False,
        "size: 12.5",
        'size: "1200"',
        "size: -1",
        "size: true",
        "size: 1000000000001",
        "size: about 1200",
    ),
    *_cases(
        "strategy",
        True,
        "capacity:\n  concurrent_initiatives: 1\n",
        "capacity:\n  concurrent_initiatives: 3.0\n",
        "capacity:\n  concurrent_initiatives: 3\n  bottlenecks:\n    - name: IG\n"
        "      serves_at_once: 1\n",
    ),
    *_cases(
        "strategy",
        False,
        "capacity:\n  concurrent_initiatives: 0\n",
        "capacity:\n  concurrent_initiatives: 2.5\n",
        'capacity:\n  concurrent_initiatives: "3"\n',
        "capacity:\n  concurrent_initiatives: 3\n  effort_per_quarter: 0\n",
        "capacity:\n  concurrent_initiatives: 3\n  bottlenecks:\n    - name: IG\n"
        "      serves_at_once: 0\n",
        "capacity:\n  concurrent_initiatives: 3\n  bottlenecks:\n    - name: IG\n"
        "      serves_at_once: two\n",
    ),
    # true/false: YAML 1.2 reads yes, no, on and off as words, so they are not true or false.
    *_cases(
        "initiatives",
        True,
        "exemplar: true",
        "exemplar: false",
        "exemplar: True",
        "exemplar: FALSE",
    ),
    *_cases(
        "initiatives",
        False,
        "exemplar: yes",
        "exemplar: no",
        "exemplar: on",
        "exemplar: off",
        "exemplar: y",
        "exemplar: n",
        'exemplar: "true"',
        "exemplar: 1",
        "exemplar: 0",
        "exemplar: ~",
        "exemplar: tru",
    ),
    *_cases("users", True, "at_risk_of_exclusion: true"),
    *_cases("users", False, "at_risk_of_exclusion: Yes", "at_risk_of_exclusion: 'false'"),
    # Choices: exactly one of the listed words.
    *_cases("initiatives", True, "status: in-progress", "type: experiment"),
    *_cases(
        "initiatives",
        False,
        "status: In-progress",
        "status: in progress",
        "status: IN-PROGRESS",
        "status: started",
        "status: ~",
        'status: ""',
        "status: 1",
        "status: [done]",
        "category: Improve",
    ),
    *_cases("services", False, "kind: Care", "kind: ~", "phase: live!"),
    *_cases("commitments", True, "status: at-risk"),
    *_cases("commitments", False, "status: at risk", "status: true"),
    # Ids and need references.
    *_cases(
        "initiatives",
        True,
        "id: online-booking",
        "id: a1-b2",
        'id: "2027"',
        "services: [outpatient-booking]",
        "services: []",
        "needs: [outpatients/know-when]",
        "depends_on:\n  - patient-portal\n  - records\n",
    ),
    *_cases(
        "initiatives",
        False,
        "id: Online-Booking",
        "id: online_booking",
        "id: online booking",
        "id: -online",
        "id: online-",
        "id: online--booking",
        "id: 2027",
        'id: ""',
        "services: outpatient-booking",
        "services: [Outpatient-Booking]",
        "services: [12]",
        "services: ~",
        "services: [~]",
        "needs: [know-when]",
        "needs: [outpatients/know/when]",
        "depends_on: [{id: x}]",
    ),
    # Text: some words; not a number, true/false or a list; not empty or white space alone.
    *_cases(
        "services",
        True,
        'name: "2027"',
        'name: "Booking: online"',
        "name: no",
        "name: yes",
        f"name: {_LONG_NAME}",
        "name: '  Booking  '",
        "name: Book\u00a0it",
        f"description: {_LONG_TEXT}",
        "description: ~",
        "description: |\n  Two\n  lines.\n",
        "systems: [Cerner, 'PAS']",
    ),
    *_cases(
        "services",
        False,
        "name: 2027",
        "name: 12.5",
        "name: true",
        "name: ~",
        "name:",
        'name: ""',
        'name: " "',
        'name: "\\t \\u00a0\\u3000"',
        "name: [Booking]",
        "name: {en: Booking}",
        f"name: {_LONG_NAME}x",
        f"description: {_LONG_TEXT}x",
        'description: ""',
        "systems: Cerner",
        "systems: [1]",
        'systems: [""]',
    ),
    # Unknown keys and misplaced blocks.
    *_cases(
        "services",
        True,
        "owner:\n  name: Dr Asha Patel\n  function: clinical\n",
        "owner:\n  name: Dr Asha Patel\n  role: CNIO\n  function: digital\n",
        "opportunity:\n  level: high\n",
    ),
    *_cases(
        "services",
        False,
        "ownr:\n  name: Dr Asha Patel\n  function: clinical\n",
        "Name: Booking",
        "owner:\n  name: Dr Asha Patel\n",
        "owner:\n  name: Dr Asha Patel\n  function: clinical\n  email: a@example.org\n",
        "owner: Dr Asha Patel",
        "owner: [Dr Asha Patel]",
        "owner:\n  name: Dr Asha Patel\n  function: nursing\n",
        "opportunity:\n  level: huge\n",
        "2027: a year",
    ),
    # Nested lists of blocks.
    *_cases(
        "users",
        True,
        "needs:\n  - id: know-when\n    statement: I need to know when.\n    priority: high\n"
        "    evidence:\n      - source: interview\n        date: 2026-01-15\n"
        "        summary: Ten patients said so.\n        participants: 10\n",
        "specific_needs:\n  - kind: language\n    note: Interpreters.\n",
    ),
    *_cases(
        "users",
        False,
        "needs:\n  - id: know-when\n    statement: I need to know when.\n",
        "needs:\n  - id: know-when\n    statement: I need to know when.\n    priority: high\n"
        "    evidence:\n      - source: interview\n        date: 2026\n        summary: S.\n",
        "needs:\n  - id: know-when\n    statement: I need to know when.\n    priority: high\n"
        "    evidence:\n      - source: interview\n        date: 2026-01-15\n"
        "        summary: S.\n        participants: ten\n",
        "needs: [know-when]",
        "needs:\n  know-when: I need to know when.\n",
        "specific_needs:\n  - kind: other\n",
    ),
    # The strategy's settings: mappings with keys of one's own.
    *_cases(
        "strategy",
        True,
        "glossary:\n  PIFU: patient-initiated follow-up\n",
        "glossary:\n  111: NHS 111, the urgent care telephone service\n",
        "check:\n  options:\n    max-commitments: 10\n  severity:\n    T001: info\n",
        "check:\n  per_path_ignores:\n    initiatives/legacy-*.yaml: [T001]\n",
        "scoring:\n  model: rice\n",
        "scoring:\n  criteria:\n    - id: benefit\n      label: Benefit\n      weight: 2\n"
        "      max: 5\n",
        "organisation_kind: council",
    ),
    *_cases(
        "strategy",
        False,
        "glossary:\n  PIFU: ''\n",
        "glossary:\n  PIFU: 12\n",
        "glossary: [PIFU]",
        "check:\n  severity:\n    T001: fatal\n",
        "check:\n  select: T001\n",
        "scoring:\n  model: magic\n",
        "scoring:\n  criteria:\n    - id: benefit\n      label: Benefit\n      weight: 0\n"
        "      max: 5\n",
        "scoring:\n  criteria:\n    - id: benefit\n      label: Benefit\n      weight: '2'\n"
        "      max: 5\n",
        "scoring: ~",
        "organisation_kind: trust",
        "title: ~",
    ),
    # Whole files that are not a block of keys.
    Case("services", "", False, whole=True),
    Case("services", "# only a comment\n", False, whole=True),
    Case("services", "- name: Booking\n  kind: care\n", False, whole=True),
    Case("services", "Booking\n", False, whole=True),
    Case("services", "~\n", False, whole=True),
    Case("strategy", "organisation: Riverside NHS Trust\n", False, whole=True),
]


KNOWN_DIFFERENCES: list[tuple[Case, str]] = [
    (
        Case("initiatives", "effort: 1_000", False),
        "YAML 1.2 has no underscores in numbers, so digistrat reads 1_000 as text and rejects "
        "it; ruamel.yaml (which check-jsonschema uses) reads it as 1000. The schema is not "
        "involved: the two YAML readers differ.",
    ),
    (
        Case("initiatives", "effort: .nan", False),
        "JSON has no NaN, so no JSON Schema keyword can refuse it and validators accept it as "
        "a number; digistrat rejects it (a number must be a real number).",
    ),
    (
        Case("services", "kind: 'care '", True),
        "digistrat trims white space from both ends of every text before checking it, so "
        "'care ' is care; a JSON Schema cannot trim, so it rejects the choice.",
    ),
    (
        Case("services", "name: '  Booking" + " " * 300 + "'", True),
        "the same trimming: digistrat measures a text without the white space around it, a "
        "JSON Schema with it.",
    ),
]
"""The only cases where the two verdicts differ, with digistrat's verdict (the one ``digistrat
check`` gives) and why; the test checks that they still differ, so that a fix is noticed."""
