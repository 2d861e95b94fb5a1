"""Tests of measure.py on a tiny fixture corpus, with a stand-in for derive that prints canned
JSON documents (fixtures/fake-derive), so that they run without building derive."""

import io
import json
import os
import sys
import unittest
from contextlib import redirect_stdout

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import measure  # noqa: E402

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
FAKE = os.path.join(FIXTURES, "fake-derive")


def run(*arguments):
    out = io.StringIO()
    with redirect_stdout(out):
        status = measure.main(["--derive", FAKE, *arguments])
    return status, out.getvalue()


class CheckedEqualsTests(unittest.TestCase):
    def test_relations_are_found_by_unicode_column_outside_braces_and_commands(self):
        text = "prose a = b\n```math check\nλ_i = \\sum_{j=1}^n x \\\\ \\{a\\} = b % c = d\n```\n$$x = y$$\n"
        self.assertEqual(measure.checked_equals(text), [(3, 5), (3, 31)])

    def test_an_aligned_block_spanning_lines_keeps_its_brace_depth(self):
        text = "````math check\n\\frac{a = b\n}{c} &= d\n````\n"
        self.assertEqual(measure.checked_equals(text), [(3, 7)])


class MeasureTests(unittest.TestCase):
    def test_each_relation_is_judged_wrongly_or_not_judged_by_the_position_of_its_equals(self):
        status, output = run("--json", os.path.join(FIXTURES, "clean"))
        self.assertEqual(status, 0)
        data = json.loads(output)
        tiny = next(n for n in data["notebooks"] if n["path"].endswith("qa-tiny.md"))
        self.assertEqual([d["status"] for d in tiny["detail"]], ["judged", "not judged", "wrong", "not judged"])
        self.assertEqual((tiny["relations"], tiny["judged"], tiny["wrong"], tiny["notJudged"]), (4, 1, 1, 2))
        self.assertEqual(tiny["firstStop"], "18:1: unknown name 'λλ'")
        self.assertEqual(tiny["corpusErrors"], [])
        crash = next(n for n in data["notebooks"] if n["path"].endswith("notes-crash.md"))
        self.assertEqual((crash["relations"], crash["judged"], crash["notJudged"]), (1, 0, 1))
        self.assertIn("canned crash", crash["firstStop"])
        self.assertEqual(data["total"], {"notebooks": 2, "relations": 5, "judged": 1, "wrong": 1, "notJudged": 3,
                                         "share": 0.2})
        self.assertEqual(data["kinds"]["qa"]["relations"], 4)
        self.assertEqual(data["errorKinds"], [{"message": "unknown name '…'", "count": 1}])
        self.assertEqual(data["corpusErrors"], [])

    def test_fail_on_wrong_exits_1_and_the_text_report_names_the_wrong_relation(self):
        status, output = run("--fail-on-wrong", os.path.join(FIXTURES, "clean"))
        self.assertEqual(status, 1)
        self.assertIn("qa-tiny.md:14:5: derive says PASS, the record FAIL (a² is 4, not 5)", output)
        self.assertRegex(output, r"\ntotal +5 +1 +1 +20%\n")

    def test_a_broken_corpus_is_reported_and_exits_2(self):
        status, output = run("--json", os.path.join(FIXTURES, "broken"))
        self.assertEqual(status, 2)
        errors = json.loads(output)["corpusErrors"]
        path = "Tests/Corpus/fixtures/broken/"
        self.assertEqual(errors, [
            f"{path}notes-broken.expected:2: not 'LINE:COL PASS|FAIL  # why': 6:9 MAYBE  # not a verdict",
            f"{path}notes-broken.md:4:1: recorded, but not an '=' of the checked math",
            f"{path}notes-broken.md:6:7: an '=' of the checked math has no expected verdict",
            f"{path}notes-broken.md:6:7: unrecorded check 2 = 3",
            f"{path}stray.expected: no notebook beside it",
        ])


if __name__ == "__main__":
    unittest.main()
