#!/usr/bin/env bash
# `make install` into a temporary prefix, then the installed derive used as someone else
# would: outside the repository, with no Swift toolchain on PATH and an empty environment.
#
#   bash Tests/Distribution/install.sh      (or `make test-install`)
#
# The release build takes minutes on two cores, so this runs in `make test-dist`, after
# `make test`, and not inside it.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=Tests/Distribution/lib.sh
source "$here/lib.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/derive-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
bin="$prefix/bin/derive"
# What a user's shell has when derive is installed and Swift is not.
clean_env=(env -i "HOME=$work" "PATH=$prefix/bin:/usr/bin:/bin")

started=$SECONDS
run "$repo" make --no-print-directory install PREFIX="$prefix"
expect_status "make install PREFIX=<temporary folder>" 0
echo "     (make install took $((SECONDS - started)) s)"
[ "$status" = 0 ] || { finish install; exit 1; }

expect_file "installs the binary" "$bin"
expect_file "installs the man page" "$prefix/share/man/man1/derive.1"
expect_file "installs the bash completion" "$prefix/share/bash-completion/completions/derive"
expect_file "installs the zsh completion" "$prefix/share/zsh/site-functions/_derive"
expect_file "installs the fish completion" "$prefix/share/fish/vendor_completions.d/derive.fish"
echo "     (the binary is $(du -m "$bin" | cut -f1) MB)"

# The binary links no Swift library, and every library it needs is found.
libraries=$(ldd "$bin")
expect_no_match "ldd lists no Swift library" "$libraries" 'swift|Foundation|dispatch|BlocksRuntime'
expect_no_match "ldd finds every library" "$libraries" 'not found'

# The README names the Debian package of every library ldd lists.
readme=$(cat "$repo/README.md")
while read -r library; do
  # dpkg knows a file by the path its package installed (/lib or /usr/lib, a symlink or not).
  package=$( (dpkg -S "$library" || dpkg -S "$(readlink -f "$library")") 2>/dev/null | head -1 | cut -d: -f1)
  # As a word: `liblapacke` is not named by `liblapacke-dev`.
  # shellcheck disable=SC2001 # a character class, beyond ${//}
  pattern=$(sed 's/[][\.*^$+?(){}|]/\\&/g' <<<"$package")
  if [ -n "$package" ] && grep -qE "(^|[ \`])$pattern([ \`,]|$)" <<<"$readme"; then
    pass "the README names $package (for $(basename "$library"))"
  else
    fail "the README names $package (for $(basename "$library"))" "ldd: $library"
  fi
done < <(awk '$2 == "=>" { print $3 }' <<<"$libraries")

run "$work" "${clean_env[@]}" sh -c 'command -v swift swiftc || true'
expect_equal "no Swift toolchain on the clean PATH" "" "$stdout"

run "$work" "${clean_env[@]}" derive --version
expect_status "derive --version runs" 0
expect_equal "derive --version prints the version" "$(sed -n 's/.*current = "\(.*\)"/\1/p' \
  "$repo/Sources/Pipeline/Version.swift")" "$stdout"

# The first minutes of a new user: an empty folder, derive init, check, render.
empty="$work/empty"
mkdir -p "$empty"
run "$empty" "${clean_env[@]}" sh -c 'derive init && derive check && derive render'
expect_status "in an empty folder, derive init && derive check && derive render exit 0" 0
expect_contains "derive check passes the starter notebook" "$stdout" "notebooks/rbf-chain-rule.md: 2 checks: 2 pass"
expect_file "derive render writes its report" "$empty/output/rbf-chain-rule.html"

# A notebook that reads a data file, in a folder outside the repository.
project="$work/project"
mkdir -p "$project/notebooks"
cp -R "$repo/Tests/deriveTests/Fixtures/setup-data/." "$project/notebooks/"
run "$project" "${clean_env[@]}" derive check
expect_status "derive check outside the repository exits 0" 0
expect_contains "derive check reads the notebook" "$stdout" "notebooks/regression.md: "
run "$project" "${clean_env[@]}" derive render
expect_status "derive render outside the repository exits 0" 0
expect_file "derive render writes the report" "$project/output/regression.html"
expect_contains "the report shows the data file's values" "$(cat "$project/output/regression.html")" \
  "<code>[0, 0.5, 1, 1.5]&#39;</code>"

# The man page reads, and names every subcommand.
manual=$(MANWIDTH=100 man -l "$prefix/share/man/man1/derive.1" 2>&1)
for subcommand in render check init watch; do
  expect_contains "the man page describes derive $subcommand" "$manual" "$subcommand"
done

# The bash completion completes the subcommands.
# shellcheck disable=SC2016 # expanded by the inner bash
completion=$("${clean_env[@]}" bash -c 'source "$1"; COMP_WORDS=(derive ""); COMP_CWORD=1
  COMP_LINE="derive "; COMP_POINT=7; _derive derive "" derive; printf "%s\n" "${COMPREPLY[@]}"' _ \
  "$prefix/share/bash-completion/completions/derive" 2>&1)
for subcommand in render check init watch; do
  expect_contains "bash completes 'derive $subcommand'" "$completion" "$subcommand"
done

# make uninstall removes every file make install put there.
run "$repo" make --no-print-directory uninstall PREFIX="$prefix"
expect_status "make uninstall exits 0" 0
expect_equal "make uninstall leaves no file" "" "$(find "$prefix" -type f)"

# DESTDIR stages an install for packaging: files land under DESTDIR, nowhere else.
run "$repo" make --no-print-directory install DESTDIR="$work/stage" PREFIX=/usr
expect_status "make install DESTDIR=… PREFIX=/usr exits 0" 0
expect_file "DESTDIR holds the binary under PREFIX" "$work/stage/usr/bin/derive"
run "$repo" make --no-print-directory uninstall DESTDIR="$work/stage" PREFIX=/usr
expect_equal "make uninstall DESTDIR=… removes it" "" "$(find "$work/stage" -type f)"

finish install
