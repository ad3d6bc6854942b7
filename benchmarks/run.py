"""Benchmark coalition-kit on synthetic trees and print ratios against baselines from the same run.

    python benchmarks/run.py                       # scales 0.1, 1 and 3; the site at scale 1
    python benchmarks/run.py --scales 0.1 --site-scale none --repeat 1   # a quick look

Every measurement runs in a fresh process, so that each has its own peak memory and no cache
carries over; times are the best of ``--repeat`` runs. Baselines, measured on the same tree:
PyYAML's C loader for ``validate``; ``check-jsonschema`` for the ``coalition-kit validate``
command; ``json.loads`` of the same bytes for loading the prebuilt form; an empty interpreter
for ``import coalition_kit``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PYTHON = sys.executable
BIN = Path(sys.executable).parent


@dataclass
class Measure:
    """The best time (seconds) and the peak memory (MiB) of one measurement."""

    seconds: float
    peak_mib: float


def _run(
    command: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None
) -> tuple[str, float, float]:
    """Run a command; return its output, its wall time and its peak resident memory in MiB."""
    started = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603 - our own commands, on our own synthetic trees
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd, text=True
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    stdout = process.stdout.read() if process.stdout else ""
    stderr = process.stderr.read() if process.stderr else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{command[:3]} failed ({process.returncode}):\n{stderr[-2000:]}")
    return stdout, elapsed, usage.ru_maxrss / 1024


def _python(snippet: str, repeat: int, *arguments: str) -> Measure:
    """Run a Python snippet that prints the seconds of its measured part; keep the best run."""
    best, peak = float("inf"), 0.0
    for _ in range(repeat):
        output, _, memory = _run([PYTHON, "-c", textwrap.dedent(snippet), *arguments])
        best = min(best, float(output.strip().splitlines()[-1]))
        peak = max(peak, memory)
    return Measure(best, peak)


def _command(command: list[str], repeat: int, env: dict[str, str] | None = None) -> Measure:
    best, peak = float("inf"), 0.0
    for _ in range(repeat):
        _, elapsed, memory = _run(command, env=env, cwd=REPO)
        best, peak = min(best, elapsed), max(peak, memory)
    return Measure(best, peak)


PARSE = """
import sys, time, yaml
from pathlib import Path
files = sorted(Path(sys.argv[1]).glob("*/*.yaml"))
started = time.perf_counter()
for file in files:
    with file.open("rb") as stream:
        yaml.load(stream, Loader=yaml.CSafeLoader)
