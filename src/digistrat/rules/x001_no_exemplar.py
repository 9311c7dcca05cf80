"""No initiative is marked as an exemplar.

Rather than analysing everything first, the guide advises picking a few exemplars: areas that
want to change, where real value can be delivered in under six months to build momentum and
learning (§9 "Decide where to start"). Mark them with ``exemplar: true``. Stopped initiatives do
not count.

Failing example::

    # initiatives/online-booking.yaml
    exemplar: false

Passing example::

    # initiatives/online-booking.yaml
    exemplar: true
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.index import index, unusable
from digistrat.voice import count

CODE = "X001"
NAME = "no-exemplar"
SEVERITY = "warning"
SECTION = "§9 Decide where to start"
SEVERITY_BASIS = "§9 calls picking a few exemplars “a good approach”: advice, not a requirement."
QUESTIONS = (6,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    if unusable(ctx, "initiatives"):
        return  # an initiative that could not be read may be the exemplar
    if ctx.repo.strategy is None or not ctx.repo.initiatives:
        if ctx.repo.strategy is not None and not any(
            k == "initiatives" for k, _ in ctx.repo.declared
        ):
            yield Violation(
                "strategy",
                "strategy",
                (),
                "the repository has no initiatives, so no exemplar to start with",
                "Add initiatives in `initiatives/` and mark one or two that can deliver real "
                "value within six months with `exemplar: true`.",
            )
        return
    current = index(ctx).current
    if any(ini.exemplar for ini in current.values()):
        return
    if not current:
        return
    first = min(current, key=lambda i: ctx.repo.paths.get(("initiatives", i), i))
    example = ctx.repo.paths.get(("initiatives", first), f"initiatives/{first}.yaml")
    yield Violation(  # about the portfolio, so told on strategy.yaml, not on one initiative
        "strategy",
        "strategy",
        (),
        "the only current initiative is not marked as an exemplar"
        if len(current) == 1
        else f"none of the {count(len(current), 'current initiative')} is marked as an exemplar",
        "Pick one or two initiatives that can deliver real value in under six months, in a "
        "part of the organisation that wants to change, and set `exemplar: true` in their "
        f"files (like {example}).",
    )
