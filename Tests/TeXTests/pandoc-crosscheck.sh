#!/usr/bin/env bash
# Cross-checks derive's MathML (Fixtures/mathml.golden) against `pandoc --mathml`.
#
#   Tests/TeXTests/pandoc-crosscheck.sh [PATTERN] [--all]
#
# Runs the corpus cases whose names match PATTERN (a regular expression; default: every
# case) through pandoc's TeX-to-MathML converter (texmath), then prints how many come out
# the same, a count of each systematic difference, and the differing cases side by side
# (first ten, or all with --all). Needs pandoc and python3; changes nothing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pattern="."
show_all=0
for argument in "$@"; do
    if [ "$argument" = "--all" ]; then show_all=1; else pattern="$argument"; fi
done
command -v pandoc >/dev/null || { echo "pandoc-crosscheck: pandoc is not installed" >&2; exit 2; }

python3 - "$here/Fixtures/mathml.golden" "$pattern" "$show_all" <<'PY'
import html, re, subprocess, sys

golden, pattern, show_all = sys.argv[1], re.compile(sys.argv[2]), sys.argv[3] == "1"

cases, current, part = [], None, None
for line in open(golden, encoding="utf-8").read().split("\n"):
    if line.startswith("### "):
        name = line[4:]
        current = {"name": name.replace(" [display]", ""), "display": name.endswith("[display]"),
                   "tex": [], "out": []}
        cases.append(current)
        part = "tex"
    elif current is not None and part == "tex" and line == "---":
        part = "out"
    elif current is not None:
        current[part].append(line)
cases = [c for c in cases if pattern.search(c["name"]) and "".join(c["tex"]).strip()]

def pandoc(case):
    tex = "\n".join(case["tex"])
    source = f"$${tex}$$" if case["display"] else f"${tex}$"
    result = subprocess.run(["pandoc", "-f", "markdown", "-t", "html", "--mathml"],
                            input=source, capture_output=True, text=True)
    match = re.search(r"<math.*?</math>", result.stdout, re.S)
    return match.group(0) if match else None

def presentation(markup):
    """The presentation tree: no namespace, no semantics wrapper, no annotation."""
    markup = re.sub(r'\s*xmlns="[^"]*"', "", markup)
    markup = markup.replace('<math display="inline">', "<math>")
    markup = re.sub(r"<annotation.*?</annotation>", "", markup, flags=re.S)
    markup = markup.replace("<semantics>", "").replace("</semantics>", "")
    markup = re.sub(r"<mspace([^>]*)></mspace>", r"<mspace\1/>", markup)
    return re.sub(r">\s+<", "><", markup)

