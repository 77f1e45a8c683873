"""The room poll as facilitators run it: the notebook served by Voila, driven in Chromium."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def voila_url(tmp_path):
    port = _free_port()
    voila = Path(sys.executable).parent / "voila"
    log = (tmp_path / "voila.log").open("w")
    process = subprocess.Popen(
        [
            str(voila),
            str(ROOT / "book/facilitator/room-poll.ipynb"),
            "--no-browser",
            f"--port={port}",
            "--Voila.ip=127.0.0.1",
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                break
        if process.poll() is not None:
            pytest.fail(f"voila exited: {(tmp_path / 'voila.log').read_text()}")
        time.sleep(0.2)
    yield f"http://127.0.0.1:{port}/"
    process.terminate()
    process.wait(timeout=20)
    log.close()


def test_room_poll_runs_in_voila(browser, voila_url):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(voila_url, timeout=90_000)
    page.get_by_role("button", name="+1 to a").wait_for(timeout=90_000)
    for _ in range(3):
        page.get_by_role("button", name="+1 to a").click()
    page.get_by_role("button", name="+1 to b").click()
    votes_a = page.get_by_label("Votes for a")
    page.wait_for_function("el => el.value === '3'", arg=votes_a.element_handle(), timeout=10_000)
    assert page.locator(".cc-poll-reveal").count() == 0  # the answer stays hidden until revealed
    page.get_by_role("button", name="Reveal answer").click()
    page.locator(".cc-poll-reveal").first.wait_for(timeout=10_000)
    assert "Answer:" in page.locator(".cc-poll-reveal").first.inner_text()
    page.get_by_role("button", name="Next question").click()
    page.get_by_text("Question 2 of").first.wait_for(timeout=10_000)
    assert errors == []
    page.close()
