#!/usr/bin/env python3
"""Measure derive against the corpus of real derivations in Tests/Corpus.

Each corpus notebook `<kind>-<slug>.md` has beside it `<kind>-<slug>.expected`: one line per
relation (each `=` of its checked math), `LINE:COL VERDICT  # why`, where LINE:COL is the
1-based position of the `=` (columns in Unicode scalars, as derive counts them) and VERDICT
is PASS or FAIL, the verdict the mathematics deserves.

For every notebook this runs `derive check --format json --no-cache` (one process each),
matches derive's checks to the expected lines by the position of their `=` and counts:

- relations: the lines of the .expected file;
- judged: derive's PASS or FAIL equals the record;
- wrong: derive's PASS or FAIL contradicts the record (the number that must be 0);
- not judged: everything else (inconclusive, no check at that `=`, notebook errors).

A check with no expected line, an expected line that is not at an `=` of the checked math,
or an `=` of the checked math without an expected line is a corpus error (exit status 2).
`--fail-on-wrong` exits 1 when any relation is judged wrongly. Standard library only.
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field

KINDS = ("qa", "docs", "issue", "notes", "book")
NOTEBOOK_NAME = re.compile(r"^(%s)-[a-z0-9][a-z0-9-]*\.md$" % "|".join(KINDS))
EXPECTED_LINE = re.compile(r"^(\d+):(\d+)\s+(PASS|FAIL)\s*(?:#\s*(.*))?$")
FENCE_OPEN = re.compile(r"^( {0,3})(`{3,}|~{3,})\s*math\s+check\s*$")
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DERIVE_ENV = {"OPENBLAS_NUM_THREADS": "1", "OPENBLAS_CORETYPE": "Haswell", "NO_COLOR": "1"}


@dataclass
class Relation:
    line: int
    column: int
    expected: str  # "pass" or "fail"
    why: str
    verdict: str | None = None  # derive's verdict, None when there is no check here

    @property
    def status(self) -> str:
        if self.verdict in ("pass", "fail"):
            return "judged" if self.verdict == self.expected else "wrong"
        return "not judged"


@dataclass
class NotebookResult:
    path: str
    kind: str
    relations: list[Relation] = field(default_factory=list)
    corpus_errors: list[str] = field(default_factory=list)
    first_stop: str | None = None
    errors: int = 0
    error_messages: list[str] = field(default_factory=list)
    exit_status: int | None = None

    def count(self, status: str) -> int:
        return sum(1 for r in self.relations if r.status == status)


def checked_equals(text: str) -> list[tuple[int, int]]:
    """The positions (line, column; 1-based, columns in Unicode scalars) of every `=` of the
    notebook's ```math check blocks that a reader takes for a relation: outside braces (not
    the `=` of `\\sum_{i=1}`), not escaped, not in a `%` comment."""
    positions = []
    fence = None
    depth = 0
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if fence is None:
            match = FENCE_OPEN.match(line)
            if match:
                fence, depth = match.group(2), 0
            continue
        if stripped and set(stripped) == {fence[0]} and len(stripped) >= len(fence):
            fence = None
            continue
        escaped = False
        for column, char in enumerate(line, start=1):
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == "{":
                depth += 1
            elif char == "}":
                depth = max(0, depth - 1)
            elif char == "%":
                break
            elif char == "=" and depth == 0:
                positions.append((number, column))
    return positions


def read_expected(path: str, shown: str) -> tuple[list[Relation], list[str]]:
    """The relations recorded in the .expected file `path` (`shown` in messages)."""
    relations, errors = [], []
    seen = set()
    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            match = EXPECTED_LINE.match(line)
            if not match:
                errors.append(f"{shown}:{number}: not 'LINE:COL PASS|FAIL  # why': {line}")
                continue
            position = (int(match.group(1)), int(match.group(2)))
            if position in seen:
                errors.append(f"{shown}:{number}: {position[0]}:{position[1]} is recorded twice")
                continue
            seen.add(position)
            why = (match.group(4) or "").strip()
            if not why:
                errors.append(f"{shown}:{number}: {position[0]}:{position[1]} has no '# why'")
            relations.append(Relation(position[0], position[1], match.group(3).lower(), why))
    return relations, errors


def run_derive(derive: str, notebook: str, timeout: float) -> tuple[dict | None, int | None, str]:
    env = dict(os.environ, **DERIVE_ENV)
    try:
        done = subprocess.run(
            [derive, "check", "--format", "json", "--no-cache", notebook],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None, f"derive did not finish within {timeout:.0f} s"
    try:
        return json.loads(done.stdout), done.returncode, done.stderr
    except json.JSONDecodeError:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return None, done.returncode, f"derive exited {done.returncode} without a JSON document: {tail}"


def measure_notebook(derive: str, notebook: str, timeout: float) -> NotebookResult:
    """`notebook` is a path relative to the repository root (as derive reports it)."""
    name = os.path.basename(notebook)
    result = NotebookResult(path=notebook, kind=name.split("-", 1)[0])
    absolute = os.path.join(ROOT, notebook)
    expected_path = absolute[: -len(".md")] + ".expected"
    if not os.path.exists(expected_path):
        result.corpus_errors.append(f"{notebook}: no {os.path.basename(expected_path)} beside it")
        return result
    result.relations, errors = read_expected(expected_path, notebook[: -len(".md")] + ".expected")
    result.corpus_errors += errors
    with open(absolute, encoding="utf-8") as handle:
        equals = set(checked_equals(handle.read()))
    recorded = {(r.line, r.column) for r in result.relations}
    for line, column in sorted(recorded - equals):
        result.corpus_errors.append(f"{notebook}:{line}:{column}: recorded, but not an '=' of the checked math")
    for line, column in sorted(equals - recorded):
        result.corpus_errors.append(f"{notebook}:{line}:{column}: an '=' of the checked math has no expected verdict")

    document, status, message = run_derive(derive, notebook, timeout)
    result.exit_status = status
    if document is None:
        result.first_stop = message
        return result
    by_position = {(r.line, r.column): r for r in result.relations}
    for entry in document.get("notebooks", []):
        for check in entry.get("checks", []):
            position = (check.get("equalsLine"), check.get("equalsColumn"))
            relation = by_position.get(position)
            if relation is None:
                result.corpus_errors.append(
                    f"{check.get('relation', notebook)}: unrecorded check {check.get('left')} = {check.get('right')}")
            else:
                relation.verdict = check.get("verdict")
        errors = [d for d in entry.get("diagnostics", []) if d.get("severity") == "error"]
        result.errors += len(errors)
        result.error_messages += [d.get("message", "") for d in errors]
        if errors and result.first_stop is None:
            first = min(errors, key=lambda d: (d.get("line") or 0, d.get("column") or 0))
            result.first_stop = f"{first.get('line')}:{first.get('column')}: {first.get('message')}"
    for diagnostic in document.get("diagnostics", []):
        if result.first_stop is None:
            result.first_stop = diagnostic.get("message")
    return result


def corpus_notebooks(paths: list[str]) -> tuple[list[str], list[str]]:
    """Notebook paths relative to the repository root, and corpus errors found on the way."""
    notebooks, errors = [], []
    for path in paths:
        absolute = os.path.abspath(path)
        if os.path.isdir(absolute):
            names = sorted(os.listdir(absolute))
            for name in names:
                if NOTEBOOK_NAME.match(name):
                    notebooks.append(os.path.join(absolute, name))
                elif name.endswith(".expected") and name[: -len(".expected")] + ".md" not in names:
                    errors.append(f"{os.path.relpath(os.path.join(absolute, name), ROOT)}: no notebook beside it")
                elif name.endswith(".md") and name not in ("README.md", "MEASUREMENTS.md"):
                    errors.append(f"{os.path.relpath(os.path.join(absolute, name), ROOT)}: "
                                  f"not named <kind>-<slug>.md with a kind of {', '.join(KINDS)}")
        else:
            notebooks.append(absolute)
    return [os.path.relpath(n, ROOT) for n in notebooks], errors


def error_kinds(results: list[NotebookResult]) -> list[tuple[str, int]]:
    """derive's error messages over the corpus, with quoted names and numbers generalised
    (`unknown name 'μ'` and `unknown name 'p'` are one kind), most frequent first."""
    counts: dict[str, int] = {}
    for r in results:
        for message in r.error_messages:
            kind = re.sub(r"'[^']*'", "'…'", message)
            kind = re.sub(r"\b\d+(×\d+)?\b", "N", kind)
            counts[kind] = counts.get(kind, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def share(judged: int, relations: int) -> str:
    return f"{100 * judged / relations:.0f}%" if relations else "-"


def summary(results: list[NotebookResult]) -> dict:
    def totals(group: list[NotebookResult]) -> dict:
        relations = sum(len(r.relations) for r in group)
        judged = sum(r.count("judged") for r in group)
        return {"notebooks": len(group), "relations": relations, "judged": judged,
                "wrong": sum(r.count("wrong") for r in group),
                "notJudged": sum(r.count("not judged") for r in group),
                "share": judged / relations if relations else None}

    return {
        "notebooks": [{
            "path": r.path, "kind": r.kind, "relations": len(r.relations), "judged": r.count("judged"),
            "wrong": r.count("wrong"), "notJudged": r.count("not judged"), "exitStatus": r.exit_status,
            "errors": r.errors, "firstStop": r.first_stop, "corpusErrors": r.corpus_errors,
            "detail": [{"position": f"{r.path}:{x.line}:{x.column}", "expected": x.expected, "verdict": x.verdict,
                        "status": x.status, "why": x.why} for x in r.relations],
        } for r in results],
        "kinds": {kind: totals([r for r in results if r.kind == kind]) for kind in KINDS
                  if any(r.kind == kind for r in results)},
        "total": totals(results),
        "errorKinds": [{"message": kind, "count": count} for kind, count in error_kinds(results)],
    }


def text_report(results: list[NotebookResult], header: str) -> str:
    out = [header, ""]
    data = summary(results)
    kind_labels = {kind: f"{kind} ({t['notebooks']} notebooks)" for kind, t in data["kinds"].items()}
    width = max([len(os.path.basename(r.path)) for r in results] + [len(x) for x in kind_labels.values()] + [8])
    out.append(f"{'notebook':<{width}}  relations  judged  wrong  share  first diagnostic that stopped the others")
    for r in results:
        stop = r.first_stop or "-"
        out.append(f"{os.path.basename(r.path):<{width}}  {len(r.relations):>9}  {r.count('judged'):>6}  "
                   f"{r.count('wrong'):>5}  {share(r.count('judged'), len(r.relations)):>5}  {stop}")
    out.append("")
    for kind, t in data["kinds"].items():
        out.append(f"{kind_labels[kind]:<{width}}  {t['relations']:>9}  "
                   f"{t['judged']:>6}  {t['wrong']:>5}  {share(t['judged'], t['relations']):>5}")
    t = data["total"]
    out.append(f"{'total':<{width}}  {t['relations']:>9}  {t['judged']:>6}  {t['wrong']:>5}  "
               f"{share(t['judged'], t['relations']):>5}")
    kinds = error_kinds(results)
    if kinds:
        out += ["", "derive's errors, most frequent first:"]
        out += [f"  {count:>3}  {kind}" for kind, count in kinds]
    wrong = [(r, x) for r in results for x in r.relations if x.status == "wrong"]
    if wrong:
        out += ["", "judged wrongly:"]
        for r, x in wrong:
            out.append(f"  {r.path}:{x.line}:{x.column}: derive says {x.verdict.upper()}, "
                       f"the record {x.expected.upper()} ({x.why})")
    errors = [e for r in results for e in r.corpus_errors]
    if errors:
        out += ["", "corpus errors:"] + [f"  {e}" for e in errors]
    return "\n".join(out) + "\n"


def derive_commit() -> str:
    try:
        done = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        return done.stdout.strip() + (" (with uncommitted changes)" if dirty else "")
    except OSError:
        return "unknown"


def ensure_derive(derive: str) -> None:
    if os.path.exists(os.path.join(ROOT, derive)) or os.path.exists(derive):
        return
    print(f"measure: {derive} is missing; building it with 'swift build'", file=sys.stderr)
    subprocess.run(["swift", "build", "--product", "derive"], cwd=ROOT, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=[HERE], help="corpus folders or notebooks (default: Tests/Corpus)")
    parser.add_argument("--derive", default=".build/debug/derive", help="the derive binary (built if missing)")
    parser.add_argument("--json", action="store_true", help="print a machine-readable summary")
    parser.add_argument("--fail-on-wrong", action="store_true", help="exit 1 when a relation is judged wrongly")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per notebook")
    args = parser.parse_args(argv)

    ensure_derive(args.derive)
    derive = args.derive if os.path.isabs(args.derive) else os.path.join(ROOT, args.derive)
    notebooks, errors = corpus_notebooks(args.paths)
    results = [measure_notebook(derive, n, args.timeout) for n in notebooks]
    if errors:
        results.append(NotebookResult(path="(corpus)", kind="-", corpus_errors=errors))
    header = (f"derive corpus measurement, {datetime.date.today().isoformat()}, "
              f"derive at commit {derive_commit()}")
    if args.json:
        data = summary([r for r in results if r.kind != "-"])
        data["corpusErrors"] = [e for r in results for e in r.corpus_errors]
        data["header"] = header
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(text_report([r for r in results if r.kind != "-"] or results, header), end="")
        if errors:
            print("corpus errors:\n" + "\n".join(f"  {e}" for e in errors))
    if any(r.corpus_errors for r in results):
        return 2
    if args.fail_on_wrong and any(r.count("wrong") for r in results):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
