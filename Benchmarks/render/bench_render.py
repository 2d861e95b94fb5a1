"""derive's render time against Jupyter's, on the same derivation, side by side.

Run through `make bench-render` (any Python 3 runs it; it needs only the standard library):

1. builds `derive` in release mode;
2. sets up the virtualenv Benchmarks/.venv with the pinned Jupyter stack of
   Benchmarks/render/requirements.txt (once; again when that file changes) and registers the
   venv's own python3 kernel inside the venv, so nothing outside it is read or fetched;
3. times (a) `derive render notebooks/sklearn-pr-11116.md`, cold, and (b) `jupyter nbconvert
   --execute --to html` of Benchmarks/render/sklearn-pr-11116.ipynb, the same derivation as
   a numpy/scipy notebook, median of several runs each after one untimed warm-up each (so
   both start with their files in the page cache), and prints both, their ratio, and the
   notebook's code run as a plain Python script for reference;
4. renders the whole gallery notebooks/ cold and prints derive's time per notebook.

Cold means no state from an earlier run: every derive run renders a fresh copy of the
notebooks in a fresh folder, with HOME and XDG_CACHE_HOME pointing into it, into an empty
output folder, so no cache derive keeps can be found. Both sides get the same
OPENBLAS_NUM_THREADS (from the environment, 1 when unset).
"""

import argparse
import hashlib
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
VENV = os.path.join(ROOT, "Benchmarks", ".venv")
REQUIREMENTS = os.path.join(HERE, "requirements.txt")
NOTEBOOK = os.path.join(HERE, "sklearn-pr-11116.ipynb")
SEED = "sklearn-pr-11116.md"
GALLERY = os.path.join(ROOT, "notebooks")
DERIVE = os.path.join(ROOT, ".build", "release", "derive")
TARGET_RATIO = 20.0
TARGET_SECONDS = 0.2


def run(command, **options):
    """Runs a command, failing loudly with its output when it fails."""
    result = subprocess.run(command, capture_output=True, text=True, **options)
    if result.returncode != 0:
        sys.exit(f"bench-render: {' '.join(command)} exited {result.returncode}\n{result.stdout}{result.stderr}")
    return result


def timed(command, **options):
    """(wall seconds, CPU seconds of the child, result) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = run(command, **options)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result


def build_derive():
    print("building derive (release) …", flush=True)
    run([os.environ.get("SWIFT", "swift"), "build", "-c", "release", "--product", "derive"], cwd=ROOT)


def venv_python():
    return os.path.join(VENV, "bin", "python")


def set_up_venv():
    """The pinned Jupyter stack in Benchmarks/.venv and the venv's own python3 kernel."""
    stamp = os.path.join(VENV, ".render-installed")
    with open(REQUIREMENTS, "rb") as file:
        digest = hashlib.sha256(file.read()).hexdigest()
    if os.path.exists(stamp) and open(stamp).read().strip() == digest:
        return
    if not os.path.exists(venv_python()):
        print(f"creating {os.path.relpath(VENV, ROOT)} …", flush=True)
        run([sys.executable, "-m", "venv", VENV])
    print("installing the Jupyter stack (Benchmarks/render/requirements.txt) …", flush=True)
    run([venv_python(), "-m", "pip", "install", "-q", "-r", REQUIREMENTS])
    # kernel.json with the venv's interpreter as an absolute path, inside the venv.
    run([venv_python(), "-m", "ipykernel", "install", "--sys-prefix", "--name", "python3"], env=jupyter_environment())
    with open(stamp, "w") as file:
        file.write(digest + "\n")


def jupyter_environment():
    """Jupyter confined to the venv: its kernel first, its own config, data and IPython
    folders (kept between runs, as a user's are), nothing from ~/.jupyter or ~/.ipython."""
    home = os.path.join(VENV, "jupyter-home")
    environment = dict(os.environ)
    environment.update(
        JUPYTER_PATH=os.path.join(VENV, "share", "jupyter"),
        JUPYTER_PREFER_ENV_PATH="1",
        JUPYTER_CONFIG_DIR=os.path.join(home, "config"),
        JUPYTER_DATA_DIR=os.path.join(home, "data"),
        JUPYTER_RUNTIME_DIR=os.path.join(home, "runtime"),
        IPYTHONDIR=os.path.join(home, "ipython"),
        JUPYTER_PLATFORM_DIRS="1",
        PATH=os.path.join(VENV, "bin") + os.pathsep + environment.get("PATH", ""),
    )
    return environment


