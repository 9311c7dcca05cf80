"""There are more principles than people can remember.

Principles only guide decisions if people remember them (§1 "Useful to teams"; §12
"Communicate clearly": clear, concise and catchy). Organisations the guide cites settled on
about six.

Option: ``max-principles`` (default 7).

Failing example::

    # strategy.yaml
    principles:
      - {name: One, meaning: First.}
      - {name: Two, meaning: Second.}
      - {name: Three, meaning: Third.}
      - {name: Four, meaning: Fourth.}
      - {name: Five, meaning: Fifth.}
      - {name: Six, meaning: Sixth.}
      - {name: Seven, meaning: Seventh.}
      - {name: Eight, meaning: Eighth.}

Passing example::

    # strategy.yaml
    principles:
      - {name: One, meaning: First.}
      - {name: Two, meaning: Second.}
      - {name: Three, meaning: Third.}
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "P002"
NAME = "too-many-principles"
SEVERITY = "warning"
SECTION = "§1 Useful to teams; §12 Communicate clearly"
SEVERITY_BASIS = (
    "§12 asks for a strategy that is clear, concise and catchy but sets no number of "
    "principles, so the limit is a judgement."
)
QUESTIONS = (2,)
OPTIONS: dict[str, object] = {"max-principles": 7}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    limit = int(ctx.option("max-principles", 7))
    if strategy is None or len(strategy.principles) <= limit:
        return
    yield Violation(
        "strategy",
        "strategy",
        ("principles", limit),
        f"the strategy has {len(strategy.principles)} principles; people remember at most "
        f"about {limit}",
        f"Merge or drop principles until there are {limit} or fewer.",
    )
