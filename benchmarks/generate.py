"""Write a realistic synthetic strategy repository, for benchmarks.

    python benchmarks/generate.py --entities 10000 --seed 1 --out benchmarks/trees/10k
    python benchmarks/generate.py --entities 10000 --seed 1 --defects 0.05 --out /tmp/bad

The tree is in the real format (``strategy.yaml`` plus one file per service, user group,
initiative and commitment), cross-referenced and valid: ``digistrat check`` reports no loader
findings on it. Proportions follow a plausible trust: 30% services, 10% user groups (3 to 6
needs each, with evidence), 40% initiatives, 20% commitments. Files carry the comments that
``digistrat init`` writes, and text of realistic length.

With ``--defects F`` about that fraction of entity files carries one defect each, cycling
through: a bad date, an unknown key, a reference to something that does not exist, and a YAML
syntax error. With ``--messy F`` about that fraction of entity files is valid but carries one
thing the rules report (``MESS_KINDS``: stale measures, a missing owner, placeholder text, a
commitment overdue ...): the 10k tree with ``--messy 0.3`` gives about 3,000 findings, the
"big messy strategy" of issue 21. Output is a pure function of the arguments: the same seed
gives identical bytes.

Standard library only, so that it runs anywhere.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path


def _choices(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


SHARES = (("services", 0.30), ("users", 0.10), ("initiatives", 0.40), ("commitments", 0.20))
DEFECT_KINDS = ("bad-date", "unknown-key", "dangling-ref", "syntax-error")
MESS_KINDS = {
    "services": ("stale-measures", "no-owner", "legacy-without-switch-off"),
    "initiatives": ("placeholder", "no-objective", "no-owner"),
    "commitments": ("overdue", "no-measure", "no-owner"),
    "users": ("placeholder",),
}
"""What ``--messy`` does to a file of each kind, cycling: valid files that rules report on."""
_OWNER = re.compile(r"^owner:\n(?:  .*\n)+", re.MULTILINE)
_OBJECTIVES = re.compile(r"^objectives:\n(?:  - .*\n)+", re.MULTILINE)
_MEASURE = re.compile(r"^measure:\n(?:  .*\n)+", re.MULTILINE)
_DESCRIPTION = re.compile(r"^description: >-\n  ", re.MULTILINE)
HORIZON = (date(2026, 4, 1), date(2029, 3, 31))
TODAY = date(2026, 11, 1)
"""The day the tree is written for: run digistrat with ``DIGISTRAT_TODAY=2026-11-01`` (the
runner does) and dates are neither stale nor overdue, so rules report only a few findings."""
_DATE = re.compile(r": (\d{4}-\d{2}-\d{2})\b")
CRITERIA = (("patient-benefit", 50, 10), ("staff-benefit", 25, 5), ("financial-benefit", 25, 5))

AREAS = _choices(
    "outpatient|maternity|cardiology|radiology|pharmacy|community nursing|mental health|"
    "urgent care|emergency department|paediatrics|oncology|diabetes|renal|stroke|"
    "orthopaedics|ophthalmology|dermatology|audiology|physiotherapy|dietetics|"
    "sexual health|endoscopy|pathology|theatres|critical care|discharge|estates|"
    "workforce|finance|patient transport|end of life care|learning disability|"
    "childrens therapy|district nursing|wound care|falls prevention|frailty|respiratory|"
    "neurology|gastroenterology"
)
ACTIVITIES = _choices(
    "appointment booking|referrals|results|discharge summaries|triage|prescribing|"
    "letters|rostering|waiting list|video consultations|remote monitoring|"
    "self check-in|patient portal|clinical notes|order comms|bed management|handover|"
    "consent|care plans|shared records|e-learning|recruitment|invoicing|"
    "stock control|reporting"
)
SITES = ("", "north", "south", "riverside", "city", "community", "east", "west")
SYSTEMS = _choices(
    "Electronic patient record|Patient administration system|Pharmacy stock system|"
    "Radiology information system|Laboratory system|Rostering system|Patient portal|"
    "Shared care record|Document management|Telephony platform"
)
GROUPS = (
    ("patient", "patients"),
    ("carer", "carers"),
    ("staff", "staff"),
    ("public", "residents"),
    ("partner", "partners"),
)
FIRST = _choices(
    "Asha|Ben|Chloe|Dev|Emma|Femi|Grace|Hamid|Isla|Jon|Kiran|Leah|Mo|Nadia|Owen|"
    "Priya|Rhys|Sara|Tom|Uma"
)
LAST = _choices(
    "Patel|Jones|Okafor|Smith|Khan|Williams|Brown|Ahmed|Taylor|Davies|Evans|Nowak|"
    "Chen|Hughes|Murphy"
)
ROLES = _choices(
    "Clinical lead|Service manager|Matron|Chief Nursing Information Officer|"
    "Head of operations|Consultant|Deputy director of nursing|Programme manager|"
    "Head of digital delivery|Divisional director"
)
WORDS = _choices(
    "patients|staff|appointments|wait|time|online|phone|letters|clinic|ward|results|"
    "information|safer|faster|simpler|record|care|team|families|carers|booking|"
    "cancel|rebook|remind|share|consistent|paper|forms|duplicate|visits|travel|home|"
    "support|language|access|digital|service|needs|delays|errors|handover|follow|up|"
    "referral|nurses|doctors|community|hospital|discharge|medicines|weeks|days"
)
BASICS = ("electronic patient record", "integration engine", "cloud hosting", "Wi-Fi")
TECH = _choices(
    "electronic patient record|AI|robotic process automation|mobile app|"
    "cloud hosting|integration engine|speech recognition|analytics platform"
)
OBJECTIVES = _choices(
    "safer care|shorter waits|healthier communities|great place to work|value for money|"
    "research|partnerships|sustainability"
)
VOICES = ("usual", "wider", "wider", "seldom-heard")
SOURCES = _choices(
    "friends-and-family-test|complaints|staff-survey|patient-survey|interview|"
    "focus-group|observation|analytics|usability-test"
)


@dataclass
class Ids:
    """Ids already used per kind, and the needs declared by each user group."""

    used: dict[str, set[str]] = field(default_factory=dict)
    needs: list[str] = field(default_factory=list)
    high: list[str] = field(default_factory=list)
    """High-priority needs not yet addressed by an initiative."""

    def unique(self, kind: str, base: str) -> str:
        taken = self.used.setdefault(kind, set())
        ident, n = base, 2
        while ident in taken:
            ident, n = f"{base}-{n}", n + 1
        taken.add(ident)
        return ident


def slug(text: str) -> str:
    return "-".join(text.lower().replace("-", " ").split())


def sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng, 6, 16) for _ in range(sentences))


def folded(key: str, text: str, indent: str = "") -> str:
    """A long text as a folded block scalar wrapped at about 90 columns."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) > 88 - len(indent):
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    body = "".join(f"{indent}  {x}\n" for x in lines)
    return f"{indent}{key}: >-\n{body}"


