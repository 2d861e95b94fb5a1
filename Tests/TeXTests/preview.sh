#!/usr/bin/env bash
# Renders the MathML corpus (Fixtures/mathml.golden) in headless Chromium, to look at it.
#
#   Tests/TeXTests/preview.sh [PATTERN] [OUT.png]
#
# PATTERN is a regular expression on case names (default: every case); the page and the
# screenshot go to a temporary directory unless OUT.png is given. PREVIEW_FONT sets the CSS
# font-family of <math> (default: Latin Modern Math, then DejaVu Math, then the browser's).
# The screenshot is for looking at, not for committing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pattern="${1:-.}"
out="${2:-$(mktemp -d)/tex-preview.png}"
page="${out%.png}.html"
font="${PREVIEW_FONT:-"Latin Modern Math", "DejaVu Math TeX Gyre", math}"

python3 - "$here/Fixtures/mathml.golden" "$pattern" "$page" "$font" <<'PY'
import html, re, sys
golden, pattern, page, font = sys.argv[1], re.compile(sys.argv[2]), sys.argv[3], sys.argv[4]
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
rows = []
for case in cases:
    if not pattern.search(case["name"]):
        continue
    out = [l for l in case["out"] if l]
    markup = out[0] if out else ""
    issues = "<br>".join(html.escape(l) for l in out[1:])
    rows.append(f'<tr><td class="name">{html.escape(case["name"])}</td><td class="math">{markup}</td>'
                f'<td class="tex"><code>{html.escape(chr(10).join(case["tex"]))}</code><div class="issue">{issues}</div></td></tr>')
open(page, "w", encoding="utf-8").write(f"""<!doctype html>
<html><head><meta charset="utf-8"><style>
body {{ font-family: "DejaVu Serif", serif; margin: 12px; }}
math {{ font-family: {font}; font-size: 20px; }}
table {{ border-collapse: collapse; width: 100%; }}
td {{ border-bottom: 1px solid #ddd; padding: 6px 8px; vertical-align: middle; }}
td.name {{ font: 12px monospace; color: #555; width: 230px; }}
td.math {{ width: 520px; }}
td.tex code {{ font-size: 11px; white-space: pre-wrap; color: #333; }}
.issue {{ font: 11px monospace; color: #b00; }}
</style></head><body><table>{''.join(rows)}</table></body></html>""")
print(f"{len(rows)} cases in {page}")
PY

chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --window-size=1200,3000 --screenshot="$out" "file://$page" 2>/dev/null
echo "$out"
