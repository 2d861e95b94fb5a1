# shellcheck shell=bash
# Assertions shared by the distribution tests (install.sh, action.sh, pre-commit.sh).
#
# Each assertion prints one line, `ok` or `FAIL` with what was expected and what came;
# `finish` prints "SUITE: N passed, N failed" and fails when anything failed.

passed=0
failed=0

pass() {
  passed=$((passed + 1))
  printf 'ok   %s\n' "$1"
}

# fail NAME [DETAILS]: a failed assertion, with details indented under it.
fail() {
  failed=$((failed + 1))
  printf 'FAIL %s\n' "$1"
  if [ -n "${2:-}" ]; then printf '%s\n' "$2" | sed 's/^/       /'; fi
}

# run DIR COMMAND…: runs COMMAND in DIR; sets $status, $stdout and $stderr.
run() {
  local dir=$1
  shift
  local out err
  out=$(mktemp)
  err=$(mktemp)
  if (cd "$dir" && "$@") >"$out" 2>"$err" </dev/null; then status=0; else status=$?; fi
  stdout=$(cat "$out")
  stderr=$(cat "$err")
  rm -f "$out" "$err"
}

# expect_status NAME EXPECTED: the last run's exit status.
expect_status() {
  if [ "$status" = "$2" ]; then
    pass "$1"
  else
    fail "$1" "exit status $status, expected $2"$'\n'"stdout: $stdout"$'\n'"stderr: $stderr"
  fi
}

# expect_equal NAME EXPECTED ACTUAL
expect_equal() {
  if [ "$2" = "$3" ]; then
    pass "$1"
  else
    fail "$1" "expected: $2"$'\n'"actual:   $3"
  fi
}

# expect_contains NAME TEXT NEEDLE: NEEDLE is a fixed string.
expect_contains() {
  if grep -qF -- "$3" <<<"$2"; then
    pass "$1"
  else
    fail "$1" "expected to contain: $3"$'\n'"in: $(head -c 2000 <<<"$2")"
  fi
}

# expect_no_match NAME TEXT REGEX: no line of TEXT matches the extended REGEX.
expect_no_match() {
  local lines
  if lines=$(grep -E -- "$3" <<<"$2"); then
    fail "$1" "unexpected: $lines"
  else
    pass "$1"
  fi
}

# expect_file NAME PATH: PATH is a non-empty regular file.
expect_file() {
  if [ -f "$2" ] && [ -s "$2" ]; then pass "$1"; else fail "$1" "missing or empty: $2"; fi
}

# finish SUITE: the closing line, and the exit status.
finish() {
  echo "$1: $passed passed, $failed failed"
  [ "$failed" = 0 ]
}