def day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def owner(rng: random.Random, indent: str = "", functions: tuple[str, ...] = ()) -> str:
    function = rng.choice(functions or ("clinical", "operational", "clinical", "digital"))
    return (
        f"{indent}owner:\n"
        f"{indent}  name: {rng.choice(FIRST)} {rng.choice(LAST)}\n"
        f"{indent}  role: {rng.choice(ROLES)}\n"
        f"{indent}  function: {function}\n"
    )


def yaml_list(key: str, items: list[str], indent: str = "") -> str:
    if not items:
        return f"{indent}{key}: []\n"
    return f"{indent}{key}:\n" + "".join(f"{indent}  - {x}\n" for x in items)


def header(kind: str, what: str) -> str:
    return (
        f"# yaml-language-server: $schema=../.digistrat/schemas/{kind}.schema.json\n#\n# {what}\n\n"
    )


def strategy_yaml(rng: random.Random, objectives: list[str], capacity: int) -> str:
    start, end = HORIZON
    out = [
        "# yaml-language-server: $schema=.digistrat/schemas/strategy.schema.json\n#\n",
        "# The digital strategy of a synthetic trust, generated for benchmarks.\n\n",
        "organisation: Synthetic Hospitals NHS Foundation Trust\n",
        f"title: Digital strategy {start.year} to {end.year}\n",
        "mission: Every patient can see, book and change their care online or by phone, "
        "and every member of staff has the information they need when they need it.\n",
        owner(rng, functions=("digital",)),
        f"horizon:\n  start: {start}\n  end: {end}\n",
        "review:\n  cadence: quarterly\n  last_reviewed: 2026-09-30\n",
        "maturity: siloed\n\n# The organisation's own objectives.\nobjectives:\n",
    ]
    kinds = ("clinical", "operational", "financial", "people", "corporate")
    for i, ident in enumerate(objectives):
        out.append(
            f"  - id: {ident}\n    title: {sentence(rng, 4, 9)[:-1]}\n"
            f"    kind: {kinds[i % len(kinds)]}\n    source: Trust strategy 2025 to 2030\n"
        )
    out.append("\n# A handful of principles that help people make decisions.\nprinciples:\n")
    for name in ("Users first", "Fix the basics", "Open by default", "Build once", "Measure it"):
        out.append(f"  - name: {name}\n    meaning: {sentence(rng, 8, 14)}\n")
    out.append(
        "\nsystem:\n  name: Synthetic Integrated Care System\n"
        f"  alignment: {sentence(rng, 10, 20)}\n  shared_priorities:\n"
        "    - Shared care record\n    - Population health\n"
        "\nnot_doing:\n"
        f"  - what: A new patient app of our own\n    why: {sentence(rng, 10, 18)}\n"
        f"  - what: Replacing the electronic patient record\n    why: {sentence(rng, 10, 18)}\n"
        "\ndelivered:\n"
        f"  - what: Online appointment booking\n    when: 2025-11-30\n"
        f"    impact: {sentence(rng, 10, 20)}\n"
        "\n# What could go wrong.\nrisks:\n"
        f"  - risk: {sentence(rng, 8, 14)}\n    kind: cyber-security\n"
        f"{owner(rng, '    ', ('digital',))}"
        f"    mitigation: {sentence(rng, 8, 14)}\n    likelihood: medium\n    impact: high\n"
        f"  - risk: {sentence(rng, 8, 14)}\n    kind: workforce\n"
        f"{owner(rng, '    ', ('corporate',))}"
        f"    mitigation: {sentence(rng, 8, 14)}\n    likelihood: high\n    impact: medium\n"
        "\nways_of_working:\n"
        f"  - area: governance\n    change: {sentence(rng, 8, 14)}\n"
        f"  - area: skills\n    change: {sentence(rng, 8, 14)}\n"
        "\nrhythm:\n"
        "  - kind: show-and-tell\n    frequency: fortnightly\n    audience: Everyone\n"
        "  - kind: progress-review\n    frequency: monthly\n    audience: The board\n"
        "\ncommunication:\n  published_at: https://example.org/digital-strategy\n"
        "  channels:\n    - Staff intranet\n    - Town halls\n"
        "\nindicators:\n"
        "  - name: Share of appointments booked online\n    kind: take-up\n"
        '    baseline: 12\n    target: 60\n    due: 2029-03-31\n    unit: "%"\n'
        f"\ncapacity:\n  concurrent_initiatives: {capacity}\n"
        "\n# How initiatives are prioritised by `digistrat score`.\n"
        "scoring:\n  model: weighted\n  criteria:\n"
    )
    for ident, weight, high in CRITERIA:
        label = ident.replace("-", " ").capitalize()
        out.append(
            f"    - id: {ident}\n      label: {label}\n      weight: {weight}\n"
            f"      min: 0\n      max: {high}\n"
        )
    return "".join(out)


