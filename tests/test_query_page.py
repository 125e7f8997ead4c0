"""The query page at `/` in real headless Chromium: it loads offline, runs a named query with its
parameters, shows rows, opens a filing with its evidence quotes, and shows hostile text as text."""
from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from kg.server import EndpointConfig
from tests.browser import PageLog
from tests.factories import ISSUER
from tests.serving import HOSTILE, HOSTILE_DOC, HOSTILE_ISSUER, build_store, get, serving


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = build_store(tmp_path_factory.mktemp("page") / "store")
    with serving(EndpointConfig(str(path))) as url:
        yield url


def open_page(pg: object, base: str, dialogs: list[str]) -> None:
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    # Only the server itself may be reached: anything else (a CDN) fails and is logged.
    pg.route(re.compile(r"^(?!http://127\.0\.0\.1:)"), lambda route: route.abort())  # type: ignore[attr-defined]
    pg.goto(base + "/")  # type: ignore[attr-defined]
    pg.wait_for_function("() => document.querySelectorAll('#named option').length > 5")  # type: ignore[attr-defined]


def run_named(pg: object, name: str, **params: str) -> None:
    pg.select_option("#named", name)  # type: ignore[attr-defined]
    for key, value in params.items():
        pg.fill(f"#params input[name={key}]", value)  # type: ignore[attr-defined]
    pg.click("#run")  # type: ignore[attr-defined]
    pg.wait_for_function("() => /rows? in/.test(document.getElementById('status').textContent) "  # type: ignore[attr-defined]
                         "|| document.getElementById('status').className === 'error'")


def column(pg: object, table: str, name: str) -> list[str]:
    return pg.evaluate(  # type: ignore[attr-defined]
        """([table, name]) => {
             const t = document.getElementById(table);
             const i = [...t.tHead.rows[0].cells].findIndex(c => c.textContent === name);
             return [...t.tBodies[0].rows].map(r => r.cells[i].textContent);
           }""", [table, name])


def test_page_runs_a_named_query_and_opens_a_filing(base: str, page: tuple[object, PageLog]) -> None:
    pg, log = page
    dialogs: list[str] = []
    open_page(pg, base, dialogs)
    run_named(pg, "board-as-of", issuer=ISSUER, date="2026-07-01")
    assert pg.text_content("#status").startswith("6 rows")  # type: ignore[attr-defined]
    assert "Ho Siu Fung" in column(pg, "results", "person")
    assert set(column(pg, "results", "source")) == {"acme-q2"}
    pg.click("#results a.filing-link >> nth=0")  # type: ignore[attr-defined]
    pg.wait_for_function("() => document.querySelectorAll('#filing-facts tbody tr').length > 0")  # type: ignore[attr-defined]
    assert pg.text_content("#filing-id") == "acme-q2"  # type: ignore[attr-defined]
    assert "quoted text" in column(pg, "filing-facts", "quote")
    assert pg.get_attribute("#filing-graph", "href") == "/graph?doc=acme-q2"  # type: ignore[attr-defined]
    assert dialogs == [] and log.problems() == []


def test_page_runs_a_query_of_ones_own(base: str, page: tuple[object, PageLog]) -> None:
    pg, log = page
    open_page(pg, base, [])
    pg.fill("#query", "SELECT ?n WHERE { VALUES ?n { 1 2 3 } }")  # type: ignore[attr-defined]
    pg.click("#run")  # type: ignore[attr-defined]
    pg.wait_for_function("() => /rows in/.test(document.getElementById('status').textContent)")  # type: ignore[attr-defined]
    assert column(pg, "results", "n") == ["1", "2", "3"]
    pg.fill("#query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }")  # type: ignore[attr-defined]
    pg.click("#run")  # type: ignore[attr-defined]
    pg.wait_for_function("() => document.getElementById('status').className === 'error'")  # type: ignore[attr-defined]
    assert "read-only" in pg.text_content("#status")  # type: ignore[attr-defined]
    # the refused query's 400 is the only thing the console reports
    assert [p for p in log.problems() if "400" not in p] == []


def test_hostile_text_shows_as_text(base: str, page: tuple[object, PageLog]) -> None:
    pg, log = page
    dialogs: list[str] = []
    open_page(pg, base, dialogs)
    run_named(pg, "person-seats", person=HOSTILE)
    assert column(pg, "results", "person") == [HOSTILE]
    assert column(pg, "results", "company") == [HOSTILE_ISSUER]
    pg.click("#results a.filing-link >> nth=0")  # type: ignore[attr-defined]
    pg.wait_for_function("() => document.querySelectorAll('#filing-facts tbody tr').length > 0")  # type: ignore[attr-defined]
    quotes = column(pg, "filing-facts", "quote")
    assert f"Mr. {HOSTILE} is appointed." in quotes and f"{HOSTILE} chairs the board." in quotes
    assert pg.text_content("#filing-id") == HOSTILE_DOC  # type: ignore[attr-defined]
    injected = pg.evaluate("""() => ({
        scripts: document.scripts.length,
        images: document.images.length,
        bold: document.querySelectorAll('main b').length,
        bidi: getComputedStyle(document.querySelector('#results td')).unicodeBidi,
    })""")  # type: ignore[attr-defined]
    assert injected == {"scripts": 1, "images": 0, "bold": 0, "bidi": "isolate"}
    assert dialogs == [] and log.problems() == []


def test_page_and_assets_are_served_offline_with_a_strict_policy(base: str) -> None:
    status, headers, body = get(base + "/", accept="text/html")
    page = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    for asset in ("/static/app.js", "/static/style.css"):
        status, _, body = get(base + asset)
        assert status == 200 and b"http://" not in body.replace(b"http://www.w3.org", b"")
    script = get(base + "/static/app.js")[2].decode("utf-8")
    assert not re.search(r"\.(innerHTML|outerHTML|insertAdjacentHTML)\b|document\.write", script)
