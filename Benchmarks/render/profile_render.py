"""Where `derive render notebooks/sklearn-pr-11116.md` spends its time, in instructions.

    python3 Benchmarks/render/profile_render.py [path/to/release/derive]

Runs the release binary once under `valgrind --tool=callgrind` (Debian package
`valgrind`) with BLAS on one thread and Swift's deterministic hashing, so the counts repeat
from run to run. Callgrind dumps its counters as each pipeline step returns, which cuts the
run into consecutive intervals: start-up, Markdown, math, setup evaluation, each check,
the HTML page. Each check is split further by the inclusive cost of the judge's parts
(Ridders' tableau, the cross-check, the step sweep). Instruction counts are not seconds,
but here about 5.5 million of them take a millisecond of CPU.
"""

import collections
import glob
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
NOTEBOOK = os.path.join(ROOT, "notebooks", "sklearn-pr-11116.md")

# Mangled names of the steps: a dump is taken before or after each.
RUN = "$s6derive13RenderCommandV3runyyKF"
PARSE = "$s8Notebook06ParsedA0V4fileAC11Diagnostics10SourceFileV_tcfC"
DATA_FILES = "$s6Report12SetupResultsO9dataFiles2ofSaySS4name_Says5UInt8VG5bytestG8Notebook06ParsedJ0V_tFZTf4nd_n"
TYPESET = "$s6Report14MathTypesetterV8notebookAC8Notebook06ParsedE0V_tcfCTf4nd_n"
SETUP = "$s6Report12SetupResultsO8evaluatey10Evaluation08NotebookE0V0F006ParsedF0VFZTf4nd_n"
CHECK = "$s10Evaluation11CheckRunnerV5check*"
RUN_NOTEBOOK = "$s6Report11NotebookRunV8notebookAC0B006ParsedB0V_tcfCTf4nd_n"
WRITE = "$s6Report14RenderPipelineV5write_2toySS_SStAC9StepErrorVYKFZ"
# (Callgrind honours only one of --dump-before and --dump-after for a function.)
TRIGGERS = [("before", RUN), ("after", PARSE), ("after", DATA_FILES), ("after", TYPESET), ("after", SETUP), ("after", CHECK),
            ("after", RUN_NOTEBOOK), ("after", WRITE)]
# What ran since the previous dump, by the trigger that ended it.
STEPS = [
    (RUN, "start-up: loading, Swift runtime, argument parsing"),
    (PARSE, "reading the notebook; Markdown: cmark, math masking"),
    (DATA_FILES, "inputs hash: the gp blocks read for data files"),
    (TYPESET, "math: SHA-256 of the inputs, TeX parse, MathML"),
    (SETUP, "setup evaluation (the gp block)"),
    (RUN_NOTEBOOK, "rest of the checks"),
    (WRITE, "HTML page: cells, check panels, SVG figures; writing"),
    ("Program termination", "printing, exit"),
]

# Parts of a check, and of the whole run, by inclusive cost (patterns on mangled names).
CHECK_PARTS = [
    ("Ridders", r"DerivativeSideV7ridders"),
    ("cross-check", r"EvaluatedSideV10crossCheck"),
    ("step sweep", r"StepSweepV4side"),
]
RUN_PARTS = [
    ("g(h): a side at a perturbed point", r"CheckRunnerV4side.*KcfU1_$"),
    ("  perturbed views (DefinitionScope.perturbing)", r"DefinitionScopeC09perturbedC0_"),
    ("    of which: the names a change affects", r"NotebookDefinitionsC8affected2by7holding"),
    ("  RBF kernel matrices", r"Numerics3RBFV6matrix"),
    ("  K⁻¹ in a checked equation (Factorizations.inverse)", r"FactorizationsO7inverse"),
    ("  condition numbers (LAPACK dpocon)", r"LAPACKE_dpocon_work$"),
    ("Frobenius norms (Matrix.frobeniusNorm)", r"MatrixV13frobeniusNormSdvg$"),
]


