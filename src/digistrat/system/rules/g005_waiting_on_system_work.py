"""A member's work waits for a system initiative that is stopped, late, or finishes too late.

Much of an integrated care system's digital work is done once for everyone, like the shared
care record or one front door (§5 "Understand the system context"), and members plan their own
work on top of it. When the system's work slips, every member waiting for it slips too, and
boards need to see that knock-on when they answer how they align with the system (§2 Q8) and
sequence their work (§10 "Sequencing").

For each member initiative that is not done or stopped, and each system initiative it names
under ``system_depends_on:``, this rule reports when the system initiative:

* has been stopped;
* was due to end before today and is not done (it is late);
* is planned to end after the member's initiative starts (the member would start before what
  it waits for is ready).

For example: a trust's ``results-sharing`` initiative starts on 1 April 2027 with
``system_depends_on: [shared-care-record]``, and the system's shared care record ends on
30 September 2027. Move the trust's start after 30 September 2027, or agree an earlier date
for the shared care record.
"""

from __future__ import annotations

from digistrat.system.rules.base import SystemCheck, SystemContext, SystemViolation
from digistrat.voice import longdate

CODE = "G005"
NAME = "waiting-on-system-work"
SEVERITY = "warning"
SECTION = "§5 Understand the system context; §10 Sequencing"
SEVERITY_BASIS = (
    "§10 treats sequencing as a judgement the plan must show, and §5 treats system alignment "
    "as work to agree with partners, so a dependency that does not fit is a concern to discuss."
)
QUESTIONS = (8,)
OPTIONS: dict[str, object] = {}


def check(ctx: SystemContext) -> SystemCheck:
    work = ctx.system.initiatives
    for member in ctx.members:
        for i in member.initiatives:
            if not i.open or i.depends_at is None:
                continue
            for wid in i.system_depends_on:
                system = work.get(wid)
                if system is None:
                    continue  # G004 reports it
                reason = ""
                if system.status == "stopped":
                    reason = "which the system has stopped"
                elif system.status != "done" and system.end is not None and system.end < ctx.today:
                    reason = f"which was due to finish by {longdate(system.end)} and is not done"
                elif (
                    system.status != "done"
                    and system.end is not None
                    and i.start is not None
                    and system.end > i.start
                ):
                    reason = (
                        f"which is planned to finish on {longdate(system.end)}, after this work "
                        f"starts on {longdate(i.start)}"
                    )
                if reason:
                    yield SystemViolation(
                        i.depends_at,
                        f"{member.name}: “{i.name}” waits for the system's “{system.name}”, "
                        f"{reason}",
                        "Agree a new date with the system and move this initiative's `start`, or "
                        "plan how to go ahead without it; the system's board paper lists every "
                        "member waiting for it.",
                    )
