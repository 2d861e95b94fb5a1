#!/usr/bin/env bash
# The GitHub Action, offline: its YAML linted (actionlint, the Action and workflow schemas
# through check-jsonschema, shellcheck on its script), then Action/derive-action.sh run step
# by step on a fixture repository, with the runner's variables and files faked.
#
#   bash Tests/Distribution/action.sh      (or `make test-action`, which installs the linters)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=Tests/Distribution/lib.sh
source "$here/lib.sh"
export PATH="$here/.venv/bin:$PATH"
script="$repo/Action/derive-action.sh"
derive_bin=${DERIVE_BIN:-$repo/.build-install/release/derive}
[ -x "$derive_bin" ] || { echo "action.sh: no derive at $derive_bin (make install-build)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/derive-action.XXXXXX")
trap 'rm -rf "$work"' EXIT

# --- The YAML ------------------------------------------------------------------------------

run "$repo" check-jsonschema --builtin-schema vendor.github-actions action.yml
expect_status "action.yml follows the Action metadata schema" 0
run "$repo" check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/derive.yml
expect_status "the repository's workflow follows the workflow schema" 0
# actionlint reads action.yml for `uses: ./`, so the workflow's inputs are checked against it.
run "$repo" actionlint .github/workflows/derive.yml
expect_status "actionlint passes the repository's workflow, which uses the Action" 0
run "$repo" shellcheck -x Action/derive-action.sh Tests/Distribution/lib.sh Tests/Distribution/*.sh
expect_status "shellcheck passes the Action's script and these tests" 0

# The workflow derive init writes, in a repository of its own.
mkdir -p "$work/initialised"
git init -q "$work/initialised"
run "$work/initialised" "$derive_bin" init
expect_status "derive init writes a repository" 0
run "$work/initialised" actionlint .github/workflows/derive.yml
expect_status "actionlint passes the workflow derive init writes" 0
run "$work/initialised" check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/derive.yml
expect_status "the workflow derive init writes follows the workflow schema" 0

# The linters do fail: an input the Action does not have, and metadata that is not an Action's.
# (actionlint finds `./` from the root of a git repository, and checks nothing without one.)
mkdir -p "$work/lint/.github/workflows"
git init -q "$work/lint"
cp "$repo/action.yml" "$work/lint/"
mkdir -p "$work/lint/Action" && cp "$script" "$work/lint/Action/"
sed 's/check-stale: true/check-stale: true\n          strictly: true/' "$repo/.github/workflows/derive.yml" \
  >"$work/lint/.github/workflows/derive.yml"
run "$work/lint" actionlint .github/workflows/derive.yml
expect_status "actionlint rejects an input the Action does not have" 1
expect_contains "actionlint names the input" "$stdout" 'input "strictly" is not defined in action "derive"'
sed 's/^  using: composite/  using: compost/' "$repo/action.yml" >"$work/lint/action.yml"
run "$work/lint" check-jsonschema --builtin-schema vendor.github-actions action.yml
expect_status "check-jsonschema rejects an Action that runs with 'compost'" 1

# --- The script, on a fixture repository ---------------------------------------------------

# A fresh runner: the variables GitHub sets, a step-summary file and an outputs file.
new_runner() {
  runner="$work/runner-$1"
  mkdir -p "$runner/temp"
  : >"$runner/step-summary.md"
  : >"$runner/github-output"
  export GITHUB_ACTIONS=true GITHUB_ACTION_PATH="$repo" RUNNER_TEMP="$runner/temp"
  export GITHUB_STEP_SUMMARY="$runner/step-summary.md" GITHUB_OUTPUT="$runner/github-output"
  unset DERIVE_PATHS DERIVE_OUTPUT DERIVE_FORMAT DERIVE_STRICT DERIVE_PDF DERIVE_ALLOW_CODE \
    DERIVE_CHECK_STALE DERIVE_EXIT_STATUS
}

# output NAME: the step output NAME the last step wrote.
output() { sed -n "s/^$1=//p" "$GITHUB_OUTPUT" | tail -1; }

# A copy of the fixture repository.
new_fixture() {
  fixture="$work/fixture-$1"
  cp -R "$here/Fixtures/repository" "$fixture"
}

new_runner prepare
new_fixture prepare
run "$fixture" "$script" prepare
expect_status "prepare exits 0 with the default inputs" 0
expect_equal "prepare names the binary's folder in RUNNER_TEMP" "$RUNNER_TEMP/derive-bin" "$(output bin-dir)"
key=$(output cache-key)
system=$(. /etc/os-release && echo "$ID-${VERSION_ID:-rolling}")-$(uname -m)
if [[ $key =~ ^derive-bin-$system-[0-9a-f]{20}$ ]]; then pass "the cache key names the system and a hash of the sources"; else
  fail "the cache key names the system and a hash of the sources" "key: $key"
fi
run "$fixture" "$script" prepare
expect_equal "the cache key is the same for the same sources" "$key" "$(output cache-key)"

# The key changes with derive's sources, and not with anything else in its repository.
mkdir -p "$work/action-copy"
cp -R "$repo/Package.swift" "$repo/Makefile" "$repo/Sources" "$repo/Action" "$work/action-copy/"
GITHUB_ACTION_PATH="$work/action-copy" run "$fixture" "$script" prepare
expect_equal "a copy of the sources has the same key" "$key" "$(output cache-key)"
echo "// edited" >>"$work/action-copy/Sources/derive/DeriveCommand.swift"
GITHUB_ACTION_PATH="$work/action-copy" run "$fixture" "$script" prepare
if [ "$(output cache-key)" != "$key" ]; then pass "editing a source file changes the key"; else
  fail "editing a source file changes the key" "key: $key"
fi

DERIVE_FORMAT=pdf run "$fixture" "$script" prepare
expect_status "prepare rejects an unknown format" 1
expect_equal "and says which formats there are" \
  "::error title=derive::input 'format' is 'pdf': use gfm, json, junit or text" "$stdout"
DERIVE_STRICT=yes run "$fixture" "$script" prepare
expect_status "prepare rejects a flag that is not true or false" 1
expect_equal "and names the input" "::error title=derive::input 'strict' is 'yes': use true or false" "$stdout"

# build: derive is built once, then found where the cache restores it.
bin_dir="$work/derive-bin"
started=$SECONDS
DERIVE_BIN_DIR="$bin_dir" run "$fixture" "$script" build
expect_status "build builds and installs derive" 0
echo "     (build took $((SECONDS - started)) s)"
expect_contains "build says derive is ready" "$stdout" "derive $(sed -n 's/.*current = "\(.*\)"/\1/p' \
  "$repo/Sources/Pipeline/Version.swift") is ready"
built=$(sha256sum <"$bin_dir/bin/derive")
DERIVE_BIN_DIR="$bin_dir" run "$fixture" "$script" build
expect_status "build with a restored binary exits 0" 0
expect_contains "build uses the restored binary" "$stdout" "derive's binary was restored from the cache"
expect_equal "and leaves it as it was" "$built" "$(sha256sum <"$bin_dir/bin/derive")"

# run: every check passes.
new_runner pass
new_fixture pass
DERIVE_BIN_DIR="$bin_dir" run "$fixture" "$script" run
expect_status "run exits 0, whatever derive says" 0
expect_equal "exit-status is 0 when every check passes" 0 "$(output exit-status)"
expect_no_match "no annotation when every check passes" "$stdout" '^::(error|warning)'
expect_contains "the job summary says it passed" "$(cat "$GITHUB_STEP_SUMMARY")" "## ✅ derive check passed"
expect_contains "the job summary lists the notebook" "$(cat "$GITHUB_STEP_SUMMARY")" \
  "\`notebooks/lml-gradient.md\` · 1 check: 1 pass"
expect_equal "the summary output is the summary that was added" "$(cat "$(output summary)")" \
  "$(cat "$GITHUB_STEP_SUMMARY")"
expect_file "the report is rendered into the output folder" "$fixture/output/lml-gradient.html"
expect_equal "the reports output names the output folder" output "$(output reports)"
artifact=$(output artifact)
expect_equal "the artifact holds the report and the summary" $'derive-check.md\nlml-gradient.html' \
  "$(ls "$artifact")"
expect_equal "the Action leaves no cache of judged checks in the repository" "" \
  "$(find "$fixture" -name .derive-cache)"
DERIVE_EXIT_STATUS=0 run "$fixture" "$script" finish
expect_status "finish exits 0 when every check passed" 0

# run: a failed check, annotated on its line, and the job fails.
new_runner fail
new_fixture fail
sed 's/\\tfrac12 \\operatorname/\\operatorname/' "$fixture/notebooks/lml-gradient.md" >"$fixture/notebooks/lost-half.md"
DERIVE_BIN_DIR="$bin_dir" run "$fixture" "$script" run
expect_status "run exits 0 when a check fails (finish fails the job)" 0
expect_equal "exit-status is 1 when a check fails" 1 "$(output exit-status)"
expect_contains "the failed check is annotated on its line" "$stdout" \
  "::error file=notebooks/lost-half.md,line=22,col=1,"
expect_equal "exactly one annotation" 1 "$(grep -c '^::error' <<<"$stdout")"
expect_contains "the job summary says it failed" "$(cat "$GITHUB_STEP_SUMMARY")" "## ❌ derive check failed"
expect_contains "the job summary gives the hint" "$(cat "$GITHUB_STEP_SUMMARY")" "a lost ½?"
expect_file "the failing notebook's report is still rendered" "$fixture/output/lost-half.html"
DERIVE_EXIT_STATUS=1 run "$fixture" "$script" finish
expect_status "finish fails the job with exit status 1" 1

# format: the chosen report beside the summary, and the annotations written once.
new_runner junit
DERIVE_FORMAT=junit DERIVE_BIN_DIR="$bin_dir" run "$fixture" "$script" run
expect_equal "exit-status is 1 with the junit format too" 1 "$(output exit-status)"
expect_equal "the annotations are written once" 1 "$(grep -c '^::error' <<<"$stdout")"
expect_equal "the report output is the JUnit file" "$RUNNER_TEMP/derive-action/derive-check.xml" "$(output report)"
expect_contains "which is JUnit XML with the failure" "$(cat "$(output report)")" '<failure'
expect_equal "the artifact holds both reports and the summary" \
  $'derive-check.md\nderive-check.xml\nlml-gradient.html\nlost-half.html' "$(ls "$(output artifact)")"

# run: a notebook error is exit status 3.
new_runner error
new_fixture error
cat >"$fixture/notebooks/broken.md" <<'EOF'
# Broken

```gp
let K = rbf(Z)
```
EOF
DERIVE_BIN_DIR="$bin_dir" run "$fixture" "$script" run
expect_equal "exit-status is 3 when a notebook has an error" 3 "$(output exit-status)"
expect_contains "the error is annotated on its line" "$stdout" "::error file=notebooks/broken.md,line=4,"
DERIVE_EXIT_STATUS=3 run "$fixture" "$script" finish
expect_status "finish fails the job with exit status 3" 3

# check-stale: a committed report whose notebook changed fails the job.
new_runner stale
new_fixture stale
DERIVE_BIN_DIR="$bin_dir" run "$fixture" "$script" run
echo "One more sentence." >>"$fixture/notebooks/lml-gradient.md"
new_runner stale-again
DERIVE_CHECK_STALE=true DERIVE_BIN_DIR="$bin_dir" run "$fixture" "$script" run
expect_equal "exit-status is 1 when a committed report is stale" 1 "$(output exit-status)"
expect_contains "and the log names it" "$stdout" "stale: output/lml-gradient.html"
new_runner stale-ignored
echo "Another sentence." >>"$fixture/notebooks/lml-gradient.md"
DERIVE_BIN_DIR="$bin_dir" run "$fixture" "$script" run
expect_equal "without check-stale, a stale report is rendered again" 0 "$(output exit-status)"

# A folder that does not exist: derive's usage error, in the summary and the status.
new_runner missing
new_fixture missing
DERIVE_PATHS=derivations DERIVE_BIN_DIR="$bin_dir" run "$fixture" "$script" run
expect_equal "exit-status is derive's 64 for a missing folder" 64 "$(output exit-status)"
expect_contains "the job summary says derive could not check" "$(cat "$GITHUB_STEP_SUMMARY")" \
  "derive could not check the notebooks (exit status 64)"
DERIVE_EXIT_STATUS=64 run "$fixture" "$script" finish
expect_status "finish fails the job with exit status 64" 64
new_runner unfinished
run "$fixture" "$script" finish
expect_status "finish fails the job when derive did not run" 1

# --- Options passed through, to a stand-in derive that records its arguments ----------------
# (--pdf and --allow-code need not exist in the derive under test for this.)
stub="$work/stub-bin"
mkdir -p "$stub/bin"
cat >"$stub/bin/derive" <<'EOF'
#!/usr/bin/env bash
echo "$*" >>"$DERIVE_STUB_LOG"
# Write the file -o names, as derive check does.
if [ "$1" = check ]; then
  while [ $# -gt 1 ]; do
    if [ "$1" = -o ]; then echo stub >"$2"; fi
    shift
  done
fi
EOF
chmod +x "$stub/bin/derive"
export DERIVE_STUB_LOG="$work/stub.log"

new_runner defaults
: >"$DERIVE_STUB_LOG"
DERIVE_BIN_DIR="$stub" run "$fixture" "$script" run
expect_equal "by default: no --strict, --allow-code or --pdf, and never the checkout's cache" \
  "check notebooks --no-cache --format gfm -o $RUNNER_TEMP/derive-action/derive-check.md
render notebooks -o output --no-cache" "$(cat "$DERIVE_STUB_LOG")"

new_runner options
: >"$DERIVE_STUB_LOG"
DERIVE_PATHS=$'notebooks/a.md  notebooks/b.md\nderivations' DERIVE_OUTPUT=site/reports DERIVE_FORMAT=json \
  DERIVE_STRICT=true DERIVE_PDF=true DERIVE_ALLOW_CODE=true DERIVE_CHECK_STALE=true \
  DERIVE_BIN_DIR="$stub" run "$fixture" "$script" run
expect_status "run with every option exits 0" 0
expect_equal "paths split on whitespace; --strict and --allow-code to every run, --pdf to render" \
  "check notebooks/a.md notebooks/b.md derivations --no-cache --strict --allow-code --format gfm -o $RUNNER_TEMP/derive-action/derive-check.md
check notebooks/a.md notebooks/b.md derivations --no-cache --strict --allow-code --format json -o $RUNNER_TEMP/derive-action/derive-check.json
render --check notebooks/a.md notebooks/b.md derivations -o site/reports --no-cache --strict --allow-code
render notebooks/a.md notebooks/b.md derivations -o site/reports --no-cache --strict --allow-code --pdf" \
  "$(cat "$DERIVE_STUB_LOG")"

new_runner glob
: >"$DERIVE_STUB_LOG"
DERIVE_PATHS='notebooks/*' DERIVE_BIN_DIR="$stub" run "$fixture" "$script" run
expect_contains "a glob in paths is passed to derive as it is" "$(head -1 "$DERIVE_STUB_LOG")" "check notebooks/* "

new_runner injection
DERIVE_OUTPUT=$'output\nexit-status=0' DERIVE_BIN_DIR="$stub" run "$fixture" "$script" run
expect_status "an output folder of two lines is refused" 1
expect_equal "and nothing is written to the step outputs" "" "$(cat "$GITHUB_OUTPUT")"

finish action