def profile(derive):
    """Runs callgrind; returns the dump files in order."""
    folder = tempfile.mkdtemp(prefix="derive-profile-")
    out = os.path.join(folder, "callgrind.out")
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]
    command += [f"--dump-{when}={function}" for when, function in TRIGGERS]
    command += [derive, "render", NOTEBOOK, "-o", os.path.join(folder, "output")]
    environment = dict(os.environ, OPENBLAS_NUM_THREADS="1", SWIFT_DETERMINISTIC_HASHING="1")
    subprocess.run(command, check=True, capture_output=True, env=environment)
    dumps = sorted(glob.glob(out + ".*"), key=lambda path: int(path.rsplit(".", 1)[1]))
    return dumps + [out]


def read(path):
    """(total, trigger, self costs, call costs) of one dump, by function name."""
    names = {}
    own = collections.Counter()
    calls = collections.defaultdict(collections.Counter)
    total, trigger = 0, ""
    function = callee = None
    pending_call = False

    def name(field):
        match = re.match(r"\((\d+)\)(?: (.*))?", field)
        if not match:
            return field
        if match.group(2) is not None:
            names[match.group(1)] = match.group(2)
        return names.get(match.group(1), field)

    with open(path, encoding="utf-8", errors="replace") as file:
        for line in file:
            if line.startswith("fn="):
                function = name(line[3:].strip())
            elif line.startswith("cfn="):
                callee = name(line[4:].strip())
            elif line.startswith("calls="):
                pending_call = True
            elif line[:1] in "0123456789+-*" and line.strip():
                cost = int(line.split()[-1])
                if pending_call:
                    if callee != function:
                        calls[function][callee] += cost
                    pending_call = False
                else:
                    own[function] += cost
            elif line.startswith("summary:") or line.startswith("totals:"):
                total = total or int(line.split()[1])
            elif line.startswith("desc: Trigger:"):
                trigger = line.split(":", 2)[2].strip()
    return total, trigger, own, calls


def inclusive(own, calls, pattern):
    """The inclusive cost of every function matching `pattern`, summed."""
    matcher = re.compile(pattern)
    return sum(own[f] + sum(calls[f].values()) for f in set(own) | set(calls) if matcher.search(f))


def main():
    derive = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "release", "derive")
    dumps = [read(path) for path in profile(derive)]
    grand = sum(total for total, *_ in dumps)
    # The seed notebook's checks, in document order.
    check_titles = iter([
        "∂k(u,v)/∂λᵢ = λᵢ⁻³ (uᵢ−vᵢ)² k(u,v)",
        "∂K_ab/∂λᵢ = λᵢ⁻³ (X_ai−X_bi)² K_ab",
        "∂K/∂λᵢ = λᵢ⁻³ Dᵢ∘K",
        "∂K/∂θᵢ = λᵢ ∂K/∂λᵢ",
        "λᵢ ∂K/∂λᵢ = ∂K/∂ln λᵢ",
        "∂K/∂ln λᵢ = λᵢ⁻² Dᵢ∘K",
        "∂ℓ/∂θᵢ = ½ tr((ααᵀ−K⁻¹) ∂K/∂θᵢ)",
        "½ tr(… ∂K/∂θᵢ) = ½ tr(… λᵢ⁻² Dᵢ∘K)",
    ])
    print(f"{'step':<58}{'instructions':>14}{'share':>8}   Ridders / cross-check / step sweep")
    for total, trigger, own, calls in dumps:
        if "CheckRunnerV5check" in trigger:
            label = "check " + next(check_titles, "?")
            parts = [inclusive(own, calls, pattern) for _, pattern in CHECK_PARTS]
            detail = " / ".join(f"{100 * part / total:.0f}%" for part in parts)
        else:
            label = next((step for key, step in STEPS if key in trigger), trigger)
            detail = ""
        print(f"{label:<58}{total:>14,}{100 * total / grand:>7.1f}%   {detail}")
    print(f"{'total':<58}{grand:>14,}")

    own = collections.Counter()
    calls = collections.defaultdict(collections.Counter)
    for _, _, o, c in dumps:
        own.update(o)
        for function, callees in c.items():
            calls[function].update(callees)
    print("\nacross the whole run (inclusive):")
    for label, pattern in RUN_PARTS:
        cost = inclusive(own, calls, pattern) if "frobenius" not in pattern else sum(
            own[f] for f in own if re.search(pattern, f))
        print(f"  {label:<56}{cost:>14,}{100 * cost / grand:>7.1f}%")


if __name__ == "__main__":
    main()
