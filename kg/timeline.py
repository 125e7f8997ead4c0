"""Seats over time: tenures and cross-filing conflicts from dated observations and stated changes.

Pure core (values in, values out); `kg.derive` reads the store and writes what this returns.

An *observation* is a seat (issuer, person, director role) a filing's board paragraph states as of its date;
an *event* is a board change a filing states (`extract.changes`). Per issuer, the filings with a board
paragraph, in date order, are its board dates. A seat's *tenure* is a run of consecutive board dates listing
it: first and last seen; the start an appointment (or a re-designation to its role) states; the end a
departure (or a re-designation away from its role) states; and where no change states the end, the window
between the last board date listing it and the next one without it. A change with no observation of its seat
(an appointment announced, never listed yet) is a tenure of its own when it states the role.

Conflicts are the places where filings disagree:

- `role-changed`: a person listed in one role, then in another, with no re-designation stated between;
- `seat-ended-unannounced`: a seat listed, then gone from the next board paragraph, with no departure stated;
- `appointee-not-listed`: an appointment, and the next board paragraph on or after its date does not list the
  person;
- `departed-still-listed`: a departure, and a later board paragraph still lists the person.

Each names both filings and the evidence (fact) each rests on. Two board dates whose boards share no one are
not taken for one board continued (an issuer's identity confused with another's): nothing is inferred across.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

DEPARTURES = frozenset({"resigned", "retired", "removed", "deceased"})


@dataclass(frozen=True)
class Observation:
    """A seat a filing's board paragraph states (`fact` and `evidence` are IRIs, `doc` the filing's)."""

    fact: str
    company: str
    person: str
    role: str
    date: str
    doc: str
    evidence: str


@dataclass(frozen=True)
class Event:
    """A board change a filing states, of a board seat (`post` None) or a post."""

    fact: str
    company: str
    person: str
    change: str
    effective: str | None
    post: str | None
    role: str | None
    announced: str | None
    doc: str
    evidence: str

    @property
    def when(self) -> str | None:
        """The date it takes effect, else the date it was announced (for ordering, never stated as a date)."""
        return self.effective or self.announced


@dataclass(frozen=True)
class Tenure:
    company: str
    person: str
    role: str
    first_seen: str | None
    last_seen: str | None
    started: str | None
    ended: str | None
    left_after: str | None
    left_by: str | None
    derived_from: tuple[str, ...]


@dataclass(frozen=True)
class Side:
    """One filing of a conflict and the fact of it the conflict rests on."""

    doc: str
    evidence: str
    fact: str
    date: str | None


@dataclass(frozen=True)
class Conflict:
    check: str
    company: str
    person: str
    message: str
    first: Side
    second: Side


@dataclass
class _Run:
    dates: list[str]
    facts: list[Observation]
    started: Event | None = None
    ended: Event | None = None
    events: list[Event] = field(default_factory=list)


class _Board:
    """One issuer's board dates and who each lists (in which roles), from its observations."""

    def __init__(self, observations: list[Observation]) -> None:
        self.dates = sorted({o.date for o in observations})
        self.listed: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.facts: dict[str, list[Observation]] = defaultdict(list)
        for o in observations:
            self.listed[o.date][o.person].add(o.role)
            self.facts[o.date].append(o)
        #: Board dates whose board shares no one with the board before: not the same board continued (two issuers
        #: taken for one, say, by a stock code reused), so nothing is inferred across them.
        self.breaks = {d for prev, d in zip(self.dates, self.dates[1:])
                       if not set(self.listed[prev]) & set(self.listed[d])}

    def next_date(self, date: str, inclusive: bool = False) -> str | None:
        following = next((d for d in self.dates if d > date or (inclusive and d == date)), None)
        return None if following in self.breaks and following != date else following

    def previous_date(self, date: str) -> str | None:
        if date in self.breaks:
            return None
        return next((d for d in reversed(self.dates) if d < date), None)

    def fact_of(self, date: str, person: str | None = None) -> Observation:
        """An observation of that date: of the person if given, else any (the paragraph's evidence)."""
        facts = self.facts[date]
        return next((o for o in facts if person is None or o.person == person), facts[0])