print(time.perf_counter() - started)
"""

VALIDATE = """
import sys, time
from coalition_kit.check.tree import validate_tree
started = time.perf_counter()
report = validate_tree(sys.argv[1], keep_models=False).report
assert report.ok, report.problems[:3]
print(time.perf_counter() - started)
"""

BUNDLE = """
import sys
from pathlib import Path
from coalition_kit.library.bundle import bundle_bytes
from coalition_kit.library import load
Path(sys.argv[2]).write_bytes(bundle_bytes(load(sys.argv[1])))
print(0)
"""

JSON_LOADS = """
import json, sys, time
from pathlib import Path
raw = Path(sys.argv[1]).read_bytes()
started = time.perf_counter()
json.loads(raw)
print(time.perf_counter() - started)
"""

LOAD = """
import sys, time
from pathlib import Path
from coalition_kit.library.bundle import library_from_bundle
raw = Path(sys.argv[1]).read_bytes()
started = time.perf_counter()
library = library_from_bundle(raw)
print(time.perf_counter() - started)
"""

FIRST_LOAD = """
import sys, time
from pathlib import Path
raw = Path(sys.argv[1]).read_bytes()
started = time.perf_counter()
from coalition_kit.library.bundle import library_from_bundle
library = library_from_bundle(raw)
print(time.perf_counter() - started)
"""

LOAD_ALL = """
import sys, time
from pathlib import Path
from coalition_kit.library.bundle import library_from_bundle
raw = Path(sys.argv[1]).read_bytes()
started = time.perf_counter()
library = library_from_bundle(raw)
count = sum(len(list(library[kind].values())) for kind in library)
print(time.perf_counter() - started)
"""

VALIDATE_ANY = """
import sys, time
from coalition_kit.check.tree import validate_tree
started = time.perf_counter()
validate_tree(sys.argv[1], keep_models=False)
print(time.perf_counter() - started)
"""

MISSPELT = """
import sys
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from synthetic import write_misspelt_links_tree
write_misspelt_links_tree(Path(sys.argv[1]))
print(0)
"""

IMPORT = """
import time
started = time.perf_counter()
import coalition_kit
print(time.perf_counter() - started)
"""


_BATCH = 10_000


def _check_jsonschema(tree: Path, repeat: int) -> Measure:
    best, peak = float("inf"), 0.0
    checker = BIN / "check-jsonschema"
    for _ in range(repeat):
        total, memory = 0.0, 0.0
        for kind, folder in (
            ("organization", "organizations"),
            ("letter", "letters"),
            ("campaign", "campaigns"),
            ("mission", "missions"),
        ):
            files = sorted(str(path) for path in (tree / folder).glob("*.yaml"))
            schema = str(REPO / "schemas" / f"{kind}.schema.json")
            # In batches: tens of thousands of paths exceed the limit of one command line.
            for start in range(0, len(files), _BATCH):
                batch = files[start : start + _BATCH]
                _, elapsed, used = _run([str(checker), "--schemafile", schema, *batch])
                total += elapsed
                memory = max(memory, used)
        best, peak = min(best, total), max(peak, memory)
    return Measure(best, peak)


def measure_scale(scale: float, repeat: int, workdir: Path, site: bool) -> dict[str, Measure]:
    """Generate the tree for ``scale`` and take every measurement on it."""
    tree = workdir / f"scale-{scale}"
    if not tree.exists():
        _run([PYTHON, str(HERE / "synthetic.py"), "--scale", str(scale), str(tree)])
    files = str(len(list(tree.glob("*/*.yaml"))))
    bundle = workdir / f"bundle-{scale}.json"
    _run([PYTHON, "-c", BUNDLE, str(tree), str(bundle)])
    results = {
        "files": Measure(float(files), 0.0),
        "parse (PyYAML C loader)": _python(PARSE, repeat, str(tree)),
        "validate (in process)": _python(VALIDATE, repeat, str(tree)),
        "coalition-kit validate": _command(
            [str(BIN / "coalition-kit"), "validate", str(tree)], repeat
        ),
        "check-jsonschema": _check_jsonschema(tree, 1),  # minutes per run; one is enough
        "json.loads (bundle)": _python(JSON_LOADS, repeat, str(bundle)),
        "load() (bundle)": _python(LOAD, repeat, str(bundle)),
        "first load() with its imports": _python(FIRST_LOAD, repeat, str(bundle)),
        "load() + every entity": _python(LOAD_ALL, repeat, str(bundle)),
    }
    if site:
        output = workdir / f"site-{scale}"
        env = {**os.environ, "COALITION_KIT_DATA": str(tree), "NO_MKDOCS_2_WARNING": "1"}
        results["site build (mkdocs)"] = _command(
            [str(BIN / "mkdocs"), "build", "--site-dir", str(output)], 1, env
        )
        shutil.rmtree(output, ignore_errors=True)
    return results


def measure_hostile(repeat: int, workdir: Path) -> dict[str, Measure]:
    """Time a tree of 600 organizations and 1,500 misspelt links against its parse floor."""
    tree = workdir / "hostile-misspelt"
    if not tree.exists():
        _run([PYTHON, "-c", MISSPELT, str(tree), str(HERE)])
    return {
        "parse (PyYAML C loader)": _python(PARSE, repeat, str(tree)),
        "validate, 1,500 misspelt links": _python(VALIDATE_ANY, repeat, str(tree)),
    }


def _import_time(repeat: int) -> Measure:
    best = float("inf")
    peak = 0.0
    for _ in range(max(repeat, 5)):
        measure = _python(IMPORT, 1)
        best, peak = min(best, measure.seconds), max(peak, measure.peak_mib)
    return Measure(best, peak)


def render(results: dict[float, dict[str, Measure]], import_time: Measure) -> str:
    """A Markdown table of times, ratios and memory, and the targets with their verdicts."""
    scales = sorted(results)
    lines = [
        "| measurement | " + " | ".join(f"scale {s}" for s in scales) + " | peak MiB (largest) |",
        "| --- | " + " | ".join("---" for _ in scales) + " | --- |",
    ]
    names: list[str] = []
    for scale in scales:
        names += [name for name in results[scale] if name not in names and name != "files"]
    lines.append(
        "| data files | "
        + " | ".join(f"{int(results[s]['files'].seconds):,}" for s in scales)
        + " | |"
    )
    for name in names:
        cells = [f"{results[s][name].seconds:.3f} s" if name in results[s] else "" for s in scales]
        peak = max(results[s][name].peak_mib for s in scales if name in results[s])
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {peak:.0f} |")
    lines.append(f"| import coalition_kit | {import_time.seconds * 1000:.1f} ms | | |")

    def ratio(s: float, a: str, b: str) -> float:
        return results[s][a].seconds / results[s][b].seconds

    lines += [
        "",
        "| ratio (target) | " + " | ".join(f"scale {s}" for s in scales) + " |",
        "| --- | " + " | ".join("---" for _ in scales) + " |",
    ]
    checks = [
        (
            "validate / bare parse (at most 1.5)",
            "validate (in process)",
            "parse (PyYAML C loader)",
            1.5,
            "max",
        ),
        (
            "check-jsonschema / coalition-kit validate (at least 3)",
            "check-jsonschema",
            "coalition-kit validate",
            3.0,
            "min",
        ),
        ("load() / json.loads (at most 2)", "load() (bundle)", "json.loads (bundle)", 2.0, "max"),
        (
            "load() + every entity / json.loads",
            "load() + every entity",
            "json.loads (bundle)",
            0,
            "info",
        ),
    ]
    for label, a, b, target, sense in checks:
        cells = []
        for s in scales:
            value = ratio(s, a, b)
            verdict = (
                ""
                if sense == "info"
                else (" ✓" if (value <= target if sense == "max" else value >= target) else " ✗")
            )
            cells.append(f"{value:.2f}{verdict}")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    if len(scales) > 1:
        low, high = scales[0], scales[-1]
        data_growth = results[high]["files"].seconds / results[low]["files"].seconds
        lines += [
            "",
            f"Growth from scale {low} to {high} ({data_growth:.0f}x the files; linear is {data_growth:.0f}x):",
            "",
        ]
        for name in (
            "validate (in process)",
            "coalition-kit validate",
            "load() (bundle)",
            "parse (PyYAML C loader)",
        ):
            growth = results[high][name].seconds / results[low][name].seconds
            lines.append(f"- {name}: {growth:.1f}x time ({growth / data_growth:.2f} of linear)")
    verdict = "✓" if import_time.seconds < 0.05 else "✗"
    lines += [
        "",
        f"`import coalition_kit`: {import_time.seconds * 1000:.1f} ms (target under 50 ms) {verdict}",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table (and write it to a file with --output)."""
    parser = argparse.ArgumentParser(description="Benchmark coalition-kit on synthetic data.")
    parser.add_argument("--scales", type=float, nargs="+", default=[0.1, 1.0, 3.0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--site-scale", default="1.0", help="the scale to build the site at, or 'none'"
    )
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "coalition-kit-bench"
    )
    parser.add_argument("--output", type=Path, help="also write the table (Markdown) to this file")
    parser.add_argument(
        "--from-results", type=Path, help="print the table of an earlier run's results.json"
    )
    arguments = parser.parse_args(argv)
    if arguments.from_results:
        saved = json.loads(arguments.from_results.read_text(encoding="utf-8"))
        loaded = {float(s): {k: Measure(**v) for k, v in r.items()} for s, r in saved.items()}
        imported = loaded[min(loaded)].pop("import coalition_kit", Measure(float("nan"), 0.0))
        print(render(loaded, imported))
        return 0
    arguments.workdir.mkdir(parents=True, exist_ok=True)
    site_scale = None if arguments.site_scale == "none" else float(arguments.site_scale)
    results = {}
    for scale in arguments.scales:
        print(f"scale {scale} ...", file=sys.stderr, flush=True)
        results[scale] = measure_scale(
            scale, arguments.repeat, arguments.workdir, scale == site_scale
        )
        # Keep what is measured so far: a long run that stops late still leaves its numbers.
        (arguments.workdir / "results.json").write_text(
            json.dumps({str(s): {k: vars(v) for k, v in r.items()} for s, r in results.items()})
        )
    import_time = _import_time(arguments.repeat)
    hostile = measure_hostile(arguments.repeat, arguments.workdir)
    table = render(results, import_time)
    floor = hostile["parse (PyYAML C loader)"].seconds
    misspelt = hostile["validate, 1,500 misspelt links"]
    verdict = "✓" if misspelt.seconds < 2 else "✗"
    table += (
        f"\nHostile tree (600 organizations, a letter with 1,500 misspelt signatory ids): "
        f"validate {misspelt.seconds:.2f} s, {misspelt.seconds / floor:.1f}x its parse floor, "
        f"{misspelt.peak_mib:.0f} MiB (target under 2 s) {verdict}\n"
    )
    header = (
        f"Measured {time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores, Python "
        f"{sys.version.split()[0]}; best of {arguments.repeat} runs.\n\n"
    )
    print(header + table)
    if arguments.output:
        arguments.output.write_text(header + table, encoding="utf-8")
    (arguments.workdir / "results.json").write_text(
        json.dumps(
            {str(s): {k: vars(v) for k, v in r.items()} for s, r in results.items()}, indent=1
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
