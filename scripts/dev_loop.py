"""How quick the developer loop is (issue 23): a measurement, not a test.

Run through ``scripts/benchmark.py --dev-loop`` (or directly). It times, on this machine:

- ``compact-course check`` (budget 5 s): every data file, quiz bank and item-writing rule;
- ``scripts/test.sh --fast`` with a warm ``.venv`` (budget 60 s): lint, types, the script's
  tests, the data and drift checks and the Python unit tests;
- with ``--fresh``: a clean clone's ``scripts/build.sh`` (set-up from nothing, then the strict
  build) and ``scripts/test.sh`` (the whole suite), which take many minutes: no budget, the
  figures are what the README states.

Exits 1 when a budgeted figure is over its budget.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
BUDGETS = {"check": 5.0, "fast tier": 60.0}  # seconds


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return seconds


def warm_figures() -> dict[str, float]:
    timed(["scripts/test.sh", "--fast", "-q"], ROOT)  # warms .venv, node_modules and caches
    return {
        "check": timed([str(BIN / "compact-course"), "check"], ROOT),
        "fast tier": timed(["scripts/test.sh", "--fast", "-q"], ROOT),
    }


def fresh_figures() -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="compact-fresh-") as scratch:
        clone = Path(scratch) / "course"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        env = {key: value for key, value in os.environ.items() if key not in ("VIRTUAL_ENV", "PYTHONPATH")}
        env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if not p.startswith(str(BIN)))
        figures = {"fresh build (set-up and strict build)": timed(["scripts/build.sh"], clone, env)}
        figures["whole suite (after the build)"] = timed(["scripts/test.sh"], clone, {**env, "CI": "true"})
        shutil.rmtree(clone / "_build", ignore_errors=True)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true", help="also time a clean clone's build and whole suite")
    args = parser.parse_args(argv)
    figures = warm_figures()
    if args.fresh:
        figures |= fresh_figures()
    over = False
    for name, seconds in figures.items():
        budget = BUDGETS.get(name)
        verdict = "" if budget is None else (f"  (budget {budget:.0f} s)" + ("  OVER" if seconds > budget else ""))
        over |= budget is not None and seconds > budget
        print(f"{name:<42} {seconds:7.1f} s{verdict}")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
