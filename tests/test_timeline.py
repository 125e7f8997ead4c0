"""Tenures and conflicts from observations and events (kg.timeline, pure: no store, no extractor)."""
from __future__ import annotations

from kg.timeline import Event, Observation, conflicts, tenures

CO = "co"


def obs(person: str, role: str, date: str, doc: str | None = None) -> Observation:
    doc = doc or f"doc-{date}"
    return Observation(f"{doc}/{person}/{role}", CO, person, role, date, doc, f"{doc}/ev")


def event(person: str, change: str, effective: str | None, role: str | None = None, post: str | None = None,
          announced: str = "2025-01-01") -> Event:
    return Event(f"ev/{person}/{change}/{effective}", CO, person, change, effective, post, role, announced,
                 f"doc-{announced}", f"doc-{announced}/ev")


BOARDS = {"2025-01-01": [("a", "executive"), ("b", "non_executive"), ("c", "independent_non_executive")],
          "2025-04-01": [("a", "executive"), ("c", "independent_non_executive")],
          "2025-07-01": [("a", "executive"), ("c", "non_executive"), ("d", "executive")]}
OBSERVED = [obs(p, r, date) for date, seats in BOARDS.items() for p, r in seats]


def by_seat(found):
    return {(t.person, t.role): t for t in found}


def test_observed_seats_and_the_windows_they_ended_in() -> None:
    found = by_seat(tenures(OBSERVED, []))
    assert set(found) == {("a", "executive"), ("b", "non_executive"), ("c", "independent_non_executive"),
                          ("c", "non_executive"), ("d", "executive")}
    b = found[("b", "non_executive")]
    assert (b.first_seen, b.last_seen, b.left_after, b.left_by, b.ended) == ("2025-01-01", "2025-01-01", "2025-01-01",
                                                                             "2025-04-01", None)
    a = found[("a", "executive")]
    assert (a.first_seen, a.last_seen, a.left_after, a.left_by) == ("2025-01-01", "2025-07-01", None, None)
    assert set(a.derived_from) == {o.fact for o in OBSERVED if o.person == "a"}


def test_events_state_start_and_end_and_close_the_window() -> None:
    events = [event("b", "resigned", "2025-02-15", "non_executive"), event("d", "appointed", "2025-06-01", "executive"),
              event("c", "redesignated", "2025-05-01", "non_executive")]
    found = by_seat(tenures(OBSERVED, events))
    b = found[("b", "non_executive")]
    assert (b.ended, b.left_after, b.left_by) == ("2025-02-15", None, None)
    assert "ev/b/resigned/2025-02-15" in b.derived_from
    assert found[("d", "executive")].started == "2025-06-01"
    assert found[("c", "independent_non_executive")].ended == "2025-05-01"
    assert found[("c", "non_executive")].started == "2025-05-01"


def test_a_change_never_observed_is_a_tenure_of_its_own() -> None:
    found = by_seat(tenures(OBSERVED, [event("e", "appointed", "2025-08-01", "independent_non_executive")]))
    e = found[("e", "independent_non_executive")]
    assert (e.started, e.first_seen, e.last_seen) == ("2025-08-01", None, None)
    # without a role there is no seat to speak of
    assert ("f", None) not in by_seat(tenures(OBSERVED, [event("f", "appointed", "2025-08-01")]))


def test_a_seat_that_comes_back_is_two_tenures() -> None:
    observed = [obs("a", "executive", d) for d in ("2025-01-01", "2025-07-01")] + \
        [obs("k", "executive", d) for d in ("2025-01-01", "2025-04-01", "2025-07-01")]
    runs = [t for t in tenures(observed, []) if t.person == "a"]
    assert sorted((t.first_seen, t.last_seen, t.left_by) for t in runs) == [("2025-01-01", "2025-01-01", "2025-04-01"),
                                                                          ("2025-07-01", "2025-07-01", None)]


def test_conflicts_of_every_kind() -> None:
    events = [event("d", "appointed", "2025-03-01", "executive"),      # not listed on 2025-04-01
              event("a", "resigned", "2025-02-01", "executive")]       # still listed later
    found = {(c.check, c.person): c for c in conflicts(OBSERVED, events)}
    assert set(found) == {("seat-ended-unannounced", "b"), ("role-changed", "c"), ("appointee-not-listed", "d"),
                          ("departed-still-listed", "a")}
    ended = found[("seat-ended-unannounced", "b")]
    assert (ended.first.doc, ended.second.doc) == ("doc-2025-01-01", "doc-2025-04-01")
    role = found[("role-changed", "c")]
    assert (role.first.date, role.second.date) == ("2025-04-01", "2025-07-01")
    assert found[("departed-still-listed", "a")].second.date == "2025-04-01"


def test_stated_changes_explain_what_would_conflict() -> None:
    events = [event("b", "retired", None, announced="2025-03-10"),         # undated, announced in the window
              event("c", "redesignated", "2025-06-30", "non_executive"),
              event("d", "appointed", "2025-06-30", "executive")]
    assert conflicts(OBSERVED, events) == []


def test_names_in_messages() -> None:
    [c] = [c for c in conflicts(OBSERVED, []) if c.person == "b"]
    assert c.message.startswith("b (non-executive director) listed on 2025-01-01")
    [c] = [c for c in conflicts(OBSERVED, [], {"b": "Wong Kar Wai"}) if c.person == "b"]
    assert c.message.startswith("Wong Kar Wai")


def test_boards_sharing_no_one_are_not_one_board_continued() -> None:
    observed = OBSERVED + [obs(p, "executive", "2026-01-01") for p in ("x", "y", "z")]
    found = conflicts(observed, [])
    assert not any(c.second.date == "2026-01-01" for c in found)
    a = by_seat(tenures(observed, []))[("a", "executive")]
    assert (a.last_seen, a.left_by) == ("2025-07-01", None)
    assert by_seat(tenures(observed, []))[("x", "executive")].first_seen == "2026-01-01"