def user_yaml(rng: random.Random, ids: Ids, ident: str, name: str, kind: str) -> str:
    out = [header("users", "One group of users and what they need, with the evidence (§7).")]
    out.append(f"name: {name}\nkind: {kind}\n")
    out.append(folded("description", paragraph(rng, rng.randint(1, 2))))
    out.append(f"size: {rng.randint(5, 400) * 100}\n")
    at_risk = rng.random() < 0.3
    out.append(f"at_risk_of_exclusion: {'true' if at_risk else 'false'}\n")
    if at_risk or rng.random() < 0.3:
        out.append("specific_needs:\n")
        for need_kind in rng.sample(("accessibility", "language", "digital-exclusion"), 2):
            out.append(f"  - kind: {need_kind}\n    note: {sentence(rng, 8, 16)}\n")
    out.append("needs:\n")
    taken: set[str] = set()
    for _ in range(rng.randint(3, 6)):
        base = slug(" ".join(rng.sample(WORDS, 2)))
        need, n = base, 2
        while need in taken:
            need, n = f"{base}-{n}", n + 1
        taken.add(need)
        ids.needs.append(f"{ident}/{need}")
        priority = rng.choice(("high", "medium", "medium", "low"))
        if priority == "high":
            ids.high.append(f"{ident}/{need}")
        out.append(
            f"  - id: {need}\n    statement: As one of our {name.lower()} I need "
            f"{sentence(rng, 6, 14).lower()}\n"
            f"    priority: {priority}\n    evidence:\n"
        )
        for n in range(rng.randint(1, 3)):
            voices = rng.choice(("wider", "seldom-heard") if n == 0 else VOICES)
            out.append(
                f"      - source: {rng.choice(SOURCES)}  # how we learnt it\n"
                f"        date: {day(rng, date(2025, 1, 1), date(2026, 9, 30))}\n"
                f"        summary: {sentence(rng, 10, 24)}\n"
                f"        participants: {rng.randint(3, 400)}\n"
                f"        voices: {voices}\n"
            )
    return "".join(out)


