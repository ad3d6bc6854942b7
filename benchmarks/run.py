"""Benchmark coalition-kit on synthetic trees and print ratios against baselines from the same run.

    python benchmarks/run.py                        # every tree, the levers and the site
    python benchmarks/run.py --trees first:0.1 --site none --levers none --repeat 1   # a look

Trees are ``DISTRIBUTION:SCALE`` (``benchmarks/synthetic.py``): the first distribution (many short
files) at scales 0.1, 1 and 3, and the wide one (fewer, longer files in three scripts) at scale
1. Every measurement runs in a fresh process, so that each has its own peak memory and no cache
carries over; times are the best of ``--repeat`` runs, peak memory the largest. Baselines,
measured on the same tree in the same run: one process reading and parsing every file with
PyYAML's C loader (the *parse floor*) for ``coalition-kit validate``; ``check-jsonschema`` with
our schemas; ``json.loads`` of the same bytes for loading the bundle. The machine's load average
is printed before and after, because these machines are shared.
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
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from coalition_kit.site.headings import Headings

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
    command: list[str],
    *,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    cores: int | None = None,
) -> str:
    """Run a command and return its output; with ``cores``, on only that many of the cores."""
    allowed = sorted(os.sched_getaffinity(0))[:cores] if cores else None
    process = subprocess.run(  # noqa: S603 - our own commands, on our own synthetic trees
        command,
        capture_output=True,
        env=env,
        cwd=cwd,
        text=True,
        check=False,
        preexec_fn=(lambda: os.sched_setaffinity(0, allowed)) if allowed else None,
    )
    if process.returncode not in (0, 1):
        raise RuntimeError(
            f"{command[:3]} failed ({process.returncode}):\n{process.stderr[-2000:]}"
        )
    return process.stdout


# Runs a command and prints its wall time and peak memory: RUSAGE_CHILDREN of a process with one
# child is that child's own peak (the benchmark's own would be the largest of all it ran).
_MEASURED = """
import os, resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(elapsed, peak, code)
"""


def _command(
    command: list[str],
    repeat: int,
    env: dict[str, str] | None = None,
    cores: int | None = None,
) -> Measure:
    best, peak = float("inf"), 0.0
    for _ in range(repeat):
        output = _run([PYTHON, "-c", _MEASURED, *command], env=env, cwd=REPO, cores=cores)
        seconds, memory, code = output.split()
        if int(code) not in (0, 1):
            raise RuntimeError(f"{command[:3]} failed ({code})")
        best, peak = min(best, float(seconds)), max(peak, float(memory))
    return Measure(best, peak)


def _python(
    snippet: str,
    repeat: int,
    *arguments: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> Measure:
    """Run a Python snippet that prints the seconds of its measured part; keep the best run.

    The peak memory is the snippet's own: the high-water mark of its memory map (``VmHWM``),
    which starts afresh at ``exec``, unlike ``ru_maxrss``, which keeps the forking parent's.
    """
    best, peak = float("inf"), 0.0
    program = textwrap.dedent(snippet) + (
        "\nfor _line in open('/proc/self/status'):\n"
        "    if _line.startswith('VmHWM:'):\n"
        "        print(int(_line.split()[1]) / 1024)\n"
    )
    for _ in range(repeat):
        output = _run([PYTHON, "-c", program, *arguments], cwd=cwd, env=env)
        *_, seconds, memory = output.split()
        best, peak = min(best, float(seconds)), max(peak, float(memory))
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

# The collector paused in bulk as before the survivors were moved to the oldest generation:
# the lever 'young' of LOAD and WITHOUT.
PAUSED_ONLY = """
import contextlib, gc
@contextlib.contextmanager
def paused_only():
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
"""

# The bundle as an installed package loads it: trusted when its checksum matches (the build
# verified it), validated otherwise; sys.argv[2] says which, sys.argv[3] whether every entity is
# built, and sys.argv[4], if "young", takes the survivors' move away.
LOAD = (
    PAUSED_ONLY
    + """
import sys, time
from pathlib import Path
from coalition_kit.library import bundle as bundle_module, maps
from coalition_kit.library.bundle import bundle_digest, library_from_bundle
if sys.argv[4:] == ["young"]:
    bundle_module.paused_collector = maps.paused_collector = paused_only
raw = Path(sys.argv[1]).read_bytes()
digest = bundle_digest(raw) if sys.argv[2] == "trusted" else None
started = time.perf_counter()
library = library_from_bundle(raw, digest)
if sys.argv[3] == "all":
    count = sum(len(list(library[kind].values())) for kind in library)
