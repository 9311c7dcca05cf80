"""Every owned initiative and commitment is owned by the digital function.

Digital transformation is enabled by technology but must be led by the organisation's clinical
and operational leaders, not only the IT department (§1 "IT-driven", "Mainstream"; §2 board
question 6). If the digital function owns everything, the strategy is an IT plan. It takes at
least two owned initiatives or commitments to show a pattern: a single one owned by the digital
function is reported by O002 (a commitment) or X003 (an exemplar).

Failing example::

    # initiatives/online-booking.yaml
    owner: {name: Kim Doe, role: Head of IT, function: digital}
    # commitments/rebook-online.yaml
    owner: {name: Kim Doe, role: Head of IT, function: digital}

Passing example::

    # initiatives/online-booking.yaml
    owner: {name: Dr Asha Patel, role: Clinical Director for Outpatients, function: clinical}
    # initiatives/network-refresh.yaml
    name: Network refresh
    owner: {name: Kim Doe, role: Head of IT, function: digital}
    category: maintain
    status: approved
    needs: [outpatients/know-when]
    objectives: [shorter-waits]
    scores: {patient-benefit: 5, staff-benefit: 4, financial-benefit: 2}
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.index import unusable

CODE = "O001"
NAME = "it-driven"
SEVERITY = "error"
SECTION = "§1 IT-driven; §2 Q6"
SEVERITY_BASIS = (
    "§1 names “IT-driven” as a sign of a bad strategy: transformation must be led by the "
    "organisation's leaders, not only the IT function."
)
QUESTIONS = (6,)
OPTIONS: dict[str, object] = {}
# One owned item is no pattern (the second real-world review found O001 at error on a strategy
# whose chief executive owns it and whose only owned commitment was IT's; O002 reported it too).
_AT_LEAST = 2


def check(ctx: Context) -> Check:
    repo = ctx.repo
    if unusable(ctx, "initiatives") or unusable(ctx, "commitments"):
        return  # one that could not be read may have another owner
    owned: list[tuple[str, str, str]] = []  # (kind, id, function)
    for ident, ini in repo.initiatives.items():
        if ini.owner is not None and ini.status != "stopped":
            owned.append(("initiatives", ident, ini.owner.function))
    for ident, com in repo.commitments.items():
        if com.owner is not None:
            owned.append(("commitments", ident, com.owner.function))
    if len(owned) < _AT_LEAST or any(function != "digital" for _, _, function in owned):
        return
    kind, ident, _ = min(owned, key=lambda o: repo.paths.get((o[0], o[1]), ""))
    yield Violation(
        kind,
        ident,
        ("owner", "function"),
        f"all {len(owned)} owned initiatives and commitments are owned by the digital function",
        "Ask clinical and operational leaders to own the initiatives and commitments that "
        "change their services (set `owner:` with `function: clinical` or `operational`).",
    )
