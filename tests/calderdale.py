"""The guide's Calderdale prioritisation matrix (§10 Make choices) as a repository: shared by
the scoring tests and the spreadsheet tests, which both reproduce its published totals."""

from __future__ import annotations

from pathlib import Path

from helpers import build_tree

# Calderdale and Huddersfield NHS Foundation Trust, "Investment Digital Aspirant Prioritisation"
# (the guide, §10 Make choices), entered as published, with the two staff scores (6 and 7)
# outside the 0-5 scale: id → (name, patient, staff, financial, published total).
PUBLISHED = {
    "voice-recognition": ("Voice Recognition", 8, 4, 2, 70),
    "e-consent": ("e-Consent", 8, 3, 3, 70),
    "emis-cerner-interface": ("EMIS/Cerner Interface", 8, 4, 3, 75),
    "wi-fi": ("Wi-Fi", 8, 4, 3, 75),
    "closed-loop": ("Closed Loop", 10, 5, 3, 90),
    "cardiology": ("Cardiology", 9, 6, 3, 90),
    "network-infrastructure": ("Network/ Infrastructure", 7, 7, 4, 90),
    "agile-working": ("Agile Working", 6, 5, 5, 80),
}

CRITERIA = """\
scoring:
  criteria:
    - id: patient
      label: Patient benefits
      weight: 50
      min: 0
      max: 10
    - id: staff
      label: Staff benefit
      weight: 25
      min: 0
      max: 5
    - id: financial
      label: Financial benefit
      weight: 25
      min: 0
      max: 5
"""


def calderdale(root: Path, criteria: str = CRITERIA) -> Path:
    files: dict[str, str | bytes] = {
        "strategy.yaml": "organisation: Calderdale and Huddersfield NHS Foundation Trust\n"
        "title: Digital strategy 2020-25\n" + criteria
    }
    for ident, (name, patient, staff, financial, _) in PUBLISHED.items():
        files[f"initiatives/{ident}.yaml"] = (
            f'name: "{name}"\ncategory: improve\n'
            f"scores:\n  patient: {patient}\n  staff: {staff}\n  financial: {financial}\n"
        )
    return build_tree(root, files)