print(time.perf_counter() - started)
"""
)

# A script's start: a fresh interpreter imports coalition_kit and loads the shipped data.
COLD_START = """
import time
started = time.perf_counter()
import coalition_kit
library = coalition_kit.load()
elapsed = time.perf_counter() - started
assert coalition_kit.__file__.startswith(__import__("sys").argv[1]), coalition_kit.__file__
assert len(library.missions) > 100
print(elapsed)
"""

IMPORT = """
import time
started = time.perf_counter()
import coalition_kit
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

# `coalition-kit validate` with one lever taken away, to say what it buys.
WITHOUT = (
    PAUSED_ONLY
    + """
import contextlib, sys
from coalition_kit.check import runner
if sys.argv[1] == "collector":
    runner.paused_collector = contextlib.nullcontext
if sys.argv[1] == "young":
    runner.paused_collector = paused_only
from coalition_kit.cli import main
sys.exit(main(["validate", sys.argv[2]]))
"""
)

_BATCH = 10_000


def _check_jsonschema(tree: Path) -> Measure:
    total, peak = 0.0, 0.0
    checker = BIN / "check-jsonschema"
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
            measure = _command(
                [str(checker), "--schemafile", schema, *files[start : start + _BATCH]], 1
            )
            total += measure.seconds
            peak = max(peak, measure.peak_mib)
    return Measure(total, peak)


def _tree(workdir: Path, name: str) -> Path:
    distribution, scale = name.split(":")
    tree = workdir / f"{distribution}-{scale}"
    if not tree.exists():
        _run(
            [
                PYTHON,
                str(HERE / "synthetic.py"),
                "--scale",
                scale,
                "--distribution",
                distribution,
                str(tree),
            ]
        )
    return tree


@cache
def _bundle(workdir: Path, tree: Path) -> Path:
    """The tree's bundle, made by this run's code once (the levers may measure a tree alone)."""
    bundle = workdir / f"bundle-{tree.name}.json"
    _run([PYTHON, "-c", BUNDLE, str(tree), str(bundle)])
    return bundle


def measure_tree(name: str, repeat: int, workdir: Path, jsonschema: bool) -> dict[str, Measure]:
    """Generate the tree ``name`` (``distribution:scale``) and take every measurement on it."""
    tree = _tree(workdir, name)
    files = list(tree.glob("*/*.yaml"))
    megabytes = sum(path.stat().st_size for path in files) / 1e6
    bundle = _bundle(workdir, tree)
    cli = [str(BIN / "coalition-kit"), "validate", str(tree)]
    results = {
        "data files": Measure(float(len(files)), 0.0),
        "megabytes of YAML": Measure(megabytes, 0.0),
        "parse floor (one process, C loader)": _python(PARSE, repeat, str(tree)),
        "coalition-kit validate, 2 cores": _command(cli, repeat),
        "coalition-kit validate, 1 core": _command(cli, repeat, cores=1),
        "json.loads (bundle)": _python(JSON_LOADS, repeat, str(bundle)),
        "load() (bundle, lazy)": _python(LOAD, repeat, str(bundle), "trusted", "lazy"),
        "load() + every entity": _python(LOAD, repeat, str(bundle), "trusted", "all"),
    }
    if jsonschema:
        results["check-jsonschema"] = _check_jsonschema(tree)  # minutes a run; one is enough
    return results


def measure_levers(name: str, repeat: int, workdir: Path) -> dict[str, Measure]:
    """``validate`` and the bundle with each lever of performance round two taken away."""
    tree = _tree(workdir, name)
    bundle = _bundle(workdir, tree)
    results: dict[str, Measure] = {}
    levers = {
        "none": "every lever",
        "collector": "collector not paused",
        "young": "survivors left young",
    }
    for cores in (2, 1):
        for lever, label in levers.items():
            results[f"validate, {cores} core{'s' if cores > 1 else ''}: {label}"] = _command(
                [PYTHON, "-c", WITHOUT, lever, str(tree)], repeat, cores=cores
            )
    for trust in ("trusted", "validated"):
        results[f"load() + every entity, {trust}"] = _python(
            LOAD, repeat, str(bundle), trust, "all"
        )
    results["load() + every entity, trusted: survivors left young"] = _python(
        LOAD, repeat, str(bundle), "trusted", "all", "young"
    )
    return results


