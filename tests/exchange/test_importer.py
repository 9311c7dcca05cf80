"""``import``: spreadsheets in, written as ``new`` writes them, and the round trip."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from digistrat.exchange import import_sheets, importer
from digistrat.exchange.importer import (
    ImportProblem,
    Options,
    Outcome,
    apply,
    plan,
    read_mapping,
)
from digistrat.exchange.xlsx import export
from digistrat.loader import Repository, load
from digistrat.scoring import score
from exchange_helpers import PUBLISHED, calderdale, empty_repo, guide_matrix

TODAY = date(2026, 6, 1)
EXAMPLE = Path(__file__).parent.parent.parent / "examples" / "riverside"


def run(root: Path, source: Path, options: Options | None = None, dry_run: bool = False) -> Outcome:
    return apply(load(root), plan(load(root), source, options or Options()), dry_run=dry_run)


def ranking(repo: Repository) -> list[tuple[str, str, dict[str, float], float | None, int | None]]:
    return [
        (r.id, r.name, {k: c.score for k, c in r.contributions.items()}, r.total, r.rank)
        for r in score(repo).rows
    ]


def test_round_trip_of_the_example_gives_an_equivalent_repository(tmp_path: Path) -> None:
    book = export(load(EXAMPLE), tmp_path / "riverside.xlsx", TODAY)
    root = empty_repo(tmp_path / "empty")
    outcome = run(root, book)
    assert outcome.refused == []
    original, copy = load(EXAMPLE), load(root)
    assert ranking(copy) == ranking(original)
    for kind in ("initiatives", "services", "commitments"):
        assert set(getattr(copy, kind)) == set(getattr(original, kind)), kind
    for ident, ini in original.initiatives.items():
        twin = copy.initiatives[ident]
        assert (twin.name, twin.category, twin.status, twin.effort, twin.cost) == (
            ini.name, ini.category, ini.status, ini.effort, ini.cost
        )  # fmt: skip
        assert twin.owner is not None and ini.owner is not None
        assert (twin.owner.name, twin.owner.role, twin.owner.function) == (
            ini.owner.name, ini.owner.role, ini.owner.function
        )  # fmt: skip
    for ident, c in original.commitments.items():
        twin_c = copy.commitments[ident]
        assert (twin_c.statement, twin_c.due, twin_c.status, twin_c.initiatives) == (
            c.statement, c.due, c.status, c.initiatives
        )  # fmt: skip
        assert (twin_c.measure and twin_c.measure.target) == (c.measure and c.measure.target)
        assert twin_c.owner and c.owner and twin_c.owner.function == c.owner.function
    for ident, s in original.services.items():
        twin_s = copy.services[ident]
        assert (twin_s.name, twin_s.kind, twin_s.phase) == (s.name, s.kind, s.phase)
        assert (twin_s.measures and twin_s.measures.cost_per_use) == (
            s.measures and s.measures.cost_per_use
        )
    # written as `new` writes them: the template's comments are there
    text = (root / "initiatives" / "results-in-one-place.yaml").read_text()
    assert "# maintain, improve or transform" in text
    assert "scores:\n  patient-benefit: 8\n" in text
    # export again from the copy, import again: the same once more
    again = export(copy, tmp_path / "again.xlsx", TODAY)
    root2 = empty_repo(tmp_path / "empty2")
    assert run(root2, again).refused == []
    assert ranking(load(root2)) == ranking(original)


def test_round_trip_of_the_calderdale_matrix_keeps_its_criteria_and_totals(
    tmp_path: Path,
) -> None:
    source = calderdale(tmp_path / "cal")
    book = export(load(source), tmp_path / "cal.xlsx", TODAY)
    root = empty_repo(tmp_path / "empty")
    outcome = run(root, book)
    assert [c.id for c in outcome.criteria_added] == ["patient", "staff", "financial"]
    assert ranking(load(root)) == ranking(load(source))
    strategy = (root / "strategy.yaml").read_text()
    assert "# One sentence that everyone in the organisation can repeat" in strategy  # kept
    assert "scoring:\n  model: weighted\n  criteria:\n    - id: patient\n" in strategy


def test_the_guide_shaped_matrix_with_real_world_mess_is_imported(tmp_path: Path) -> None:
    book = guide_matrix(tmp_path / "guide.xlsx")
    root = empty_repo(tmp_path / "empty")
    outcome = run(root, book)
    assert outcome.refused == []
    scales = {c.id: (c.weight, c.min, c.max) for c in outcome.criteria_added}
    # 0-10 from "8/10", 0-5 for the others because only that reproduces the sheet's totals
    assert scales == {
        "patient-benefits": (50, 0, 10),
        "staff-benefit": (25, 0, 5),
        "financial-benefit": (25, 0, 5),
    }
    totals = {r.name: r.total for r in score(load(root)).rows}
    assert totals == {name: total for name, *_, total in PUBLISHED.values()}
    notes = {n.where: n.message for n in outcome.notes}
    assert "describes the criterion in words" in notes["Prioritisation!C4"]
    assert "outside its scale (0 to 5)" in notes["Prioritisation!F11"]  # cardiology's staff 6
    assert load(root).initiatives["wi-fi"].description == "What Wi-Fi is"


def test_without_fractions_the_sheet_totals_decide_every_scale(tmp_path: Path) -> None:
    book = guide_matrix(tmp_path / "guide.xlsx", fractions=False)
    outcome = run(empty_repo(tmp_path / "empty"), book)
    assert [c.max for c in outcome.criteria_added] == [10, 5, 5]
    assert all("reproduces the sheet's own totals" in n.message for n in outcome.notes[:3])


def test_without_totals_the_scale_is_the_next_of_5_10_100_and_is_reported(
    tmp_path: Path,
) -> None:
    csv_file = tmp_path / "m.csv"
    csv_file.write_text("Name,Patient (60%),Cost (40%)\nA,7,30\nB,3,80\n")
    outcome = run(empty_repo(tmp_path / "empty"), csv_file)
    assert [(c.label, c.max) for c in outcome.criteria_added] == [("Patient", 10), ("Cost", 100)]
    assert "the highest score is 7" in outcome.notes[0].message
    assert "change `min` and `max`" in outcome.notes[0].hint


def test_an_existing_id_is_never_overwritten_and_the_row_is_refused(tmp_path: Path) -> None:
    book = export(load(calderdale(tmp_path / "cal")), tmp_path / "cal.xlsx", TODAY)
    root = empty_repo(tmp_path / "empty")
    run(root, book)
    before = (root / "initiatives" / "wi-fi.yaml").read_bytes()
    (root / "initiatives" / "wi-fi.yaml").write_bytes(before + b"# my note\n")
    outcome = run(root, book)
    assert outcome.created == []
    refused = {n.where: n.message for n in outcome.refused}
    assert len(refused) == len(PUBLISHED)
    assert any("`wi-fi` exists already" in m for m in refused.values())
    assert (root / "initiatives" / "wi-fi.yaml").read_bytes() == before + b"# my note\n"


def test_bad_rows_are_refused_with_their_cell_and_the_rest_imported(tmp_path: Path) -> None:
    csv_file = tmp_path / "register.csv"
    csv_file.write_text(
        "Initiative,Category,Status,Effort,Start,Notes\n"
        "Good one,improve,In progress,3,31/03/2027,kept?\n"
        "Bad status,improve,maybe,3,,\n"
        "Bad effort,improve,proposed,lots,,\n"
        "Bad date,improve,proposed,2,31 Smarch 2027,\n"
        ",,proposed,,,\n"
    )
    outcome = run(empty_repo(tmp_path / "empty", scoring=True), csv_file)
    assert [e.id for e in outcome.created] == ["good-one"]
    refused = {n.where: n.message for n in outcome.refused}
    assert refused == {
        "register!C3": "`maybe` is not a status",
        "register!D4": "`lots` under `Effort` is not a number",
        "register!E5": "`31 Smarch 2027` under `Start` is not a date",
        "register!A6": "the row has no name, so it was not imported",
    }
    hints = {n.where: n.hint for n in outcome.refused}
    assert "proposed, approved, in-progress, done, stopped" in hints["register!C3"]
    unknown = [n for n in outcome.notes if n.where == "register!F1"]
    assert len(unknown) == 1 and "`Notes` matches no field" in unknown[0].message
    good = load(tmp_path / "empty").initiatives["good-one"]
    assert (good.status, good.effort, good.start) == ("in-progress", 3, date(2027, 3, 31))


def test_columns_can_be_mapped_by_option_or_mapping_file(tmp_path: Path) -> None:
    csv_file = tmp_path / "odd.csv"
    csv_file.write_text("Thing,Benefit,Notes\nA,9,x\nB,4,y\n")
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        "columns:\n  Thing: name\n  Benefit: patient\n  Notes: ignore\n"
        "criteria:\n  - id: patient\n    label: Patient benefit\n    weight: 1\n    max: 10\n"
    )
    root = empty_repo(tmp_path / "empty")
    outcome = run(root, csv_file, read_mapping(mapping))
    assert outcome.notes == [] and outcome.refused == []
    assert [(r.id, r.total) for r in score(load(root)).rows] == [("a", 90), ("b", 40)]


def test_a_mapping_file_with_mistakes_is_refused_clearly(tmp_path: Path) -> None:
    mapping = tmp_path / "map.yaml"
    mapping.write_text("colums:\n  A: name\n")
    with pytest.raises(ImportProblem, match="`colums` is not a mapping setting"):
        read_mapping(mapping)
    mapping.write_text("criteria:\n  - id: x\n")
    with pytest.raises(ImportProblem, match="criterion 1 needs an id, a weight and a max"):
        read_mapping(mapping)


@pytest.mark.parametrize(
    ("data", "note"),
    [
        ("\ufeffName;Category\nCafé £5;improve\n".encode(), None),
        ("Name\tCategory\nCafé £5\timprove\n".encode("utf-16"), None),
        ("Name,Category\nCafé £5,improve\n".encode("cp1252"), "read as Windows text"),
    ],
)
def test_csv_with_a_bom_or_another_encoding(tmp_path: Path, data: bytes, note: str | None) -> None:
    csv_file = tmp_path / "list.csv"
    csv_file.write_bytes(data)
    outcome = run(empty_repo(tmp_path / "empty", scoring=True), csv_file)
    assert [e.title for e in outcome.created] == ["Café £5"]
    notes = [n.message for n in outcome.notes]
    assert (note is None and notes == []) or (note is not None and note in notes[0])


def test_a_corrupt_workbook_is_refused_clearly(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ImportProblem, match="could not be read as an Excel workbook"):
        importer.read_file(bad)
    with pytest.raises(ImportProblem, match="is a folder, not a file"):
        importer.read_file(tmp_path)
    (tmp_path / "matrix.ods").write_bytes(b"x")
    with pytest.raises(ImportProblem, match=r"not an \.xlsx or \.csv file"):
        importer.read_file(tmp_path / "matrix.ods")


def test_a_huge_sheet_is_refused_not_truncated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_sheets, "MAX_ROWS", 10)
    csv_file = tmp_path / "big.csv"
    csv_file.write_text("Name\n" + "".join(f"Item {i}\n" for i in range(40)))
    with pytest.raises(ImportProblem, match="more than 10 rows"):
        importer.read_file(csv_file)
    csv_file.write_text("Name\n" + "".join(f"Item {i}\n" for i in range(10)))
    assert len(importer.read_file(csv_file)[0].rows) == 11  # exactly the limit is fine


def test_formulas_without_a_saved_value_are_refused(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Initiative", "Patient benefit"])
    ws.append(["Typed", 4])
    ws.append(["Computed", "=2+2"])  # openpyxl saves no result, as a script would
    wb.save(tmp_path / "f.xlsx")
    outcome = run(empty_repo(tmp_path / "empty", scoring=True), tmp_path / "f.xlsx")
    assert [e.id for e in outcome.created] == ["typed"]
    assert [(n.where, "formula with no saved result" in n.message) for n in outcome.refused] == [
        ("Sheet!B3", True)
    ]


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    book = guide_matrix(tmp_path / "guide.xlsx")
    root = empty_repo(tmp_path / "empty")
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    outcome = run(root, book, dry_run=True)
    assert len(outcome.created) == 8 and outcome.created[0].text.startswith("# yaml-language")
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_hostile_names_survive_the_round_trip(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent.parent / "hostile"))
    from hostile_cases import poisoned_copy

    payloads = ["=1+1", "@SUM(A1)", "-2+3", "+cmd|' /C calc'!A0", "'=already quoted"]
    source = poisoned_copy(EXAMPLE, tmp_path / "repo", payloads)
    book = export(load(source), tmp_path / "p.xlsx", TODAY)
    root = empty_repo(tmp_path / "empty")
    run(root, book)
    original, copy = load(source), load(root)
    names = {i: x.name for i, x in original.initiatives.items()}
    assert {i: x.name for i, x in copy.initiatives.items() if i in names} == {
        i: n for i, n in names.items() if i in copy.initiatives
    }
    assert any(n.startswith(("=", "@", "-", "+")) for n in names.values())


def test_import_needs_a_name_column(tmp_path: Path) -> None:
    csv_file = tmp_path / "x.csv"
    csv_file.write_text("Colour,Size\nred,3\n")
    outcome = run(empty_repo(tmp_path / "e", scoring=True), csv_file)
    assert outcome.created == []
    assert "no column of `x` gives the name" in outcome.refused[0].message


def test_the_guide_matrix_imported_exports_and_imports_again_the_same(tmp_path: Path) -> None:
    first = empty_repo(tmp_path / "first")
    run(first, guide_matrix(tmp_path / "guide.xlsx"))
    book = export(load(first), tmp_path / "again.xlsx", TODAY)
    second = empty_repo(tmp_path / "second")
    outcome = run(second, book)
    assert outcome.refused == []
    assert ranking(load(second)) == ranking(load(first))
    assert [r.total for r in score(load(second)).rows] == [90, 90, 90, 80, 75, 75, 70, 70]


def test_a_repeated_row_is_refused_naming_the_first(tmp_path: Path) -> None:
    csv_file = tmp_path / "list.csv"
    csv_file.write_text("Name,Category\nWi-Fi,improve\nWi-Fi,maintain\n")
    outcome = run(empty_repo(tmp_path / "e", scoring=True), csv_file)
    assert [e.id for e in outcome.created] == ["wi-fi"]
    assert [(n.where, n.message) for n in outcome.refused] == [
        ("list!A3", "`wi-fi` is the id of the row at list!A2 too, so this row was not imported")
    ]


def test_criteria_in_strategy_yaml_are_matched_by_label_plural_or_not(tmp_path: Path) -> None:
    root = empty_repo(tmp_path / "init", scoring=True)  # init's criteria: 50/25/25 on 10/5/5
    outcome = run(root, guide_matrix(tmp_path / "guide.xlsx"))
    assert outcome.criteria_added == [] and outcome.refused == []
    assert not [n for n in outcome.notes if "matches no field" in n.message]
    totals = {r.name: r.total for r in score(load(root)).rows}
    assert totals == {name: total for name, *_, total in PUBLISHED.values()}


def test_a_weight_in_a_header_that_differs_from_strategy_yaml_is_reported(
    tmp_path: Path,
) -> None:
    csv_file = tmp_path / "m.csv"
    csv_file.write_text(
        "Name,Patient benefit (40%),Staff benefit (30%),Financial benefit (30%)\nA,5,3,3\n"
    )
    outcome = run(empty_repo(tmp_path / "init", scoring=True), csv_file)
    notes = {n.where: n.message for n in outcome.notes}
    assert notes["m!B1"].startswith(
        "the sheet weighs `Patient benefit (40%)` at 40%, strategy.yaml at 50%"
    )
    assert load(tmp_path / "init").initiatives["a"].scores == {
        "patient-benefit": 5, "staff-benefit": 3, "financial-benefit": 3
    }  # fmt: skip


def test_a_damaged_sheet_inside_a_valid_workbook_is_refused_clearly(tmp_path: Path) -> None:
    import zipfile

    good = guide_matrix(tmp_path / "good.xlsx")
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # cut off half way
            dst.writestr(item, data)
    with pytest.raises(ImportProblem, match="a sheet is damaged"):
        importer.read_file(bad)


@pytest.mark.parametrize(
    ("title", "ref"),
    [("Matrix", "Matrix"), ("My sheet", "'My sheet'"), ("Bob's", "'Bob''s'"), ("2027", "'2027'")],
)
def test_sheet_names_in_cell_references(title: str, ref: str) -> None:
    assert importer.sheet_ref(title) == ref


def test_too_many_columns_are_refused_not_cut_off(tmp_path: Path) -> None:
    csv_file = tmp_path / "wide.csv"
    csv_file.write_text("Name" + "," * 250 + "far\nA" + "," * 250 + "x\n")
    with pytest.raises(ImportProblem, match="row 1 of `wide` has values beyond column 200"):
        importer.read_file(csv_file)
    csv_file.write_text("Name" + "," * 250 + "\nA" + "," * 250 + "\n")  # blank beyond: fine
    assert importer.read_file(csv_file)[0].rows == [
        (1, ["Name"] + [""] * 199),
        (2, ["A"] + [""] * 199),
    ]


def test_lists_of_ids_in_one_cell(tmp_path: Path) -> None:
    csv_file = tmp_path / "list.csv"
    csv_file.write_text(
        'Name,Category,Depends on,Technology\nA,improve,,\nB,improve,"A; c-d",EPR\n'
    )
    run(empty_repo(tmp_path / "e", scoring=True), csv_file)
    b = load(tmp_path / "e").initiatives["b"]
    assert (b.depends_on, b.technology) == (["a", "c-d"], ["EPR"])


def test_without_a_function_column_the_placeholder_is_told_not_passed_off(tmp_path: Path) -> None:
    source = tmp_path / "sheet.csv"
    source.write_text("Initiative,Owner\nWifi refresh,Kim Doe (Head of IT)\nNo owner,\n")
    root = empty_repo(tmp_path / "repo")
    outcome = run(root, source)
    assert [e.id for e in outcome.created] == ["wifi-refresh", "no-owner"]
    told = [n for n in outcome.notes if "function" in n.message]
    assert len(told) == 1
    assert "1 owner was written with `function: clinical`" in told[0].message
    assert "not from the sheet" in told[0].message


def test_a_function_column_is_carried_through(tmp_path: Path) -> None:
    source = tmp_path / "sheet.csv"
    source.write_text("Initiative,Owner,Function\nWifi refresh,Kim Doe (Head of IT),digital\n")
    root = empty_repo(tmp_path / "repo")
    outcome = run(root, source)
    assert not [n for n in outcome.notes if "function" in n.message]
    owner = load(root).initiatives["wifi-refresh"].owner
    assert owner is not None and owner.function == "digital"


SCORE_PAIRS = (
    "Initiative,Lead,Clinical Safety (40%),Score,Patient Experience (30%),Score,"
    "Cost Saving (30%),Score\n"
    "Ward e-obs,Dr A Patel,Reduces harm,8,Faster,6,Some,4\n"
    "Online booking,Lee Chan,Neutral,3,Big,9,Lots,8\n"
)


def fresh_init(root: Path) -> Path:
    from digistrat.scaffold import scaffold

    scaffold(root, today=TODAY)
    return root


def test_criteria_unlike_strategy_yaml_refuse_the_sheet_rather_than_drop_scores(
    tmp_path: Path,
) -> None:
    source = tmp_path / "matrix.csv"
    source.write_text(SCORE_PAIRS)
    root = fresh_init(tmp_path / "repo")
    before = (root / "strategy.yaml").read_text()
    outcome = run(root, source)
    assert outcome.created == []
    [refused] = outcome.refused
    assert refused.where == "matrix!D1"
    assert "`Clinical Safety` (column D)" in refused.message
    assert "`Cost Saving` (column H)" in refused.message
    assert "example criteria `digistrat init` wrote" in refused.hint
    assert "--criteria replace" in refused.hint
    assert '--column "D=patient-benefit"' in refused.hint
    assert (root / "strategy.yaml").read_text() == before


def test_criteria_changed_by_hand_are_not_called_the_examples(tmp_path: Path) -> None:
    source = tmp_path / "matrix.csv"
    source.write_text(SCORE_PAIRS)
    root = fresh_init(tmp_path / "repo")
    strategy = root / "strategy.yaml"
    strategy.write_text(strategy.read_text().replace("weight: 50", "weight: 60", 1))
    [refused] = run(root, source).refused
    assert "example criteria" not in refused.hint
    assert "strategy.yaml has: Patient benefit" in refused.hint


def test_criteria_replace_uses_the_sheet_s_criteria(tmp_path: Path) -> None:
    source = tmp_path / "matrix.csv"
    source.write_text(SCORE_PAIRS)
    root = fresh_init(tmp_path / "repo")
    outcome = run(root, source, Options(replace_criteria=True))
    assert outcome.refused == []
    repo = load(root)
    assert repo.strategy is not None
    assert [c.id for c in repo.strategy.scoring.criteria] == [
        "clinical-safety",
        "patient-experience",
        "cost-saving",
    ]
    assert repo.initiatives["online-booking"].scores == {
        "clinical-safety": 3,
        "patient-experience": 9,
        "cost-saving": 8,
    }
    told = [n for n in outcome.notes if n.where == "strategy.yaml"]
    assert "initiatives/example-initiative.yaml" in told[0].message


def test_columns_are_mapped_by_letter_when_headers_repeat(tmp_path: Path) -> None:
    source = tmp_path / "matrix.csv"
    source.write_text(SCORE_PAIRS)
    root = fresh_init(tmp_path / "repo")
    mapping = {"D": "patient-benefit", "f": "staff-benefit", "H": "financial-benefit"}
    outcome = run(root, source, Options(columns=mapping))
    assert outcome.refused == []
    assert load(root).initiatives["ward-e-obs"].scores == {
        "patient-benefit": 8,
        "staff-benefit": 6,
        "financial-benefit": 4,
    }


def test_a_mapping_to_an_unknown_field_says_so_with_a_suggestion(tmp_path: Path) -> None:
    source = tmp_path / "sheet.csv"
    source.write_text("Project,Project Lead\nWifi refresh,Kim Doe\n")
    root = empty_repo(tmp_path / "repo")
    outcome = run(root, source, Options(columns={"Project": "nam"}))
    assert outcome.created == []
    [refused] = outcome.refused
    assert refused.where == "sheet!A1"
    assert "`nam`, which is not a field of initiatives" in refused.message
    assert "did you mean `name`?" in refused.message
    assert "is scores for" not in refused.message
    # a header's alias is as good as the field's name
    outcome = run(root, source, Options(columns={"Project Lead": "lead"}))
    assert outcome.refused == []
    owner = load(root).initiatives["wifi-refresh"].owner
    assert owner is not None and owner.name == "Kim Doe"


def test_statuses_rag_for_commitments_explained_for_initiatives_and_near_misses(
    tmp_path: Path,
) -> None:
    initiatives = tmp_path / "initiatives.csv"
    initiatives.write_text("Initiative,Status\nOne,Green\nTwo,In Progess\nThree,In progress\n")
    commitments = tmp_path / "commitments.csv"
    commitments.write_text("Commitment,Status\nWe will do it,Green\nWe will try,Amber\n")
    root = empty_repo(tmp_path / "repo")
    outcome = run(root, initiatives, Options(kind="initiatives"))
    assert [e.id for e in outcome.created] == ["three"]
    green, typo = outcome.refused
    assert (green.where, typo.where) == ("initiatives!B2", "initiatives!B3")
    assert "`Green` is a RAG rating" in green.message
    assert "Green is on-track" in green.hint
    assert typo.message == "`In Progess` is not a status; did you mean `in-progress`?"
    outcome = run(root, commitments, Options(kind="commitments"))
    assert outcome.refused == []
    statuses = {i: c.status for i, c in load(root).commitments.items()}
    assert statuses == {"we-will-do-it": "on-track", "we-will-try": "at-risk"}


def test_everyday_headers_are_recognised(tmp_path: Path) -> None:
    initiatives = tmp_path / "projects.csv"
    initiatives.write_text('Project,Project Lead,Est. Cost (£)\nWifi refresh,Kim Doe,"£12,000"\n')
    commitments = tmp_path / "commitments.csv"
    commitments.write_text("Commitment,Projects\nWe will do it,wifi-refresh\n")
    root = empty_repo(tmp_path / "repo")
    outcome = run(root, initiatives, Options(kind="initiatives"))
    assert not [n for n in outcome.notes if "matches no field" in n.message]
    outcome = run(root, commitments, Options(kind="commitments"))
    assert not [n for n in outcome.notes if "matches no field" in n.message]
    repo = load(root)
    wifi = repo.initiatives["wifi-refresh"]
    assert wifi.owner is not None and wifi.owner.name == "Kim Doe"
    assert wifi.cost == 12000
    assert repo.commitments["we-will-do-it"].initiatives == ["wifi-refresh"]
