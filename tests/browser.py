"""Real headless Chromium for the page tests: Debian's `chromium`, driven by Playwright.

Playwright is only the driver (its own browser download is never used: `executable_path` points at
the system Chromium, which `.ci/run` installs). The flags are the ones this machine's closed
network needs: without the background-networking switches Chromium keeps trying to reach Google.
In CI (`CI` set) a missing Chromium fails the test; elsewhere it skips it, saying why.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

CHROMIUM_ARGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)


def chromium_path() -> str | None:
    """The system Chromium, if installed."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass
class PageLog:
    """What a page said while it ran: console errors, uncaught exceptions, failed requests."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return self.console_errors + self.page_errors + self.failed_requests


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    """One headless Chromium for the session."""
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is not installed (.ci/run installs Debian's chromium)")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=list(CHROMIUM_ARGS))
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: object) -> Iterator[tuple[object, PageLog]]:
    """A fresh page and the log of what went wrong on it (console errors, exceptions, requests)."""
    context = chromium.new_context()  # type: ignore[attr-defined]
    pg = context.new_page()
    log = PageLog()
    pg.on("console", lambda m: log.console_errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: log.page_errors.append(str(e)))
    pg.on("requestfailed", lambda r: log.failed_requests.append(r.url))
    yield pg, log
    context.close()