def derive_cold(paths, runs):
    """`derive render PATHS` in a fresh folder per run: [(wall, cpu, stdout)]."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="derive-bench-") as folder:
            shutil.copytree(GALLERY, os.path.join(folder, "notebooks"))
            environment = dict(os.environ, HOME=folder, XDG_CACHE_HOME=os.path.join(folder, "cache"))
            command = [DERIVE, "render", *paths, "-o", "output"]
            wall, cpu, result = timed(command, cwd=folder, env=environment)
            times.append((wall, cpu, result.stdout))
    return times


def nbconvert(runs):
    """`jupyter nbconvert --execute --to html` of the notebook: [(wall, cpu, html)]."""
    times = []
    environment = jupyter_environment()
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="jupyter-bench-") as folder:
            command = [
                os.path.join(VENV, "bin", "jupyter"), "nbconvert", "--execute", "--to", "html",
                "--ExecutePreprocessor.kernel_name=python3", "--output-dir", folder, NOTEBOOK,
            ]
            wall, cpu, _ = timed(command, env=environment)
            with open(os.path.join(folder, "sklearn-pr-11116.html"), encoding="utf-8") as file:
                times.append((wall, cpu, file.read()))
    return times


def plain_python(runs):
    """The notebook's code cells as one Python script, without Jupyter: [(wall, cpu)]."""
    with tempfile.TemporaryDirectory(prefix="python-bench-") as folder:
        run([os.path.join(VENV, "bin", "jupyter"), "nbconvert", "--to", "script", "--output-dir", folder, NOTEBOOK],
            env=jupyter_environment())
        script = os.path.join(folder, "sklearn-pr-11116.py")
        return [timed([venv_python(), script])[:2] for _ in range(runs)]


def verdicts(html):
    """The verdicts the executed notebook printed, one per row."""
    return re.findall(r"  (PASS|FAIL|INCONCLUSIVE[^\n<]*)\n", html)


def median(samples, index=0):
    return statistics.median(sample[index] for sample in samples)


def report_lines(stdout):
    """derive render's per-notebook lines: (report, size, seconds)."""
    return re.findall(r"^(\S+\.html)\s+([\d.]+ KiB)\s+([\d.]+) s$", stdout, flags=re.M)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--derive-runs", type=int, default=15)
    parser.add_argument("--jupyter-runs", type=int, default=5)
    parser.add_argument("--gallery-runs", type=int, default=3)
    parser.add_argument("--no-build", action="store_true", help="use the release derive already built")
    options = parser.parse_args()
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

    if not options.no_build:
        build_derive()
    set_up_venv()
    seed = [os.path.join("notebooks", SEED)]
    print(f"\nOPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']} for both sides; "
          "wall-clock median (CPU median) of the runs after one warm-up each\n", flush=True)

    derive_cold(seed, 1)
    ours = derive_cold(seed, options.derive_runs)
    nbconvert(1)
    theirs = nbconvert(options.jupyter_runs)
    script = plain_python(options.jupyter_runs)

    found = verdicts(theirs[-1][2])
    if len(found) != 24 or set(found) != {"PASS"}:
        print(f"warning: the Jupyter notebook's verdicts are {found}, not 24 × PASS")
    ratio = median(theirs) / median(ours)
    width = 58
    print(f"{'derive render ' + SEED + ' (cold, ' + str(options.derive_runs) + ' runs)':<{width}}"
          f"{median(ours):7.3f} s  ({median(ours, 1):.3f} s CPU)")
    print(f"{'jupyter nbconvert --execute --to html (' + str(options.jupyter_runs) + ' runs)':<{width}}"
          f"{median(theirs):7.3f} s  ({median(theirs, 1):.3f} s CPU)")
    print(f"{'  for reference: its code as a plain python script':<{width}}"
          f"{median(script):7.3f} s  ({median(script, 1):.3f} s CPU)")
    print(f"\nratio: {ratio:.1f}x (target ≥ {TARGET_RATIO:.0f}x{', MISSED' if ratio < TARGET_RATIO else ''}); "
          f"derive cold {median(ours) * 1000:.0f} ms (target < {TARGET_SECONDS * 1000:.0f} ms"
          f"{', MISSED' if median(ours) >= TARGET_SECONDS else ''})")
    ours_size = report_lines(ours[-1][2])
    print(f"report sizes: derive {ours_size[0][1] if ours_size else '?'}, "
          f"nbconvert {len(theirs[-1][2].encode()) / 1024:.1f} KiB")

    print(f"\nthe gallery, cold (derive's own time per notebook, median of {options.gallery_runs} runs):")
    gallery = derive_cold(["notebooks"], options.gallery_runs)
    per_notebook = [report_lines(stdout) for _, _, stdout in gallery]
    if not per_notebook[0]:
        print(gallery[0][2], end="")
    for number, (report, size, _) in enumerate(per_notebook[0]):
        seconds = statistics.median(float(lines[number][2]) for lines in per_notebook if len(lines) > number)
        print(f"  {report:<{width - 2}}{seconds:7.3f} s  {size}")
    print(f"  {'whole command (wall-clock)':<{width - 2}}{median(gallery):7.3f} s")


if __name__ == "__main__":
    main()
