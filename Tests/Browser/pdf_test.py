#!/usr/bin/env python3
"""`derive render --pdf` as a reviewer's PDF: read back page by page with pdftotext.

    python3 Tests/Browser/pdf_test.py DERIVE NOTEBOOK.md [...]

Renders each notebook with `--pdf` into a temporary folder and fails when:

  - the PDF is missing, or the command did not exit as the notebook expects (0 or 1);
  - page 1 lacks the summary: its headline and, in order, the verdict of every check;
  - a checked equation's number and the verdict of its first check are on different
    pages (each equation is to be printed with its verdict and hint);
  - a page carries a date or a file:// path (Chromium's header and footer).

What the report holds (numbers, verdicts, the headline) is read from its HTML.
"""

import html
import os
import re
import subprocess
import sys
import tempfile

VERDICT = re.compile(r"(PASS|FAIL|INCONCLUSIVE)(?: · expected)?(?: · vacuous)?")


def text_of(markup):
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def expectations(report):
    """The headline, the summary's verdicts in order, and per checked equation its number
    and the verdict of its first panel, from the report's HTML."""
    page = open(report, encoding="utf-8").read()
    headline = text_of(re.search(r'<h2 id="derive.summary">(.*?)</h2>', page).group(1))
    summary = re.search(r'<ol class="check-list">(.*?)</ol>', page, re.S)
    verdicts = [text_of(b) for b in re.findall(r'<span class="badge [^"]*">(.*?)</span>', summary.group(1))] \
        if summary else []
    equations = []
    for cell in re.findall(r'<section class="cell check[^"]*">(.*?)</section>', page, re.S):
        number = re.search(r'<span class="eqno"><a [^>]*>\((.*?)\)</a>', cell)
        badge = re.search(r'<article class="check-panel[^>]*>\s*<header><span class="badge [^"]*">(.*?)</span>', cell)
        if number and badge:
            equations.append((number.group(1), text_of(badge.group(1))))
    return headline, verdicts, equations


def pages_of(pdf):
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"], check=True, capture_output=True, text=True)
    pages = out.stdout.split("\f")  # -layout: lines top to bottom, as printed
    return [" ".join(p.split()) for p in pages if p.strip()]


def check(derive, notebook, folder):
    problems = []
    # The gallery is trusted: a generous time limit, so a shared machine does not stop its checks.
    result = subprocess.run(
        [derive, "render", "--pdf", "--time-limit", "600", notebook, "-o", folder], capture_output=True, text=True
    )
    stem = os.path.splitext(os.path.basename(notebook))[0]
    report = os.path.join(folder, stem + ".html")
    pdf = os.path.join(folder, stem + ".pdf")
    if result.returncode not in (0, 1) or not os.path.exists(pdf):
        return [f"derive render --pdf exited {result.returncode} without {pdf}: {result.stderr.strip()}"]
    headline, verdicts, equations = expectations(report)
    pages = pages_of(pdf)
    first = pages[0]
    if headline not in first:
        problems.append(f"page 1 lacks the summary's headline {headline!r}")
    found = [m.group(0) for m in VERDICT.finditer(first)]
    if found[:len(verdicts)] != verdicts:
        problems.append(f"page 1 shows the verdicts {found[:len(verdicts)]}, the summary has {verdicts}")
    # Walk the pages in order: each "CHECKED EQUATION" label, then the equation's number,
    # then the first verdict after it.
    text = "\f".join(pages)
    position = 0
    for number, verdict in equations:
        label = text.find("CHECKED EQUATION", position)
        eqno = text.find(f"({number})", label)
        badge = text.find(verdict, eqno)
        if min(label, eqno, badge) < 0:
            problems.append(f"equation ({number}) or its verdict {verdict!r} is missing from the PDF")
            continue
        label_page, eqno_page, badge_page = (text.count("\f", 0, i) + 1 for i in (label, eqno, badge))
        if not label_page == eqno_page == badge_page:
            problems.append(
                f"equation ({number}) is on page {eqno_page} (its label on {label_page}), "
                f"its verdict {verdict} on page {badge_page}")
        position = badge
    for index, page in enumerate(pages, 1):
        if "file://" in page or re.search(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b", page):
            problems.append(f"page {index} carries a header or footer: {page[:80]!r}")
    print(f"{pdf}: {len(pages)} pages, {len(equations)} checked equations")
    return [f"{pdf}: {p}" for p in problems]


def main(arguments):
    if len(arguments) < 2:
        sys.exit(__doc__)
    derive, notebooks = arguments[0], arguments[1:]
    failures = 0
    with tempfile.TemporaryDirectory(prefix="derive-pdf-") as folder:
        for notebook in notebooks:
            problems = check(derive, notebook, folder)
            for problem in problems:
                print(problem)
            failures += len(problems)
    print(f"pdf_test: {len(notebooks)} notebooks printed, {failures} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
