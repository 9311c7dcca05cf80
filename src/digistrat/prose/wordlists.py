"""Default word lists for the text rules. Each rule exposes its list as an option, so that an
organisation can change it in ``strategy.yaml`` (``check: options:``)."""

from __future__ import annotations

VAGUE_WORDS: tuple[str, ...] = (
    "improve",
    "better",
    "enhance",
    "transform",
    "streamline",
    "optimise",
    "modernise",
    "revolutionise",
    "empower",
    "world-class",
    "best-in-class",
    "seamless",
    "cutting-edge",
    "state-of-the-art",
    "world-leading",
    "high-quality",
    "fully digital",
)
"""Words that promise change without saying what or how much (guide §1 Vague, §11 Tangible).
Not here on purpose: "joined-up" and "integrated" (they name a real aim, care that crosses
organisations, whose vagueness is the missing measure that C001 reports), "digital" (the
strategy's subject) and "excellent" or "outstanding" (CQC ratings, which can be measured)."""

JARGON_WORDS: tuple[str, ...] = (
    "leverage",
    "synergy",
    "paradigm",
    "low-hanging fruit",
    "move the needle",
    "blue-sky",
    "best-of-breed",
    "game-changer",
    "game-changing",
    "thought leadership",
    "transformation journey",
    "single pane of glass",
    "data-driven insights",
)
"""Management-speak that a board member or patient would have to translate (guide §11).
Not here on purpose: "holistic" (holistic needs assessment is clinical language) and "digital
journey" (the guide itself uses it)."""

HYPE_TECH: tuple[str, ...] = (
    "AI",
    "artificial intelligence",
    "machine learning",
    "ML",
    "generative AI",
    "GenAI",
    "LLM",
    "large language model",
    "blockchain",
    "distributed ledger",
    "RPA",
    "robotic process automation",
    "metaverse",
    "quantum computing",
    "quantum computer",
    "NFT",
    "Web3",
    "digital twin",
    "IoT",
    "internet of things",
)
"""Cutting-edge technology the guide warns against putting at the core (§1 Unproven tech).
Terms with two or more capitals (``AI``, ``RPA``) match only with those exact capitals."""

BASICS_TECH: tuple[str, ...] = (
    "EPR",
    "electronic patient record",
    "electronic health record",
    "PAS",
    "patient administration system",
    "Wi-Fi",
    "wifi",
    "network",
    "infrastructure",
    "devices",
    "laptops",
    "single sign-on",
    "cyber security",
    "broadband",
)
"""The basics the guide says to fix first: records, connectivity, devices, infrastructure."""

SOLUTION_VERBS: tuple[str, ...] = (
    "implement",
    "roll out",
    "deploy",
    "procure",
    "install",
    "go live",
    "upgrade",
    "migrate",
    "launch",
    "buy",
    "purchase",
)
"""Verbs that describe delivering a system rather than a change for people (§11)."""

DELIVERY_VERBS: tuple[str, ...] = (
    "deliver",
    "introduce",
    "provide",
    "build",
    "develop",
    "create",
    "replace",
    "move to",
    "put in place",
    "invest in",
    "set up",
)
"""General verbs that make a statement solution-phrased when their object is a system."""

SYSTEM_WORDS: tuple[str, ...] = (
    "IT system",
    "new system",
    "digital system",
    "computer system",
    "software system",
    "electronic system",
    "online system",
    "booking system",
    "record system",
    "records system",
    "clinical system",
    "information system",
    "management system",
    "administration system",
    "ordering system",
    "prescribing system",
    "rostering system",
    "telephone system",
    "phone system",
    "email system",
    "finance system",
    "platform",
    "portal",
    "app",
    "software",
    "solution",
    "dashboard",
    "EPR",
    "EHR",
    "electronic patient record",
    "electronic health record",
    "PAS",
    "PACS",
    "LIMS",
    "data warehouse",
    "data lake",
    "cloud",
    "chatbot",
    "AI",
    "machine learning",
    "blockchain",
    "Cerner",
    "Oracle Health",
    "Epic",
    "Meditech",
    "Nervecentre",
    "SystmOne",
    "EMIS",
    "SharePoint",
    "Microsoft 365",
    "Office 365",
    "Microsoft Teams",
    "Salesforce",
    "ServiceNow",
    "Power BI",
)
"""Words naming a system or a product rather than a change for people. A bare "system" is not
one: in NHS text "the system" is the integrated care system ("joined-up care across the
system"), so only a system that is plainly a computer one ("IT system", "new system", "booking
system"…) counts."""

PLACEHOLDER_MARKERS: tuple[str, ...] = ("TODO", "TBC", "TBD", "FIXME", "XXX", "lorem ipsum")
"""Generic markers of unfinished text."""