def _cold_start(repeat: int, workdir: Path) -> Measure:
    """``import coalition_kit; load()`` in a fresh process, from the wheel as pip installs it."""
    wheels = workdir / "wheel"
    shutil.rmtree(wheels, ignore_errors=True)
    _run(
        [
            PYTHON,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(REPO),
        ]
    )
    unpacked = workdir / "installed"
    shutil.rmtree(unpacked, ignore_errors=True)
    with zipfile.ZipFile(next(wheels.glob("coalition_kit-*.whl"))) as wheel:
        wheel.extractall(unpacked)
    env = {**os.environ, "PYTHONPATH": str(unpacked)}
    return _python(COLD_START, max(repeat, 5), str(unpacked), cwd=workdir, env=env)


def _build_site(
    data: Path, output: Path, config: Path, jobs: str = "", direct: str = ""
) -> tuple[Measure, int]:
    """``mkdocs build`` of ``config`` over ``data``: its time and peak, and the pages it made.

    ``jobs`` and ``direct`` set ``COALITION_KIT_SITE_JOBS`` and ``COALITION_KIT_SITE_DIRECT``.
    """
    env = {
        **os.environ,
        "COALITION_KIT_DATA": str(data),
        "COALITION_KIT_SITE_JOBS": jobs,
        "COALITION_KIT_SITE_DIRECT": direct,
        "NO_MKDOCS_2_WARNING": "1",
    }
    command = [str(BIN / "mkdocs"), "build", "-f", str(config), "--site-dir", str(output)]
    measure = _command(command, 1, env)
    pages = sum(1 for _ in output.rglob("index.html"))
    shutil.rmtree(output, ignore_errors=True)
    return measure, pages


