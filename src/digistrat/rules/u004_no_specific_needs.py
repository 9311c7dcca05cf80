"""No user group has specific needs or is marked at risk of digital exclusion.

Thinking about all your users, including those with specific and unusual needs, is a good test
of a digital strategy (§7 "Think about all your users"; §5 asks how digital will redress
rather than deepen inequalities). If no group records accessibility, language or
digital-exclusion needs, those users are probably missing from the strategy.

Failing example::

    # users/outpatients.yaml
    at_risk_of_exclusion: false
    specific_needs: []

Passing example::

    # users/outpatients.yaml
    at_risk_of_exclusion: false
    specific_needs:
      - kind: language
        note: One in eight speaks little English; letters and sites must be translatable.
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.index import unusable

CODE = "U004"
NAME = "no-specific-needs"
SEVERITY = "warning"
SECTION = "§7 Think about all your users; §5 System context"
SEVERITY_BASIS = (
    "§7 offers thinking about users with specific needs as “a good way to test” the strategy: a "
    "good approach, not a requirement."
)
QUESTIONS = (3,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    users = ctx.repo.users
    if not users or unusable(ctx, "users"):
        return  # a group that could not be read may record them
    if any(g.specific_needs or g.at_risk_of_exclusion for g in users.values()):
        return
    first = min(users, key=lambda gid: ctx.repo.paths.get(("users", gid), gid))
    yield Violation(
        "users",
        first,
        (),
        "no user group records specific needs or a risk of digital exclusion",
        "For each group, add `specific_needs:` (accessibility, language, digital exclusion…) "
        "and set `at_risk_of_exclusion: true` where people could be left behind.",
    )