def tenures(observations: Iterable[Observation], events: Iterable[Event]) -> list[Tenure]:
    """Every tenure of every seat, observed or only announced."""
    out: list[Tenure] = []
    for company, (obs, evs) in sorted(_by_company(observations, events).items()):
        board = _Board(obs)
        runs = _runs(board, obs)
        seat_events = _distinct([e for e in evs if e.post is None and e.effective])
        used: set[str] = set()
        for (person, role), seat_runs in sorted(runs.items()):
            _attach(seat_runs, [e for e in seat_events if e[0].person == person], role, board, used)
            out += [_tenure(company, person, role, run, board) for run in seat_runs]
        for group in seat_events:
            e = group[0]
            if e.fact in used or not e.role or _observed_after(runs.get((e.person, e.role), []), e):
                continue
            facts = tuple(sorted(x.fact for x in group))
            if e.change in ("appointed", "redesignated"):
                out.append(Tenure(company, e.person, e.role, None, None, e.effective, None, None, None, facts))
            elif e.change in DEPARTURES:
                out.append(Tenure(company, e.person, e.role, None, None, None, e.effective, None, None, facts))
    return out


def _distinct(events: list[Event]) -> list[list[Event]]:
    """Events stating the same change (person, change, role, date), grouped: one change announced twice."""
    groups: dict[tuple, list[Event]] = defaultdict(list)
    for e in events:
        groups[(e.person, e.change, e.role, e.effective)].append(e)
    return sorted(groups.values(), key=lambda g: (g[0].effective or "", g[0].fact))


def _observed_after(runs: list["_Run"], e: Event) -> bool:
    """Whether a run of the seat lies after an unattached change (an appointment announced again later, a departure
    contradicted by later listings): the change then adds no tenure of its own."""
    return any(r.dates[-1] >= (e.effective or "") for r in runs)


def conflicts(observations: Iterable[Observation], events: Iterable[Event],
              names: Mapping[str, str] | None = None) -> list[Conflict]:
    """Every place two filings of an issuer disagree about a seat; `names` gives people's names for messages."""
    out: list[Conflict] = []
    named = _Namer(names or {})
    for company, (obs, evs) in sorted(_by_company(observations, events).items()):
        board = _Board(obs)
        seat_events = [e for e in evs if e.post is None]
        out += _role_changes(company, board, seat_events, named)
        out += _unannounced_ends(company, board, seat_events, named)
        out += _appointees_not_listed(company, board, seat_events, named)
        out += _departed_still_listed(company, board, seat_events, named)
    return out


class _Namer:
    def __init__(self, names: Mapping[str, str]) -> None:
        self.names = names

    def __call__(self, person: str) -> str:
        return self.names.get(person, person)


def _by_company(observations: Iterable[Observation], events: Iterable[Event]
                ) -> dict[str, tuple[list[Observation], list[Event]]]:
    out: dict[str, tuple[list[Observation], list[Event]]] = defaultdict(lambda: ([], []))
    for o in observations:
        out[o.company][0].append(o)
    for e in events:
        out[e.company][1].append(e)
    return out


def _runs(board: _Board, observations: list[Observation]) -> dict[tuple[str, str], list[_Run]]:
    """Per seat, its runs of consecutive board dates."""
    facts: dict[tuple[str, str], dict[str, list[Observation]]] = defaultdict(lambda: defaultdict(list))
    for o in observations:
        facts[(o.person, o.role)][o.date].append(o)
    runs: dict[tuple[str, str], list[_Run]] = {}
    for seat, dated in facts.items():
        seat_runs: list[_Run] = []
        previous = -2
        for i, date in enumerate(board.dates):
            if date not in dated:
                continue
            if i == previous + 1 and seat_runs and date not in board.breaks:
                seat_runs[-1].dates.append(date)
                seat_runs[-1].facts += dated[date]
            else:
                seat_runs.append(_Run([date], list(dated[date])))
            previous = i
        runs[seat] = seat_runs
    return runs


def _attach(runs: list[_Run], events: list[list[Event]], role: str, board: _Board, used: set[str]) -> None:
    """Give each run the change that starts it and the one that ends it, where the filings state them."""
    for group in events:
        e = group[0]
        date = e.effective or ""
        starts = (e.change == "appointed" and e.role in (None, role)) or (e.change == "redesignated" and e.role == role)
        ends = (e.change in DEPARTURES and e.role in (None, role)) or (e.change == "redesignated" and bool(e.role)
                                                                       and e.role != role)
        run = None
        if starts:
            run = next((r for r in runs if r.started is None and r.dates[-1] >= date
                        and (board.previous_date(r.dates[0]) or "") < date), None)
            if run:
                run.started = e
        elif ends:
            run = next((r for r in reversed(runs) if r.ended is None and r.dates[0] <= date
                        and date <= (board.next_date(r.dates[-1]) or "9999-12-31")), None)
            if run:
                run.ended = e
        if run:
            run.events += group
            used.update(x.fact for x in group)


