"""A core initiative rests on hype technology (AI, blockchain, RPA…) instead of an experiment.

The guide warns against strategies that focus on unproven technology (§1 Focuses on unproven
tech): cutting-edge technology such as artificial intelligence has real potential, but the
basics (records, connectivity, devices) come first, and a good strategy says so openly. §10
(Mixed portfolios) separates core work, which must deliver, from experiments, which are allowed
to fail. An initiative marked ``type: core`` whose name, description or technology tags
mention AI, machine learning, blockchain, robotic process automation (RPA), the metaverse,
large language models, quantum computing, NFTs, digital twins or the internet of things
(IoT) is reported. Initiatives that are done or stopped are not, and nor is text that rules the
technology out: "no AI is involved", "without blockchain", "we will not use RPA", "not
AI-driven" (a "no", "not", "never", "without", "rather than"… up to three words before the
term, in the same clause). The message is stronger when
no initiative fixing the basics (electronic patient record, Wi-Fi, network, devices,
infrastructure) is under way or done.

Options:

* ``hype-technologies``: the terms looked for. Terms written with two or more capitals
  (``AI``, ``RPA``, ``LLM``) match only with those capitals, so "AI" is never found in "chain"
  or "maintain"; other terms match whole words in any capitals. Setting it replaces the list.
* ``basics-technologies``: what counts as fixing the basics, in the same form.

Failing example::

    # initiatives/online-booking.yaml
    name: Machine learning to predict missed appointments
    type: core

Passing example::

    # initiatives/online-booking.yaml
    name: Machine learning to predict missed appointments
    type: experiment
"""

from __future__ import annotations

from digistrat import prose
from digistrat.models import Initiative
from digistrat.prose.wordlists import BASICS_TECH, HYPE_TECH
from digistrat.rules.base import Check, Context, Violation

CODE = "T003"
NAME = "hype-as-core"
SEVERITY = "warning"
SECTION = "§1 Focuses on unproven tech; §10 Mixed portfolios"
SEVERITY_BASIS = (
    "§1 names focusing on unproven tech as a sign of a bad strategy, but recognising it from "
    "words is a heuristic that can be wrong."
)
QUESTIONS = (5,)
OPTIONS: dict[str, object] = {
    "hype-technologies": list(HYPE_TECH),
    "basics-technologies": list(BASICS_TECH),
}

_FINISHED = frozenset({"done", "stopped"})
_UNDER_WAY = frozenset({"approved", "in-progress", "done"})


def _mentions(ini: Initiative, terms: tuple[str, ...]) -> tuple[tuple[str | int, ...], str] | None:
    """Where an initiative first mentions one of ``terms``: (location, term as written)."""
    fields: list[tuple[tuple[str | int, ...], str]] = [(("name",), ini.name)]
    if ini.description:
        fields.append((("description",), prose.unquoted(ini.description)))
    fields.extend((("technology", i), tag) for i, tag in enumerate(ini.technology))
    for loc, text in fields:
        found = prose.find_terms(text, terms, affirmed=loc[0] != "technology")
        if found:
            return loc, found[0]
    return None


def _basics_under_way(ctx: Context, basics: tuple[str, ...]) -> bool:
    for ini in ctx.repo.initiatives.values():
        if ini.status in _UNDER_WAY and _mentions(ini, basics):
            return True
    strategy = ctx.repo.strategy
    delivered = strategy.delivered if strategy is not None else []
    return any(prose.find_terms(f"{d.what}. {d.impact}", basics, affirmed=True) for d in delivered)


def check(ctx: Context) -> Check:
    hype = prose.terms_option(ctx.option("hype-technologies", HYPE_TECH), HYPE_TECH)
    basics = prose.terms_option(ctx.option("basics-technologies", BASICS_TECH), BASICS_TECH)
    if not hype:
        return
    basics_ok: bool | None = None
    for ident, ini in ctx.repo.initiatives.items():
        if ini.type != "core" or ini.status in _FINISHED:
            continue
        found = _mentions(ini, hype)
        if found is None:
            continue
        if basics_ok is None:
            basics_ok = not basics or _basics_under_way(ctx, basics)
        loc, term = found
        message = (
            f"the core initiative `{ident}` is built on “{term}”, technology the guide counts "
            "as unproven"
        )
        if not basics_ok:
            message += (
                ", while no initiative fixing the basics (records, Wi-Fi, network, devices) "
                "is under way or done"
            )
        yield Violation(
            "initiatives",
            ident,
            loc,
            message,
            "Run it as a small experiment first (`type: experiment`) with a clear test of "
            "whether it works for patients or staff, and make sure the basics it depends on "
            "are fixed and planned as core work.",
        )
