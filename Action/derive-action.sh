#!/usr/bin/env bash
# The logic of derive's GitHub Action (action.yml at the repository's root), one subcommand
# per step:
#
#   derive-action.sh prepare   check the inputs; derive's binary folder and cache key
#   derive-action.sh build     build and install derive there, unless the cache restored it
#   derive-action.sh run       derive check → job summary and annotations; derive render → reports
#   derive-action.sh finish    exit with derive's exit status
#
# It reads the runner's variables (GITHUB_ACTION_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
# RUNNER_TEMP, GITHUB_ACTIONS) and the inputs as DERIVE_* variables, and uses the variables
# rather than ${{ github.action_path }} and ${{ runner.temp }}, which name the host's paths in
# a container job. It runs the same outside GitHub with those variables set by hand, as
# Tests/Distribution/action.sh does.
set -euo pipefail

action_path=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}
runner_temp=${RUNNER_TEMP:?derive-action.sh: RUNNER_TEMP is not set}
scratch="$runner_temp/derive-action"

# error MESSAGE: an error annotation (escaped as the runner expects), then exit 1.
error() {
  local message=${1//'%'/'%25'}
  message=${message//$'\r'/'%0D'}
  message=${message//$'\n'/'%0A'}
  echo "::error title=derive::$message"
  exit 1
}

# set_output NAME VALUE: a step output; VALUE is one line (checked, so it cannot add others).
set_output() {
  case $2 in *$'\n'* | *$'\r'*) error "the $1 output must be one line" ;; esac
  echo "$1=$2" >>"${GITHUB_OUTPUT:?derive-action.sh: GITHUB_OUTPUT is not set}"
}

# enabled INPUT VALUE: whether a true-or-false input is true; an error for anything else.
enabled() {
  case $2 in
    true | True | TRUE) return 0 ;;
    false | False | FALSE | '') return 1 ;;
    *) error "input '$1' is '$2': use true or false" ;;
  esac
}

check_inputs() {
  case ${DERIVE_FORMAT:-gfm} in
    text | json | gfm | junit) ;;
    *) error "input 'format' is '${DERIVE_FORMAT}': use gfm, json, junit or text" ;;
  esac
  enabled strict "${DERIVE_STRICT:-false}" || true
  enabled pdf "${DERIVE_PDF:-false}" || true
  enabled allow-code "${DERIVE_ALLOW_CODE:-false}" || true
  enabled check-stale "${DERIVE_CHECK_STALE:-false}" || true
  case ${DERIVE_OUTPUT:-output} in *$'\n'* | *$'\r'*) error "input 'output' must be one folder" ;; esac
}

# The cache key of derive's binary: what it is built from, and the system it links against.
# The Swift version is not part of it: the binary carries its own standard library.
cache_key() {
  local system sources
  # shellcheck disable=SC1091
  system=$(. /etc/os-release && echo "${ID}-${VERSION_ID:-rolling}")-$(uname -m)
  sources=$(cd "$action_path" && find Package.swift Makefile Sources -type f -print0 \
    | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-20)
  echo "derive-bin-$system-$sources"
}

prepare() {
  check_inputs
  set_output bin-dir "$runner_temp/derive-bin"
  set_output cache-key "$(cache_key)"
}

# as_root COMMAND…: runs COMMAND as root, through sudo unless already root.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

build() {
  local bin_dir=${DERIVE_BIN_DIR:?derive-action.sh: DERIVE_BIN_DIR is not set}
  if ! command -v make >/dev/null 2>&1; then
    echo "Installing make"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends make
  fi
  if [ -x "$bin_dir/bin/derive" ]; then
    echo "derive's binary was restored from the cache; installing the libraries it links against"
    make -C "$action_path" --no-print-directory deps
  else
    command -v swift >/dev/null 2>&1 || error "building derive needs Swift 6, which is not on PATH: \
run the job in a Swift container (container: swift:6.3) or install Swift before this step"
    make -C "$action_path" --no-print-directory install PREFIX="$bin_dir"
  fi
  "$bin_dir/bin/derive" --version >/dev/null || error "the derive binary in $bin_dir does not run"
  echo "derive $("$bin_dir/bin/derive" --version) is ready"
}