def service_yaml(rng: random.Random, name: str, users: list[str]) -> str:
    out = [header("services", "One service the organisation provides (§6).")]
    out.append(f"name: {name}\n")
    out.append(folded("description", paragraph(rng, rng.randint(1, 3))))
    kind = rng.choice(("transaction", "care", "pathway", "technology", "people"))
    out.append(f"kind: {kind}{' ' * (12 - len(kind))}# transaction, care, pathway, technology\n")
    out.append(owner(rng, functions=("clinical", "operational")))
    out.append(f"team: {rng.choice(AREAS).capitalize()} service team\n")
    out.append(
        "measures:\n"
        f"  measured_on: {day(rng, date(2026, 1, 1), date(2026, 10, 31))}\n"
        f"  volume_per_year: {rng.randint(10, 5000) * 10}\n"
        f"  cost_per_use: {rng.randint(100, 30000) / 100}   # pounds\n"
        f"  quality: {rng.randint(40, 98)}\n"
        f"  digital_take_up: {rng.randint(0, 90)}\n"
        f"  user_satisfaction: {rng.randint(40, 98)}\n"
        f"  completion_rate: {rng.randint(50, 100)}\n"
        f"  failure_demand: {rng.randint(0, 40)}\n"
    )
    out.append(
        f"opportunity:\n  level: {rng.choice(('high', 'medium', 'low'))}\n"
        f"  why: {sentence(rng, 8, 18)}\n"
    )
    if rng.random() < 0.15:
        out.append(f"status: legacy\nswitch_off: {day(rng, date(2027, 1, 1), HORIZON[1])}\n")
    out.append(yaml_list("users", users))
    out.append(yaml_list("systems", rng.sample(SYSTEMS, rng.randint(1, 3))))
    return "".join(out)


