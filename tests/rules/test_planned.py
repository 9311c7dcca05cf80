"""When open initiatives finish, by their own dates or by the plan (shared by R004 to R006)."""

from __future__ import annotations

from datetime import date

from digistrat.rules.planned import Finish, _finish
from digistrat.scoring.quarters import quarter_of

TODAY = date(2026, 6, 1)
BASE = quarter_of(TODAY)  # Apr-Jun 2026 is the plan's quarter 0


def test_own_end_date_when_the_plan_keeps_it() -> None:
    finish = _finish(date(2026, 7, 1), date(2026, 8, 15), "approved", 1, BASE, TODAY)
    assert finish == Finish(date(2026, 8, 15), BASE + 1)
    assert finish.words == "on 15 August 2026 (its end date)"
    assert finish.after(date(2026, 8, 14)) and not finish.after(date(2026, 8, 15))


def test_own_end_date_when_the_plan_finishes_earlier() -> None:
    # an end date later than the plan's finish (an end without a start) is kept
    finish = _finish(None, date(2027, 2, 1), "approved", 1, BASE, TODAY)
    assert finish is not None and finish.stated and finish.earliest == date(2027, 2, 1)


def test_moved_by_the_plan_counts_from_the_first_day_of_its_quarter() -> None:
    finish = _finish(date(2026, 7, 1), date(2026, 8, 15), "approved", 3, BASE, TODAY)
    assert finish is not None and not finish.stated
    assert finish.earliest == date(2027, 1, 1)
    assert finish.words.startswith("in Jan–Mar 2027 (by the plan: with the stated capacity")
    assert finish.after(date(2026, 12, 31)) and not finish.after(date(2027, 1, 1))


def test_no_dates_means_an_assumed_duration() -> None:
    finish = _finish(None, None, "proposed", 1, BASE, TODAY)
    assert finish is not None and finish.why == "assumed"
    assert "assumes how long it takes" in finish.words
    in_progress = _finish(date(2026, 1, 1), None, "in-progress", 1, BASE, TODAY)
    assert in_progress is not None and in_progress.why == "assumed"


def test_in_progress_past_its_end_date_finishes_no_sooner_than_today() -> None:
    finish = _finish(date(2026, 1, 1), date(2026, 5, 15), "in-progress", 0, BASE, TODAY)
    assert finish is not None and finish.why == "overrun" and finish.earliest == TODAY
    assert finish.words == "later than planned: its end date, 15 May 2026, has passed"


def test_blocked_initiatives_finish_on_their_end_date_or_not_at_all() -> None:
    assert _finish(None, date(2027, 3, 31), "approved", None, BASE, TODAY) == Finish(
        date(2027, 3, 31), quarter_of(date(2027, 3, 31))
    )
    assert _finish(None, None, "approved", None, BASE, TODAY) is None