def _floor_config(workdir: Path, pages: int) -> tuple[Path, Path]:
    """The site's configuration over one-line pages: as many pages, no data (the mkdocs floor).

    Returns the configuration and the empty data tree. The pages sit beside a copy of ``docs/``,
    half in each language, at the depth of the entity pages, written in HTML with a title and a
    description in their front matter as the entity pages are (without them the theme's page
    is not filled from a shell but rendered for each page, and the floor would be the
    template's).
    """
    floor = workdir / "site-floor"
    shutil.rmtree(floor, ignore_errors=True)
    shutil.copytree(REPO / "docs", floor / "docs")
    for index in range(pages // 2):
        for suffix, words in ((".md", "A mission"), (".ko.md", "공관")):
            page = floor / "docs" / "missions" / f"m{index:05d}{suffix}"
            page.parent.mkdir(parents=True, exist_ok=True)
            title = Headings()(1, f"{words} {index}")
            page.write_text(
                f"---\ntitle: {words} {index}\ndescription: {words}\n---\n"
                f"{title}\n<p>{words}.</p>\n",
                encoding="utf-8",
            )
    data = floor / "data"
    for kind in ("organizations", "letters", "campaigns", "missions"):
        (data / kind).mkdir(parents=True)
    return site_config(floor / "docs", floor / "mkdocs.yml"), data


def site_config(docs: Path, destination: Path) -> Path:
    """Write at ``destination`` the site's ``mkdocs.yml`` building ``docs``, and return it.

    The repository's relative paths (theme, hooks, API sources) become absolute; the watched
    folders shrink to ``docs``.
    """
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    absolute = {
        "docs_dir: docs": f"docs_dir: {docs}",
        "custom_dir: src/": f"custom_dir: {REPO / 'src'}/",
        "  - src/coalition_kit/site/hooks.py": f"  - {REPO / 'src/coalition_kit/site/hooks.py'}",
        "paths: [src]": f"paths: [{REPO / 'src'}]",
        "\n  - docs\n  - data\n  - src/coalition_kit/site\n": "\n  - docs\n",
    }
    for relative, replacement in absolute.items():
        if relative not in config:
            raise RuntimeError(f"mkdocs.yml no longer has {relative.strip()!r}")
        config = config.replace(relative, replacement)
    destination.write_text(config, encoding="utf-8")
    return destination


def measure_site(name: str, workdir: Path) -> dict[str, Measure]:
    """The site of a tree: as built, in one process, all in mkdocs' loop, and the floor."""
    tree = _tree(workdir, name)
    output = workdir / f"site-{tree.name}"
    config = REPO / "mkdocs.yml"
    built, pages = _build_site(tree, output, config)
    if pages < 1000:
        raise RuntimeError(f"the site of {name} has only {pages} pages")
    one, _ = _build_site(tree, output, config, jobs="1")
    looped, _ = _build_site(tree, output, config, direct="0")
    floor_config, empty = _floor_config(workdir, pages)
    floor, floor_pages = _build_site(empty, output, floor_config)
    shutil.rmtree(floor_config.parent, ignore_errors=True)
    return {
        "site": built,
        "site, one process": one,
        "site, mkdocs' loop": looped,
        "site floor": Measure(floor.seconds, floor.peak_mib),
        "site pages": Measure(pages, 0.0),
        "site floor pages": Measure(floor_pages, 0.0),
    }


@dataclass(frozen=True)
class Goal:
    """A target of the performance issues: a ratio (or a time) and the bound it must keep."""

    label: str
    value: Callable[[dict[str, Measure]], float]
    bound: float
    at_most: bool = True
    trees: tuple[str, ...] = ()  # only these trees; every tree when empty


def _ratio(a: str, b: str) -> Callable[[dict[str, Measure]], float]:
    return lambda r: r[a].seconds / r[b].seconds


GOALS = (
    Goal(
        "validate on 2 cores / parse floor",
        _ratio("coalition-kit validate, 2 cores", "parse floor (one process, C loader)"),
        1.0,
    ),
    Goal(
        "validate on 1 core / parse floor",
        _ratio("coalition-kit validate, 1 core", "parse floor (one process, C loader)"),
        1.8,
    ),
    Goal(
        "check-jsonschema / validate on 2 cores",
        _ratio("check-jsonschema", "coalition-kit validate, 2 cores"),
        10.0,
        at_most=False,
    ),
    Goal("load() lazy / json.loads", _ratio("load() (bundle, lazy)", "json.loads (bundle)"), 1.5),
    Goal(
        "load() + every entity / json.loads",
        _ratio("load() + every entity", "json.loads (bundle)"),
        2.0,
    ),
)


def _cell(goal: Goal, results: dict[str, Measure]) -> str:
    try:
        value = goal.value(results)
    except KeyError:
        return ""
    kept = value <= goal.bound if goal.at_most else value >= goal.bound
    return f"{value:.2f} {'✓' if kept else '✗'}"


def render(
    results: dict[str, dict[str, Measure]],
    singles: dict[str, Measure],
    levers: dict[str, Measure],
) -> str:
    """The Markdown tables: times and memory per tree, the goals, the levers, the single numbers."""
    trees = list(results)
    lines = [
        "| measurement | " + " | ".join(trees) + " |",
        "| --- |" + " --- |" * len(trees),
    ]
    names: list[str] = []
    for tree in trees:
        names += [name for name in results[tree] if name not in names]
    for name in names:
        cells = []
        for tree in trees:
            measure = results[tree].get(name)
            if measure is None:
                cells.append("")
            elif name == "data files":
                cells.append(f"{int(measure.seconds):,}")
            elif name == "megabytes of YAML":
                cells.append(f"{measure.seconds:.1f}")
            else:
                cells.append(f"{measure.seconds:.3f} s, {measure.peak_mib:.0f} MiB")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "| goal | bound | " + " | ".join(trees) + " |",
        "| --- | --- |" + " --- |" * len(trees),
    ]
    for goal in GOALS:
        sense = f"{'≤' if goal.at_most else '≥'} {goal.bound:g}"
        lines.append(
            f"| {goal.label} | {sense} | "
            + " | ".join(_cell(goal, results[tree]) for tree in trees)
            + " |"
        )
    if levers:
        lines += [
            "",
            "| lever | time | peak MiB | ÷ with every lever |",
            "| --- | --- | --- | --- |",
        ]
        for name, measure in levers.items():
            if name.startswith("validate"):
                base = levers[name.split(": ")[0] + ": every lever"].seconds
            else:
                base = levers["load() + every entity, trusted"].seconds
            lines.append(
                f"| {name} | {measure.seconds:.3f} s | {measure.peak_mib:.0f} | "
                f"{measure.seconds / base:.2f} |"
            )
    lines += ["", "| single measurement | value | peak MiB | goal |", "| --- | --- | --- | --- |"]
    wanted: list[tuple[str, str, float]] = [
        ("import coalition_kit, fresh process", "import", 0.05),
        ("import coalition_kit; load() of the shipped data, fresh process", "cold start", 0.15),
        ("mkdocs build, first distribution at scale 1", "site", 60.0),
    ]
    for label, key, bound in wanted:
        measure = singles.get(key)
        if measure is None:
            continue
        quick = bound < 1
        value = f"{measure.seconds * 1000:.0f} ms" if quick else f"{measure.seconds:.0f} s"
        kept = measure.seconds < bound and (quick or measure.peak_mib < 1024)
        limit = f"< {bound * 1000:.0f} ms" if quick else f"< {bound:.0f} s, < 1 GiB"
        lines.append(
            f"| {label} | {value} | {measure.peak_mib:.0f} | {limit} {'✓' if kept else '✗'} |"
        )
    site, one, floor = (singles.get(key) for key in ("site", "site, one process", "site floor"))
    if site is not None and one is not None and floor is not None:
        pages = int(singles["site pages"].seconds)
        lines += [
            f"| the same in one process (`COALITION_KIT_SITE_JOBS=1`) | {one.seconds:.0f} s | "
            f"{one.peak_mib:.0f} | {one.seconds / site.seconds:.2f}x the two processes |",
        ]
        looped = singles.get("site, mkdocs' loop")
        if looped is not None:
            lines.append(
                "| the same with every page in mkdocs' own loop (`COALITION_KIT_SITE_DIRECT=0`) | "
                f"{looped.seconds:.0f} s | {looped.peak_mib:.0f} | "
                f"{looped.seconds / site.seconds:.2f}x the entity pages written directly |"
            )
        lines += [
            f"| floor: {int(singles['site floor pages'].seconds):,} one-line pages, same theme, "
            f"plugins and hooks, no data | {floor.seconds:.0f} s | {floor.peak_mib:.0f} | the "
            f"site's {pages:,} pages take {site.seconds / floor.seconds:.2f}x it |",
        ]
    return "\n".join(lines) + "\n"


