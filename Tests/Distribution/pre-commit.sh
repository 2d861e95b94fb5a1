#!/usr/bin/env bash
# derive's pre-commit hooks (.pre-commit-hooks.yaml), tried on a fixture repository with
# `pre-commit try-repo`, as another repository would use them; then the same checks as a
# local hook over an installed derive.
#
#   bash Tests/Distribution/pre-commit.sh      (or `make test-pre-commit`)
#
# pre-commit builds derive in release mode (about three minutes on two cores) for each commit
# of the hooks' repository it has not seen. The hooks' repository here is a commit of this
# working tree with fixed dates, in .build-precommit/, so an unchanged tree is built once.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=Tests/Distribution/lib.sh
source "$here/lib.sh"
export PATH="$here/.venv/bin:$PATH"
derive_bin=${DERIVE_BIN:-$repo/.build-install/release/derive}
[ -x "$derive_bin" ] || { echo "pre-commit.sh: no derive at $derive_bin (make install-build)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/derive-pre-commit.XXXXXX")
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$repo/.build-precommit/home"
hooks="$repo/.build-precommit/derive"
git_identity=(-c user.name=derive -c user.email=derive@localhost -c commit.gpgsign=false)
export GIT_AUTHOR_DATE=2000-01-01T00:00:00Z GIT_COMMITTER_DATE=2000-01-01T00:00:00Z

# The hooks' repository: this working tree's files (tracked, and new ones not ignored).
rm -rf "$hooks"
mkdir -p "$hooks"
(cd "$repo" && git ls-files -z --cached --others --exclude-standard \
  | tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -xf - -C "$hooks"
git -C "$hooks" init -q
git -C "$hooks" add -A
git -C "$hooks" "${git_identity[@]}" commit -q -m "derive's hooks"
rev=$(git -C "$hooks" rev-parse HEAD)

# The repository that uses the hooks.
consumer="$work/consumer"
cp -R "$here/Fixtures/repository" "$consumer"
git -C "$consumer" init -q
git -C "$consumer" add -A
git -C "$consumer" "${git_identity[@]}" commit -q -m "a derivation"

# `pre-commit try-repo`, as a user tries hooks before adding them: both hooks at once, since
# try-repo builds derive anew on every call (it keeps nothing between calls).
started=$SECONDS
run "$consumer" pre-commit try-repo "$hooks" --ref "$rev" --all-files
echo "     (pre-commit try-repo, which builds derive, took $((SECONDS - started)) s)"
expect_status "try-repo: the hooks fail on a repository whose report is missing" 1
expect_contains "try-repo: derive-check runs" "$stdout" "derive check"
expect_no_match "try-repo: derive-check passes the notebook" "$stdout" "^derive check\.+Failed"
expect_contains "try-repo: derive-render-check runs" "$stdout" "derive render --check"
expect_contains "try-repo: derive-render-check names the missing report" "$stdout" \
  "missing: output/lml-gradient.html (render notebooks/lml-gradient.md)"

# The same hooks from a .pre-commit-config.yaml, as a repository keeps them: pre-commit builds
# derive once into PRE_COMMIT_HOME and runs it on every commit.
printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: derive-check\n      - id: derive-render-check\n' \
  "$hooks" "$rev" >"$consumer/.pre-commit-config.yaml"
git -C "$consumer" add .pre-commit-config.yaml
run "$consumer" "$derive_bin" render
expect_status "derive render renders the missing report" 0
git -C "$consumer" add output
started=$SECONDS
run "$consumer" pre-commit run
echo "     (pre-commit run, which builds derive unless PRE_COMMIT_HOME has it, took $((SECONDS - started)) s)"
expect_status "both hooks pass once the report is rendered" 0
expect_contains "derive-check ran" "$stdout" "derive check"
git -C "$consumer" "${git_identity[@]}" commit -q -m "reports"

# A failing notebook staged for commit.
sed 's/\\tfrac12 \\operatorname/\\operatorname/' "$consumer/notebooks/lml-gradient.md" \
  >"$consumer/notebooks/lost-half.md"
git -C "$consumer" add notebooks/lost-half.md
run "$consumer" pre-commit run derive-check
expect_status "derive-check fails a commit with a failing check" 1
expect_contains "and shows the check's line" "$stdout" "notebooks/lost-half.md:23:3: FAIL"
expect_contains "with the hint" "$stdout" "the claim has a factor 2 too many (a lost ½?)"
git -C "$consumer" rm -q -f notebooks/lost-half.md

# A commit that touches no notebook does not run derive.
echo "# A project" >"$consumer/README.md"
git -C "$consumer" add README.md
run "$consumer" pre-commit run
expect_status "the hooks let a commit without notebooks through" 0
expect_contains "by skipping derive-check" "$stdout" "(no files to check)Skipped"
git -C "$consumer" "${git_identity[@]}" commit -q -m "readme"

# A notebook edited after its report was rendered.
echo "One more sentence." >>"$consumer/notebooks/lml-gradient.md"
git -C "$consumer" add notebooks
run "$consumer" pre-commit run derive-render-check
expect_status "derive-render-check fails when a notebook changed after its report" 1
expect_contains "and names the stale report" "$stdout" "stale: output/lml-gradient.html"
git -C "$consumer" reset -q --hard

# A local hook over an installed derive, as the README shows it.
printf '%s\n' 'repos:' '  - repo: local' '    hooks:' '      - id: derive-check' \
  '        name: derive check' '        entry: derive check' '        language: system' \
  "        files: ^notebooks/" '        pass_filenames: false' >"$consumer/.pre-commit-config.yaml"
git -C "$consumer" add .pre-commit-config.yaml
PATH="$(dirname "$derive_bin"):$PATH" run "$consumer" pre-commit run --all-files
expect_status "a local derive-check hook over an installed derive passes" 0
expect_contains "and runs derive check" "$stdout" "derive check"

finish pre-commit