# Each systematic difference: a name, why derive's form is right for MathML Core, and a
# test on (pandoc, derive) presentation markup.
checks = [
    ("pandoc could not convert the TeX (falls back to raw TeX in the page)",
     "derive parses it", lambda p, d: p is None),
    ("pandoc uses mathvariant other than normal",
     "MathML Core honours only mathvariant=normal on a one-letter <mi>; derive writes Unicode math alphanumerics",
     lambda p, d: p is not None and re.search(r'mathvariant="(?!normal")', p)),
    ("pandoc wraps fonts in <mstyle mathvariant>",
     "ignored by Chromium; derive maps the letters themselves",
     lambda p, d: p is not None and "<mstyle mathvariant" in p),
    ("pandoc sets columnalign on <mtd>",
     "not MathML Core (Chromium ignores it); derive aligns cells with CSS text-align",
     lambda p, d: p is not None and "columnalign" in p),
    ("pandoc writes '-' as ASCII hyphen-minus",
     "derive writes U+2212 MINUS SIGN, the character the operator dictionary spaces as minus",
     lambda p, d: p is not None and "<mo>-</mo>" in p),
    ("pandoc writes function names (\\log, \\max) as <mo>",
     "derive writes <mi>name</mi> followed by U+2061 FUNCTION APPLICATION, as MathML specifies",
     lambda p, d: p is not None and re.search(r"<mo[^>]*>(log|exp|sin|cos|tan|det|max|min|lim|tr|diag|ln)</mo>", p)
     and "&#x2061;" in d),
    ("pandoc leaves prime as <mo>′</mo> in <msup>",
     "in a superscript U+2032 comes out tiny and too high; derive sets it after the base",
     lambda p, d: p is not None and re.search(r"<msup>(<mi>[^<]*</mi>|<mrow>.*?</mrow>)<mo>[′″‴]</mo></msup>", p)),
    ("pandoc omits movablelimits on ∑ ∏ and \\lim limits",
     "derive sets movablelimits so inline math puts limits beside the operator, display math under it",
     lambda p, d: p is not None and "movablelimits" in d and "movablelimits" not in p),
    ("pandoc writes \\text padding as <mspace> around <mtext>",
     "derive keeps the spaces inside <mtext> as no-break spaces",
     lambda p, d: p is not None and re.search(r"<mspace[^>]*>(</mspace>)?<mtext", p)),
    ("pandoc writes accents as combining characters without stretchy",
     "derive uses the spacing accents (U+02C6, U+02DC, U+00AF) that Chromium places well, stretchy only for wide ones",
     lambda p, d: p is not None and re.search(r'<mo accent="true">[\u0300-\u036f]</mo>', p)),
    ("pandoc makes plain ( ) [ ] stretchy",
     "in TeX only \\left…\\right and \\big grow; derive writes stretchy=\"false\" on plain fences",
     lambda p, d: p is not None and re.search(r'<mo stretchy="true" form="prefix">[(\[]</mo>', p)
     and re.search(r'<mo stretchy="false">[(\[]</mo>', d)),
    ("pandoc gives \\left…\\right fences no fence attribute",
     "derive marks them fence=\"true\" with an explicit form and stretchy",
     lambda p, d: p is not None and 'fence="true"' in d and "fence" not in p),
    ("pandoc leaves a sign after a relation or operator infix",
     "derive writes form=\"prefix\" there, so it is spaced as a sign, not a binary minus",
     lambda p, d: p is not None and 'form="prefix">−' in d and 'form="prefix">−' not in p),
    ("pandoc writes ! and / as <mi>",
     "derive writes them as <mo> with TeX's spacing (no space around /)",
     lambda p, d: p is not None and re.search(r"<mi>[!/]</mi>", p)),
]

rows = []
for case in cases:
    p = pandoc(case)
    d = presentation(case["out"][0]) if case["out"] else ""
    p = presentation(p) if p else None
    rows.append((case, p, d, [name for name, _, test in checks if test(p, d)]))

def bare(markup):
    return re.sub(r"<(\w+)[^>]*?(/?)>", r"<\1\2>", markup) if markup else markup

same = sum(1 for _, p, d, _ in rows if p == d)
alike = sum(1 for _, p, d, _ in rows if p != d and bare(p) == bare(d))
print(f"pandoc cross-check: {len(rows)} cases: {same} identical, {alike} differ only in attributes,"
      f" {len(rows) - same - alike} differ in structure or characters")
print()
print("Systematic differences (cases):")
for name, why, _ in checks:
    count = sum(1 for *_, found in rows if name in found)
    if count:
        print(f"  {count:4d}  {name}")
        print(f"        derive: {why}")
print()
differing = [row for row in rows if row[1] != row[2]]
print(f"Differing cases ({'all' if show_all else 'first 10'} of {len(differing)}):")
for case, p, d, found in (differing if show_all else differing[:10]):
    print(f"### {case['name']}  [{'; '.join(found) or 'other'}]")
    print(f"  tex:    {' '.join(case['tex'])}")
    print(f"  pandoc: {p if p is not None else '(not converted)'}")
    print(f"  derive: {d}")
PY
