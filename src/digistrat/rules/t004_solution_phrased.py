"""A commitment promises a system ("implement X", "roll out Y") instead of a change for people.

Good commitments are outcome-focused (§11 Set actions): they say what will change for users,
and do not tie the organisation to a particular solution or technology before it has proved
to be the right one. The guide also warns against strategies that read as IT-driven, focused on
technical change rather than outcomes for patients and staff (§1 IT-driven). "Implement a new
electronic patient record" can be delivered on time while nothing gets better for anyone;
"Nurses record observations once, at the bedside" cannot.

This rule reads each commitment's statement and outcome and reports one that opens with
delivering a solution: "Implement …", "We will roll out …", "Deployment of …", "By 2027, we
will procure …", or "The new portal will be live by …". A sentence that starts with the change
for people and mentions the system later ("Staff re-enter less data after we implement the new
record") is fine, as is any sentence where words such as "online" describe what people can do.

Options:

* ``solution-verbs``: the verbs looked for at the start (each also as "-ing" and as a noun
  such as "implementation of", "roll-out of"). Setting it replaces the default list.

Failing example::

    # commitments/rebook-online.yaml
    statement: Implement a new online booking system for outpatients by March 2027.

Passing example::

    # commitments/rebook-online.yaml
    statement: Patients can change an outpatient appointment online in under five minutes.
"""

from __future__ import annotations

from digistrat import prose
from digistrat.prose.wordlists import SOLUTION_VERBS
from digistrat.rules.base import Check, Context, Violation

CODE = "T004"
NAME = "solution-phrased-commitment"
SEVERITY = "warning"
SECTION = "§11 Set actions (Outcome-focused); §1 IT-driven"
QUESTIONS = (3, 6)
OPTIONS: dict[str, object] = {"solution-verbs": list(SOLUTION_VERBS)}


def check(ctx: Context) -> Check:
    verbs = prose.terms_option(ctx.option("solution-verbs", SOLUTION_VERBS), SOLUTION_VERBS)
    for ident, commitment in ctx.repo.commitments.items():
        fields = [("statement", commitment.statement), ("outcome", commitment.outcome)]
        for key, text in fields:
            if not text:
                continue
            verb = prose.solution_phrasing(text, verbs)
            if verb is None:
                continue
            what = "commitment" if key == "statement" else "outcome of commitment"
            yield Violation(
                "commitments",
                ident,
                (key,),
                f"the {what} `{ident}` is about delivering a system (“{verb}”) rather than "
                "what will change for patients or staff",
                "Start with the people and the change they will notice, for example “Patients "
                "can see their test results online within 2 days” instead of “Implement a "
                "patient portal”. Name the system in the initiative, not the commitment.",
            )
