"""Benchmark the course build and page weight (a measurement, not a test).

Prints, for a throw-away copy of the course:
- clean build seconds (``jupyter-book build --all``);
- rebuild seconds after editing one quiz bank (refresh that lesson's stored outputs, then an
  incremental build);
- total bytes of one lesson page with every local asset it loads;
- bytes of the quiz JavaScript and CSS.

Usage: .venv/bin/python scripts/benchmark.py [--lesson who-is-the-compact-for]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
COPY = ("_config.yml", "_toc.yml", "book", "data", "quizzes")


def timed(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def page_weight(html_dir: Path, page: str) -> int:
    """Bytes of a built page plus every local file its HTML references (scripts, styles, images)."""
    html_path = html_dir / page
    text = html_path.read_text(encoding="utf-8")
    total = html_path.stat().st_size
    seen = set()
    for ref in re.findall(r'(?:src|href)="([^"#?]+)(?:[?#][^"]*)?"', text):
        if ref.startswith(("http:", "https:", "data:", "mailto:")):
            continue
        target = urlsplit(urljoin(f"file:///{page}", ref)).path.lstrip("/")
        if not target.endswith((".js", ".css", ".svg", ".png", ".woff2", ".woff", ".ico")):
            continue
        file = html_dir / target
        if target not in seen and file.is_file():
            seen.add(target)
            total += file.stat().st_size
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lesson", default="who-is-the-compact-for")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from compact_course import load_course

    with tempfile.TemporaryDirectory(prefix="compact-bench-") as tmp:
        work = Path(tmp)
        for name in COPY:
            source = ROOT / name
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, work / name)
        env = dict(os.environ, COMPACT_COURSE_ROOT=str(work))
        build = [str(BIN / "jupyter-book"), "build", str(work)]
        clean = timed(build + ["--all"], env)

        course = load_course(work)
        bank = work / "quizzes" / f"{args.lesson}.yaml"
        text = bank.read_text(encoding="utf-8")
        bank.write_text(text.replace('explanation: "', 'explanation: "(Edited.) ', 1), encoding="utf-8")
        notebook = work / f"{course.lesson_docname(args.lesson)}.ipynb"
        refresh = [str(BIN / "compact-course"), "--root", str(work), "notebooks", str(notebook)]
        rebuild = timed(refresh, env) + timed(build, env)

        html_dir = work / "_build" / "html"
        page = f"{course.lesson_docname(args.lesson)}.html"
        weight = page_weight(html_dir, page)
    static = ROOT / "src" / "compact_course" / "static"
    quiz_assets = sum((static / name).stat().st_size for name in ("compact-quiz.js", "compact-quiz.css"))

    print(f"clean build seconds: {clean:.1f}")
    print(f"rebuild seconds after editing quizzes/{args.lesson}.yaml: {rebuild:.1f}")
    print(f"bytes of {page} with its local assets: {weight}")
    print(f"bytes of quiz JS + CSS: {quiz_assets}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
