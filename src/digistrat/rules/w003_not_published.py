"""The strategy does not say where it is published or how people hear about it.

At a minimum a strategy should be published in the open on the web, and reach people where
they are: posters, town halls, podcasts (§12 "Communicate clearly"; §1 "Mainstream").

Failing example::

    # strategy.yaml
    communication:

Passing example::

    # strategy.yaml
    communication:
      published_at: https://example.org/digital-strategy
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "W003"
NAME = "not-published"
SEVERITY = "info"
SECTION = "§12 Communicate clearly"
SEVERITY_BASIS = "§12 asks that the strategy is published in the open, but where and how is advice."
QUESTIONS = (2,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None:
        return
    comms = strategy.communication
    if comms is not None and (comms.published_at or comms.channels):
        return
    yield Violation(
        "strategy",
        "strategy",
        ("communication",),
        "the strategy does not say where it is published or how people hear about it",
        "Add `communication:` with `published_at:` (a web address) and `channels:` such as "
        "staff briefings or posters.",
    )
