"""A commitment promises a system ("implement X", "roll out Y") instead of a change for people.

Good commitments are outcome-focused (§11 Set actions): they say what will change for users,
and do not tie the organisation to a particular solution or technology before it has proved
to be the right one. The guide also warns against strategies that read as IT-driven, focused on
technical change rather than outcomes for patients and staff (§1 IT-driven). "Implement a new
electronic patient record" can be delivered on time while nothing gets better for anyone;
"Nurses record observations once, at the bedside" cannot.

This rule reads each commitment's statement and outcome and reports one that opens with
delivering a solution: "Implement …", "We will roll out …", "Deployment of …", "By 2027, we
will procure …", "The new portal will be live by …", or a general verb whose object, within a
few words, is a system: "Introduce a patient portal", "Deliver a new electronic patient record".
A sentence that starts with the change for people and mentions the system later ("Staff
re-enter less data after we implement the new record") is fine, as is any sentence where words
such as "online" describe what people can do.

Options (setting one replaces its default list):

* ``solution-verbs``: verbs that make a statement solution-phrased on their own (each also as
  "-ing" and as a noun such as "implementation of", "roll-out of"): implement, roll out,
  deploy, procure, install, go live, upgrade, migrate, launch, buy, purchase.
* ``delivery-verbs``: general verbs that do so only when their object is a system: deliver,
  introduce, provide, build, develop, create, replace, move to, put in place, invest in, set up.
  "Provide joined-up care" or "develop staff skills" are outcomes, not systems.
* ``system-words``: what counts as a system or product: platform, portal, app, software,
  solution, dashboard, EPR, EHR, electronic patient (or health) record, PAS, PACS, LIMS, data
  warehouse, data lake, cloud, chatbot, AI, machine learning, blockchain, product names (Cerner,
  Oracle Health, Epic, Meditech, Nervecentre, SystmOne, EMIS, SharePoint, Microsoft 365, Office
  365, Microsoft Teams, Salesforce, ServiceNow, Power BI) and a system that is plainly a
  computer one ("IT system", "new system", "booking system", "clinical system"…). A bare
  "system" is not on the list: in NHS text "across the system" means the integrated care
  system.

Failing example::

    # commitments/rebook-online.yaml
    statement: Implement a new online booking system for outpatients by March 2027.

Passing example::

    # commitments/rebook-online.yaml
    statement: Patients can change an outpatient appointment online in under five minutes.
"""

from __future__ import annotations

from digistrat import prose
from digistrat.prose.wordlists import DELIVERY_VERBS, SOLUTION_VERBS, SYSTEM_WORDS
from digistrat.rules.base import Check, Context, Violation

CODE = "T004"
NAME = "solution-phrased-commitment"
SEVERITY = "warning"
SECTION = "§11 Set actions (Outcome-focused); §1 IT-driven"
SEVERITY_BASIS = (
    "§11 asks for outcome-focused commitments, but telling a solution from an outcome in a "
    "sentence is a heuristic that can be wrong."
)
QUESTIONS = (6,)
OPTIONS: dict[str, object] = {
    "solution-verbs": list(SOLUTION_VERBS),
    "delivery-verbs": list(DELIVERY_VERBS),
    "system-words": list(SYSTEM_WORDS),
}


def check(ctx: Context) -> Check:
    verbs = prose.terms_option(ctx.option("solution-verbs", SOLUTION_VERBS), SOLUTION_VERBS)
    general = prose.terms_option(ctx.option("delivery-verbs", DELIVERY_VERBS), DELIVERY_VERBS)
    systems = prose.terms_option(ctx.option("system-words", SYSTEM_WORDS), SYSTEM_WORDS)
    for ident, commitment in ctx.repo.commitments.items():
        fields = [("statement", commitment.statement), ("outcome", commitment.outcome)]
        for key, text in fields:
            if not text:
                continue
            verb = prose.solution_phrasing(text, verbs, general, systems)
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