def initiative_yaml(
    rng: random.Random,
    name: str,
    needs: list[str],
    services: list[str],
    objectives: list[str],
    depends_on: list[str],
    not_before: date = HORIZON[0],
) -> str:
    out = [header("initiatives", "One initiative, project or proposal (§9, §10).")]
    out.append(f"name: {name}\n")
    out.append(folded("description", paragraph(rng, rng.randint(1, 3))))
    kind = "experiment" if rng.random() < 0.15 else "core"
    exemplar = rng.random() < 0.05
    # an exemplar is led by the part of the organisation it changes, not by digital (X003)
    out.append(owner(rng, functions=("clinical", "operational") if exemplar else ()))
    out.append(
        f"category: {rng.choice(('maintain', 'improve', 'improve', 'transform'))}"
        "   # maintain, improve or transform\n"
        f"type: {kind}\n"
        f"status: {rng.choice(('proposed', 'approved', 'in-progress', 'done'))}\n"
    )
    if exemplar:
        out.append("exemplar: true\n")
    out.append(yaml_list("needs", needs))
    out.append(yaml_list("services", services))
    out.append(yaml_list("objectives", objectives))
    if depends_on:
        out.append(yaml_list("depends_on", depends_on))
    out.append("scores:                     # one score per criterion in strategy.yaml\n")
    for ident, _, high in CRITERIA:
        out.append(f"  {ident}: {rng.randint(0, high)}\n")
    start = day(rng, not_before, max(not_before, date(2028, 3, 31)))
    length = rng.randint(60, 170) if exemplar else rng.randint(60, 700)  # exemplars: < 6 months
    end = min(start + timedelta(days=length), HORIZON[1])  # planned within the horizon (R005)
    out.append(
        f"effort: {rng.randint(1, 40)}\ncost: {rng.randint(1, 500) * 1000}\n"
        f"start: {start}\nend: {end}\n"
        f"sourcing:\n  approach: {rng.choice(('build', 'buy', 'blend'))}\n"
        f"  rationale: {sentence(rng, 8, 16)}\n"
    )
    if rng.random() < 0.3:  # hype technology only in experiments (§1, §10)
        tags = TECH if kind == "experiment" else BASICS
        out.append(yaml_list("technology", rng.sample(tags, rng.randint(1, 2))))
    return "".join(out)


def commitment_yaml(rng: random.Random, initiatives: list[str], not_before: date) -> str:
    """A commitment due no earlier than ``not_before`` (when its initiatives end: R004), with
    progress values that agree with its status (C009, C011)."""
    out = [header("commitments", "One public commitment: what changes for users, by when.")]
    out.append(f"statement: {sentence(rng, 8, 18)}\n")
    out.append(f"outcome: {sentence(rng, 8, 18)}\n")
    out.append(owner(rng, functions=("clinical", "operational")))
    out.append(yaml_list("initiatives", initiatives))
    baseline = rng.randint(0, 60)
    target = min(100, baseline + rng.randint(5, 40))
    status = rng.choice(("on-track", "on-track", "at-risk", "off-track"))
    out.append(
        "measure:\n"
        f"  metric: {sentence(rng, 3, 7)[:-1]}\n"
        '  unit: "%"\n'
        f"  baseline: {baseline}\n"
        f"  baseline_date: {day(rng, date(2025, 4, 1), date(2026, 3, 31))}\n"
        f"  target: {target}\n"
        "  source: Monthly performance report\n"
        f"due: {day(rng, max(date(2027, 1, 1), not_before), HORIZON[1])}\n"
        f"status: {status}"
        "    # on-track, at-risk, off-track, met or missed\n"
    )
    progress = rng.randint(0, 3)
    if progress:
        out.append("progress:\n")
        for when in sorted(day(rng, date(2026, 4, 1), date(2026, 10, 31)) for _ in range(progress)):
            out.append(
                f"  - date: {when}\n"
                f"    note: {sentence(rng, 8, 16)}\n"
                f"    value: {_progress_value(rng, status, baseline, target)}\n"
            )
    return "".join(out)


def _progress_value(rng: random.Random, status: str, baseline: int, target: int) -> int:
    """A measured value that its commitment's status agrees with: on track, already at the
    target; off track, still at the baseline; at risk, anywhere between."""
    if status == "on-track":
        return target
    if status == "off-track":
        return baseline
    return rng.randint(baseline, target)


_END = re.compile(r"^end: (\S+)$", re.MULTILINE)


def _next_quarter(when: date) -> date:
    """The first day of the quarter after ``when``'s (the delivery plan works in quarters)."""
    month = (when.month - 1) // 3 * 3 + 4
    return date(when.year + 1, month - 12, 1) if month > 12 else date(when.year, month, 1)


def counts(entities: int) -> dict[str, int]:
    """How many entities of each kind: the shares, with every kind present."""
    return {kind: max(1, round(entities * share)) for kind, share in SHARES}