def _tenure(company: str, person: str, role: str, run: _Run, board: _Board) -> Tenure:
    left_by = None if run.ended else board.next_date(run.dates[-1])
    derived = [o.fact for o in run.facts] + [e.fact for e in run.events]
    return Tenure(company, person, role, run.dates[0], run.dates[-1],
                  run.started.effective if run.started else None, run.ended.effective if run.ended else None,
                  run.dates[-1] if left_by else None, left_by, tuple(sorted(set(derived))))


def _between(events: list[Event], person: str, after: str, until: str, changes: Iterable[str]) -> bool:
    """Whether `person` has a change of these kinds dated in (after, until]."""
    kinds = set(changes)
    return any(e.person == person and e.change in kinds and e.when and after < e.when <= until for e in events)


def _last_absence(board: _Board, person: str, date: str) -> str:
    """The last board date before `date` not listing `person` ("" when every earlier one lists them)."""
    return next((d for d in reversed(board.dates) if d < date and person not in board.listed[d]), "")


def _side(o: Observation) -> Side:
    return Side(o.doc, o.evidence, o.fact, o.date)


def _event_side(e: Event) -> Side:
    return Side(e.doc, e.evidence, e.fact, e.announced)


def _role_changes(company: str, board: _Board, events: list[Event], named: _Namer) -> list[Conflict]:
    out: list[Conflict] = []
    last: dict[str, str] = {}
    for date in board.dates:
        if date in board.breaks:
            last.clear()
        for person, roles in sorted(board.listed[date].items()):
            before = last.get(person)
            last[person] = date
            if before is None or len(roles) != 1 or len(board.listed[before][person]) != 1:
                continue
            old, new = next(iter(board.listed[before][person])), next(iter(roles))
            if old != new and not _between(events, person, before, date, ("redesignated",)):
                out.append(Conflict("role-changed", company, person,
                                    f"{named(person)}: {_words(old)} director on {before}, {_words(new)} director on {date}"
                                    ", no re-designation stated between",
                                    _side(board.fact_of(before, person)), _side(board.fact_of(date, person))))
    return out


def _unannounced_ends(company: str, board: _Board, events: list[Event], named: _Namer) -> list[Conflict]:
    out: list[Conflict] = []
    for i, date in enumerate(board.dates[:-1]):
        following = board.dates[i + 1]
        if following in board.breaks:
            continue
        for person, roles in sorted(board.listed[date].items()):
            if person in board.listed[following]:
                continue
            if _between(events, person, _last_absence(board, person, date), following, DEPARTURES | {"redesignated"}):
                continue
            out.append(Conflict("seat-ended-unannounced", company, person,
                                f"{named(person)} ({', '.join(_words(r) for r in sorted(roles))} director) listed on {date}, "
                                f"not on the board listed on {following}; no departure stated",
                                _side(board.fact_of(date, person)), _side(board.fact_of(following))))
    return out


def _appointees_not_listed(company: str, board: _Board, events: list[Event], named: _Namer) -> list[Conflict]:
    out: list[Conflict] = []
    for e in events:
        if e.change != "appointed" or not e.effective:
            continue  # an appointment of no stated date (awaiting shareholders' approval) has no next board
        listed_on = board.next_date(e.effective, inclusive=True)
        if listed_on is None or e.person in board.listed[listed_on]:
            continue
        if _between(events, e.person, e.effective, listed_on, DEPARTURES):
            continue
        out.append(Conflict("appointee-not-listed", company, e.person,
                            f"{named(e.person)} appointed ({e.effective}), not on the board listed on {listed_on}",
                            _event_side(e), _side(board.fact_of(listed_on))))
    return out


def _departed_still_listed(company: str, board: _Board, events: list[Event], named: _Namer) -> list[Conflict]:
    out: list[Conflict] = []
    for e in events:
        if e.change not in DEPARTURES or not e.effective:
            continue
        later = next((d for d in board.dates if d > e.effective and e.person in board.listed[d]), None)
        if later is None or _between(events, e.person, e.effective, later, ("appointed",)):
            continue
        out.append(Conflict("departed-still-listed", company, e.person,
                            f"{named(e.person)} {e.change} with effect from {e.effective}, still on the board listed on "
                            f"{later}", _event_side(e), _side(board.fact_of(later, e.person))))
    return out


def _words(role: str) -> str:
    return role.replace("non_executive", "non-executive").replace("_", " ")