def _load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f}, {five:.2f}, {fifteen:.2f}"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table (and write it to a file with --output)."""
    parser = argparse.ArgumentParser(description="Benchmark coalition-kit on synthetic data.")
    parser.add_argument("--trees", nargs="+", default=["first:0.1", "first:1", "first:3", "wide:1"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--jsonschema-trees",
        nargs="*",
        default=["first:0.1", "first:1", "wide:1"],
        help="the trees to run check-jsonschema on (minutes each)",
    )
    parser.add_argument("--levers", default="first:1", help="the tree for the levers, or 'none'")
    parser.add_argument(
        "--site", default="first:1", help="the tree to build the site of, or 'none'"
    )
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "coalition-kit-bench"
    )
    parser.add_argument("--output", type=Path, help="also write the tables (Markdown) to this file")
    arguments = parser.parse_args(argv)
    arguments.workdir.mkdir(parents=True, exist_ok=True)
    before = _load_average()
    started = time.perf_counter()
    results: dict[str, dict[str, Measure]] = {}
    for name in arguments.trees:
        print(f"{name} ...", file=sys.stderr, flush=True)
        results[name] = measure_tree(
            name, arguments.repeat, arguments.workdir, name in arguments.jsonschema_trees
        )
    levers: dict[str, Measure] = {}
    if arguments.levers != "none":
        print("levers ...", file=sys.stderr, flush=True)
        levers = measure_levers(arguments.levers, arguments.repeat, arguments.workdir)
    singles = {
        "import": _python(IMPORT, max(arguments.repeat, 5)),
        "cold start": _cold_start(arguments.repeat, arguments.workdir),
    }
    hostile = arguments.workdir / "hostile-misspelt"
    if not hostile.exists():
        _run([PYTHON, "-c", MISSPELT, str(hostile), str(HERE)])
    floor = _python(PARSE, arguments.repeat, str(hostile))
    misspelt = _python(VALIDATE_ANY, arguments.repeat, str(hostile))
    if arguments.site != "none":
        print("site ...", file=sys.stderr, flush=True)
        singles.update(measure_site(arguments.site, arguments.workdir))
    table = render(results, singles, levers)
    table += (
        f"\nHostile tree (600 organizations, a letter with 1,500 misspelt signatory ids): "
        f"validate {misspelt.seconds:.2f} s, {misspelt.seconds / floor.seconds:.1f}x its parse "
        f"floor, {misspelt.peak_mib:.0f} MiB (target under 2 s) "
        f"{'✓' if misspelt.seconds < 2 else '✗'}\n"
    )
    header = (
        f"Measured {time.strftime('%Y-%m-%d')} on {len(os.sched_getaffinity(0))} cores, Python "
        f"{sys.version.split()[0]}; best of {arguments.repeat} runs (check-jsonschema and the "
        f"site: one). Load average (1, 5, 15 minutes) before: {before}; after: "
        f"{_load_average()}. The run took {(time.perf_counter() - started) / 60:.0f} minutes.\n\n"
    )
    print(header + table)
    if arguments.output:
        arguments.output.write_text(header + table, encoding="utf-8")
    (arguments.workdir / "results.json").write_text(
        json.dumps(
            {
                "trees": {t: {k: vars(v) for k, v in r.items()} for t, r in results.items()},
                "levers": {k: vars(v) for k, v in levers.items()},
                "singles": {k: vars(v) for k, v in singles.items()},
            },
            indent=1,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