# worst STATUS…: the exit status that says the most: an unexpected one (a crash, a usage
# error) over 3 (a notebook error) over 1 (a failed check) over 0.
worst() {
  local result=0 status
  for status in "$@"; do
    case $status in
      0) ;;
      1) if [ "$result" = 0 ]; then result=1; fi ;;
      3) case $result in 0 | 1) result=3 ;; esac ;;
      *) case $result in 0 | 1 | 3) result=$status ;; esac ;;
    esac
  done
  echo "$result"
}

run() {
  check_inputs
  local derive="${DERIVE_BIN_DIR:?derive-action.sh: DERIVE_BIN_DIR is not set}/bin/derive"
  local output=${DERIVE_OUTPUT:-output} format=${DERIVE_FORMAT:-gfm}
  local paths=() options=(--no-cache) extension
  # Whitespace separates the paths; no glob is expanded.
  set -f
  read -r -d '' -a paths <<<"${DERIVE_PATHS:-notebooks}" || true
  set +f
  # --no-cache: judged checks are never read from the checkout, where a pull request could
  # have forged them.
  if enabled strict "${DERIVE_STRICT:-false}"; then options+=(--strict); fi
  if enabled allow-code "${DERIVE_ALLOW_CODE:-false}"; then options+=(--allow-code); fi

  rm -rf "$scratch"
  mkdir -p "$scratch/artifact"
  local summary="$scratch/derive-check.md" report
  case $format in gfm) extension=md ;; json) extension=json ;; junit) extension=xml ;; text) extension=txt ;; esac
  report="$scratch/derive-check.$extension"

  local check=0 stale=0 render=0
  echo "::group::derive check ${paths[*]}"
  # With GITHUB_ACTIONS=true and -o, derive writes the annotations to stdout, where the
  # runner reads them.
  "$derive" check "${paths[@]}" "${options[@]}" --format gfm -o "$summary" || check=$?
  echo "::endgroup::"
  if [ -f "$summary" ]; then
    cat "$summary" >>"${GITHUB_STEP_SUMMARY:-/dev/null}"
  else
    printf '### derive\n\nderive could not check the notebooks (exit status %s): see the log.\n' "$check" \
      >>"${GITHUB_STEP_SUMMARY:-/dev/null}"
  fi
  if [ "$format" != gfm ]; then
    # The same verdicts in the chosen format; without GITHUB_ACTIONS, not annotated twice.
    env -u GITHUB_ACTIONS "$derive" check "${paths[@]}" "${options[@]}" --format "$format" -o "$report" || true
  fi

  if enabled check-stale "${DERIVE_CHECK_STALE:-false}"; then
    echo "::group::derive render --check -o $output"
    "$derive" render --check "${paths[@]}" -o "$output" "${options[@]}" || stale=$?
    echo "::endgroup::"
  fi

  local render_options=("${options[@]}")
  if enabled pdf "${DERIVE_PDF:-false}"; then render_options+=(--pdf); fi
  echo "::group::derive render -o $output"
  "$derive" render "${paths[@]}" -o "$output" "${render_options[@]}" || render=$?
  echo "::endgroup::"

  # The artifact: the reports, the summary, and the check report in the chosen format.
  if [ -d "$output" ]; then cp -R "$output/." "$scratch/artifact/"; fi
  if [ -f "$summary" ]; then cp "$summary" "$scratch/artifact/"; fi
  if [ -f "$report" ]; then cp "$report" "$scratch/artifact/"; fi

  local status
  status=$(worst "$check" "$stale" "$render")
  echo "derive check exited $check, render --check $stale, render $render: the Action's status is $status"
  set_output exit-status "$status"
  set_output summary "$summary"
  set_output report "$report"
  set_output reports "$output"
  set_output artifact "$scratch/artifact"
}

finish() {
  local status=${DERIVE_EXIT_STATUS:-}
  case $status in
    0) echo "derive: every check passed" ;;
    1) echo "derive: a check failed or a report is stale (exit status 1): see the annotations and the job summary" ;;
    3) echo "derive: a notebook has an error (exit status 3): see the annotations and the job summary" ;;
    '' | *[!0-9]*) error "derive did not run to the end (exit status '$status')" ;;
    *) echo "derive: exit status $status: see the log" ;;
  esac
  exit "$status"
}

case ${1:-} in
  prepare) prepare ;;
  build) build ;;
  run) run ;;
  finish) finish ;;
  *)
    echo "usage: derive-action.sh prepare|build|run|finish" >&2
    exit 64
    ;;
esac