def build(entities: int, seed: int) -> dict[str, str]:
    """{relative path: text} of a valid repository of about ``entities`` entities."""
    rng = random.Random(seed)
    ids = Ids()
    n = counts(entities)
    objectives = [slug(x) for x in OBJECTIVES]
    # room for every initiative at once, so that the delivery plan keeps each one's own dates
    # (a tighter capacity pushes work past its commitments' due dates and the horizon)
    files = {"strategy.yaml": strategy_yaml(rng, objectives, max(5, entities // 2))}

    def name_of(kind: str, words: str) -> tuple[str, str]:
        site = rng.choice(SITES)
        text = f"{words} {site}".strip() if site else words
        return ids.unique(kind, slug(text)), text[0].upper() + text[1:]

    groups: list[str] = []
    for _ in range(n["users"]):
        group_kind, noun = rng.choice(GROUPS)
        ident, name = name_of("users", f"{rng.choice(AREAS)} {noun}")
        groups.append(ident)
        files[f"users/{ident}.yaml"] = user_yaml(rng, ids, ident, name, group_kind)
    services: list[str] = []
    for _ in range(n["services"]):
        ident, name = name_of("services", f"{rng.choice(AREAS)} {rng.choice(ACTIVITIES)}")
        services.append(ident)
        users = sorted(set(rng.sample(groups, min(len(groups), rng.randint(1, 3)))))
        files[f"services/{ident}.yaml"] = service_yaml(rng, name, users)
    initiatives: list[str] = []
    independent: list[str] = []  # initiatives depending on nothing: dependency chains stay short
    ends: dict[str, date] = {}
    rng.shuffle(ids.high)
    for _ in range(n["initiatives"]):
        verb = rng.choice(("Improve", "Digitise", "Replace", "Simplify", "Automate", "Join up"))
        ident, name = name_of("initiatives", f"{verb} {rng.choice(AREAS)} {rng.choice(ACTIVITIES)}")
        deps = rng.sample(independent[-50:], min(len(independent), rng.choice((0, 0, 0, 1, 2))))
        after = _next_quarter(max((ends[d] for d in deps), default=HORIZON[0]))
        if after > date(2028, 3, 31):  # no room left after them: depends on nothing
            deps, after = [], HORIZON[0]
        needs = rng.sample(ids.needs, rng.randint(1, 3))
        if ids.high:  # every high-priority need is addressed by some initiative
            needs.append(ids.high.pop())
        files[f"initiatives/{ident}.yaml"] = initiative_yaml(
            rng,
            name,
            sorted(set(needs)),
            sorted(set(rng.sample(services, rng.randint(1, 2)))),
            sorted(set(rng.sample(objectives, rng.randint(1, 2)))),
            sorted(deps),
            max(after, HORIZON[0]),
        )
        found = _END.search(files[f"initiatives/{ident}.yaml"])
        assert found is not None
        ends[ident] = date.fromisoformat(found.group(1))
        initiatives.append(ident)
        if not deps:
            independent.append(ident)
    for i in range(n["commitments"]):
        ident = ids.unique("commitments", f"commitment-{i + 1:05d}")
        chosen = sorted(set(rng.sample(initiatives, rng.randint(1, 3))))
        last = min(_next_quarter(max(ends[x] for x in chosen)), HORIZON[1])
        files[f"commitments/{ident}.yaml"] = commitment_yaml(rng, chosen, last)
    return files


def add_defects(files: dict[str, str], fraction: float, seed: int) -> dict[str, str]:
    """Give about ``fraction`` of the entity files one defect each: {path: defect kind}."""
    rng = random.Random(seed * 7919 + 1)
    entity_paths = sorted(p for p in files if "/" in p)
    count = max(1, round(len(entity_paths) * fraction)) if fraction > 0 else 0
    chosen = sorted(rng.sample(entity_paths, min(count, len(entity_paths))))
    manifest: dict[str, str] = {}
    for i, path in enumerate(chosen):
        kind = DEFECT_KINDS[i % len(DEFECT_KINDS)]
        text = files[path]
        if kind == "dangling-ref" and path.startswith("users/"):
            kind = "unknown-key"  # user groups refer to nothing
        if kind == "bad-date":
            # the first date in the file becomes a day that does not exist
            found = _DATE.search(text)
            assert found is not None  # every entity file carries a date
            text = text[: found.start(1)] + "2026-02-30" + text[found.end(1) :]
        elif kind == "unknown-key":
            text = text.replace("\nowner:", "\nownr:", 1) if "\nowner:" in text else text
            text += "" if "\nownr:" in text else "priorty: high\n"
        elif kind == "dangling-ref":
            marker = "\n  - "
            at = text.index(marker) + len(marker)
            end = text.index("\n", at)
            text = text[:at] + "no-such-entry-anywhere" + text[end:]
        else:
            text += 'name: "a quote that is never closed\n'
        files[path] = text
        manifest[path] = kind
    return manifest


def add_mess(files: dict[str, str], fraction: float, seed: int) -> dict[str, str]:
    """Give about ``fraction`` of the entity files one thing the rules report (see
    :data:`MESS_KINDS`), the files staying valid: {path: kind of mess}."""
    rng = random.Random(seed * 104729 + 3)
    entity_paths = sorted(p for p in files if "/" in p)
    count = round(len(entity_paths) * fraction)
    chosen = sorted(rng.sample(entity_paths, min(count, len(entity_paths))))
    manifest: dict[str, str] = {}
    turn: dict[str, int] = {}
    for path in chosen:
        folder = path.split("/", 1)[0]
        kinds = MESS_KINDS[folder]
        kind = kinds[turn.get(folder, 0) % len(kinds)]
        turn[folder] = turn.get(folder, 0) + 1
        text = files[path]
        if kind == "stale-measures":
            text = re.sub(r"measured_on: \S+", "measured_on: 2023-03-31", text, count=1)
        elif kind == "no-owner":  # of open work only: done initiatives are not checked
            text = _OWNER.sub("", text, count=1).replace("status: done\n", "status: approved\n")
        elif kind == "legacy-without-switch-off":
            text = re.sub(r"^status: legacy\nswitch_off: \S+\n", "", text, flags=re.MULTILINE)
            text += "status: legacy\n"
        elif kind == "placeholder":
            text = _DESCRIPTION.sub("description: >-\n  TBC. ", text, count=1)
        elif kind == "no-objective":
            text = _OBJECTIVES.sub("", text, count=1)
        elif kind == "overdue":
            text = re.sub(r"^due: \S+", "due: 2026-06-30", text, count=1, flags=re.MULTILINE)
        elif kind == "no-measure":
            text = _MEASURE.sub("", text, count=1)
        files[path] = text
        manifest[path] = kind
    return manifest


def write(files: dict[str, str], out: Path, force: bool = False) -> None:
    """Write the tree; an existing generated tree (holding strategy.yaml) is replaced."""
    if out.exists() and any(out.iterdir()):
        if not (force and (out / "strategy.yaml").is_file()):
            raise SystemExit(
                f"{out} is not empty; use --force to replace a tree made by this script."
            )
        shutil.rmtree(out)
    for rel, text in files.items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entities", type=int, default=1000, help="how many entity files")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same tree)")
    parser.add_argument("--defects", type=float, default=0.0, help="fraction of defective files")
    parser.add_argument(
        "--messy", type=float, default=0.0, help="fraction of files with a rule finding"
    )
    parser.add_argument("--out", type=Path, required=True, help="folder to write the tree into")
    parser.add_argument("--force", action="store_true", help="replace an existing generated tree")
    args = parser.parse_args(argv)
    if args.entities < 4 or not (0 <= args.defects <= 1 and 0 <= args.messy <= 1):
        parser.error("--entities must be at least 4, --defects and --messy between 0 and 1")
    files = build(args.entities, args.seed)
    messy = add_mess(files, args.messy, args.seed) if args.messy else {}
    manifest = add_defects(files, args.defects, args.seed) if args.defects else {}
    write(files, args.out, args.force)
    size = sum(len(t.encode("utf-8")) for t in files.values())
    print(
        f"wrote {len(files)} files ({size / 1024 / 1024:.1f} MiB) to {args.out}"
        + (f", {len(messy)} messy" if messy else "")
        + (f", {len(manifest)} with defects" if manifest else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
