#!/usr/bin/env python3
"""Every report, as a phone (390 px) and a wide screen (1400 px) show it, in headless Chromium.

    python3 Tests/Browser/layout_test.py [REPORT.html ...]     (default: output/*.html)

Fails, naming the report, the width and the element, on:

  page-width   the page is wider than the viewport (it scrolls sideways);
  overflow     a box sticks out of its container (the nearest ancestor that clips or scrolls
               sideways, else the viewport) and that container is not an `overflow-x: auto`
               box with a visible cue that it scrolls (a scroll shadow, or a scrollbar
               that takes room): content cut off, or hidden past an edge nobody knows of;
  sticky       on a wide screen, a checked equation is out of view (less than half of it, or
               of a tall one less than 40 px, shows) while the top of one of its panels is
               in view (at the top, middle or bottom of the window): the equation is meant
               to stay beside its panels;
  contrast     text whose contrast with what is behind it is under WCAG's 4.5:1 (3:1 for
               large text), light scheme at 390 px and dark at 1400 px;
  math-font    a <math> element whose font is not the report's embedded math font.

Everything is measured through the DevTools protocol (DOMSnapshot, DOM, CSS), not by
script in the page, which the report's Content-Security-Policy forbids.
"""

import glob
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from devtools import Browser  # noqa: E402

WIDTHS = ((390, True, "light"), (1400, False, "dark"))
MATH_FONT = "Derive Math"
STYLES = [
    "overflow-x", "background-image", "background-attachment", "box-shadow", "border-top-width",
    "border-bottom-width", "color", "background-color", "opacity", "font-size", "font-weight",
    "font-family", "visibility",
]
TOLERANCE = 1.0  # CSS px: sub-pixel layout is not overflow


class Snapshot:
    """A DOMSnapshot of one document, with each node's ancestors, box and styles at hand."""

    def __init__(self, page):
        result = page.call("DOMSnapshot.captureSnapshot", computedStyles=STYLES, includeDOMRects=True)
        strings = result["strings"]
        document = result["documents"][0]
        nodes = document["nodes"]
        self.parent = nodes["parentIndex"]
        self.name = [strings[i] for i in nodes["nodeName"]]
        self.backend = nodes["backendNodeId"]
        self.value = [strings[i] if i >= 0 else "" for i in nodes["nodeValue"]]
        self.attributes = []
        for pairs in nodes["attributes"]:
            names = [strings[i] for i in pairs[0::2]]
            values = [strings[i] for i in pairs[1::2]]
            self.attributes.append(dict(zip(names, values)))
        layout = document["layout"]
        self.box = {}
        self.style = {}
        self.client = {}
        self.scroll = {}
        for k, node in enumerate(layout["nodeIndex"]):
            self.box[node] = layout["bounds"][k]
            self.style[node] = {
                name: strings[i] if i >= 0 else "" for name, i in zip(STYLES, layout["styles"][k])
            }
            self.client[node] = layout["clientRects"][k]
            self.scroll[node] = layout["scrollRects"][k]
        # A text node's layout has no styles of its own: it shows its element's.
        for node in self.box:
            if len(self.style[node]) < len(STYLES):
                self.style[node] = self.style.get(self.parent[node]) or dict.fromkeys(STYLES, "")

    def ancestors(self, node):
        node = self.parent[node]
        while node >= 0:
            yield node
            node = self.parent[node]

    def classes(self, node):
        return self.attributes[node].get("class", "").split() if node < len(self.attributes) else []

    def describe(self, node):
        """`p.hint > code` style: the node, its parent, and the text it holds."""
        def one(n):
            name = self.name[n].lower()
            if name == "#text":
                return "text"
            element_id = self.attributes[n].get("id")
            if element_id:
                return f"{name}#{element_id}"
            classes = self.classes(n)
            return name + "".join("." + c for c in classes[:2])
        chain = [one(node)] + [one(a) for a in list(self.ancestors(node))[:3]]
        text = self.text_of(node)
        return " < ".join(chain) + (f' "{text[:50]}"' if text else "")

    def text_of(self, node):
        if self.name[node] == "#text":
            return " ".join(self.value[node].split())
        texts = [self.value[n] for n in range(node + 1, min(node + 400, len(self.name)))
                 if self.name[n] == "#text" and node in self.ancestors(n)]
        return " ".join(" ".join(texts).split())


def inside(snapshot, node, names):
    return any(snapshot.name[a].lower() in names for a in snapshot.ancestors(node))


def clipping_container(snapshot, node):
    """The nearest ancestor that clips or scrolls sideways, or None (the viewport)."""
    for ancestor in snapshot.ancestors(node):
        if ancestor in snapshot.style and snapshot.style[ancestor]["overflow-x"] not in ("visible", ""):
            return ancestor
    return None


def has_cue(snapshot, node):
    """Whether a scroller shows that it scrolls: a scroll shadow (gradients attached to the
    content, `background-attachment: local`), or a scrollbar that takes room."""
    style = snapshot.style[node]
    if "gradient" in style["background-image"] and "local" in style["background-attachment"]:
        return True
    borders = sum(float(style[k].rstrip("px") or 0) for k in ("border-top-width", "border-bottom-width"))
    return snapshot.box[node][3] - snapshot.client[node][3] - borders > 0.5


def overflow(snapshot, width):
    """Boxes that stick out of their container without a cued scroller around them."""
    problems = {}
    for node, (x, y, w, h) in snapshot.box.items():
        if w <= 0 or h <= 0 or snapshot.style[node]["visibility"] == "hidden":
            continue
        if inside(snapshot, node, ("svg", "head")) or snapshot.name[node].lower() in ("html", "body", "#document"):
            continue
        if snapshot.name[node] == "#text" and not snapshot.value[node].strip():
            continue
        container = clipping_container(snapshot, node)
        if container is None:
            left, right = 0.0, float(width)
        else:
            cx, _, _, _ = snapshot.box[container]
            client = snapshot.client[container]
            left, right = cx + client[0], cx + client[0] + client[2]
        if x >= left - TOLERANCE and x + w <= right + TOLERANCE:
            continue
        if container is None:
            rule = "outside the page"
        else:
            kind = snapshot.style[container]["overflow-x"]
            if kind in ("auto", "scroll"):
                if has_cue(snapshot, container):
                    continue
                rule = f"in a scroller with no cue that it scrolls ({snapshot.describe(container)})"
            else:
                rule = f"cut off by overflow-x: {kind} ({snapshot.describe(container)})"
        key = (rule, container)
        # One line per container: the first box found in it, and how many more.
        if key in problems:
            problems[key][1] += 1
        else:
            problems[key] = [f"{snapshot.describe(node)} spans {x:.0f}…{x + w:.0f} px, {rule}", 0]
    return [text + (f" (and {more} more)" if more else "") for text, more in problems.values()]


def parse_color(text):
    numbers = [float(v) for v in re.findall(r"[\d.]+", text)]
    if text.startswith("rgba"):
        return numbers[:3], numbers[3]
    if text.startswith("rgb"):
        return numbers[:3], 1.0
    return None, 0.0


def luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def blend(top, alpha, bottom):
    return [alpha * t + (1 - alpha) * b for t, b in zip(top, bottom)]


def contrast(snapshot):
    """Text under 4.5:1 (3:1 when large) against the background behind it."""
    problems = {}
    for node in snapshot.box:
        if snapshot.name[node] != "#text" or not snapshot.value[node].strip():
            continue
        parent = snapshot.parent[node]
        if inside(snapshot, node, ("svg", "head")) or parent not in snapshot.style:
            continue
        style = snapshot.style[parent]
        opacity = 1.0
        for element in [parent, *snapshot.ancestors(parent)]:
            if element in snapshot.style:
                opacity *= float(snapshot.style[element]["opacity"] or 1)
        if opacity == 0:
            continue  # invisible until hovered or focused (heading anchors)
        layers = []
        for element in [parent, *snapshot.ancestors(parent)]:
            if element not in snapshot.style:
                continue
            rgb, alpha = parse_color(snapshot.style[element]["background-color"])
            if rgb and alpha > 0:
                layers.append((rgb, alpha))
                if alpha >= 1:
                    break
        background = [255.0, 255.0, 255.0]
        for rgb, alpha in reversed(layers):
            background = blend(rgb, alpha, background)
        rgb, alpha = parse_color(style["color"])
        if rgb is None:
            continue
        foreground = blend(rgb, alpha * opacity, background)
        lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
        ratio = (lighter + 0.05) / (darker + 0.05)
        size = float(style["font-size"].rstrip("px"))
        bold = int(style["font-weight"] or 400) >= 700
        needed = 3.0 if size >= 24 or (bold and size >= 18.66) else 4.5
        if ratio < needed:
            key = (style["color"], str(background), parent if False else snapshot.describe(parent).split(" ")[0])
            if key not in problems:
                problems[key] = f"{snapshot.describe(node)} has contrast {ratio:.2f}:1 (needs {needed}:1)"
    return list(problems.values())


def math_font(page, snapshot):
    """Every <math> set in the embedded font, and Chromium really drawing with it."""
    problems = []
    maths = [n for n in snapshot.box if snapshot.name[n].lower() == "math"]
    for node in maths:
        family = snapshot.style[node]["font-family"]
        if not family.strip('"').startswith(MATH_FONT):
            problems.append(f"{snapshot.describe(node)} has font-family {family}")
            break
    letters = [n for n in snapshot.box if snapshot.name[n] == "#text" and snapshot.value[n].strip()
               and inside(snapshot, n, ("math",)) and not inside(snapshot, n, ("annotation",))]
    if letters:
        element = snapshot.parent[letters[0]]
        page.call("DOM.getDocument", depth=0)
        node_id = page.call("DOM.pushNodesByBackendIdsToFrontend",
                            backendNodeIds=[snapshot.backend[element]])["nodeIds"][0]
        used = [f for f in page.call("CSS.getPlatformFontsForNode", nodeId=node_id)["fonts"]
                if f["glyphCount"] > 0]
        if not any(f.get("isCustomFont") and f["familyName"] == MATH_FONT for f in used):
            names = ", ".join(f"{f['familyName']} ({f['glyphCount']} glyphs)" for f in used)
            problems.append(f"{snapshot.describe(letters[0])} is drawn in {names}, not the embedded font")
    return problems


def quad_box(page, backend):
    quads = page.call("DOM.getContentQuads", backendNodeId=backend)["quads"]
    if not quads:
        return None
    ys = [q[k] for q in quads for k in (1, 3, 5, 7)]
    return min(ys), max(ys)


def sticky(page, snapshot, height):
    """With a panel's top in view, its checked equation must be in view too."""
    problems = []
    cells = [n for n in snapshot.box if "check" in snapshot.classes(n) and "cell" in snapshot.classes(n)]
    for cell in cells:
        equations = [n for n in snapshot.box if cell in snapshot.ancestors(n)
                     and "equation" in snapshot.classes(n) and snapshot.name[n].lower() == "div"]
        panels = [n for n in snapshot.box if cell in snapshot.ancestors(n)
                  and "check-panel" in snapshot.classes(n)]
        if not equations:
            continue
        equation = equations[0]
        for panel in panels:
            width = snapshot.box[panel][2]
            # The panel's top at the top of the viewport, in the middle, and near its bottom.
            for offset in (0, -height // 2, -(height - 60)):
                page.call("DOM.scrollIntoViewIfNeeded", backendNodeId=snapshot.backend[panel],
                          rect={"x": 0, "y": offset, "width": max(width, 1), "height": height})
                top = quad_box(page, snapshot.backend[panel])
                shown = quad_box(page, snapshot.backend[equation])
                if top is None or not 0 <= top[0] < height or shown is None:
                    continue
                # In view: half of it, or 40 px of a tall one (beside the first panel near the
                # window's bottom, or pushed up by the end of its cell beside the last).
                visible = max(0.0, min(shown[1], height) - max(shown[0], 0))
                if visible < min(0.5 * (shown[1] - shown[0]), 40):
                    problems.append(
                        f"{snapshot.describe(panel)}: its top at {top[0]:.0f} px, its equation at "
                        f"{shown[0]:.0f}…{shown[1]:.0f} px of a {height} px window")
                    break
    return problems


def main(paths):
    paths = paths or sorted(glob.glob("output/*.html"))
    if not paths:
        sys.exit("layout_test: no reports (render them first)")
    failures = 0
    start = time.monotonic()
    with Browser() as browser:
        page = browser.new_page()
        for path in paths:
            for width, mobile, scheme in WIDTHS:
                height = 900
                page.open(path, width=width, height=height, mobile=mobile, scheme=scheme)
                metrics = page.call("Page.getLayoutMetrics")
                snapshot = Snapshot(page)
                found = []
                content = metrics["cssContentSize"]["width"]
                viewport = metrics["cssLayoutViewport"]["clientWidth"]
                if content > viewport + TOLERANCE:
                    found.append(("page-width", f"the page is {content:.0f} px wide in a {viewport} px viewport"))
                found += [("overflow", p) for p in overflow(snapshot, viewport)]
                found += [("contrast", p) for p in contrast(snapshot)]
                found += [("math-font", p) for p in math_font(page, snapshot)]
                if not mobile:
                    found += [("sticky", p) for p in sticky(page, snapshot, height)]
                for rule, problem in found:
                    print(f"{path} @{width}px {scheme}: {rule}: {problem}")
                failures += len(found)
    seconds = time.monotonic() - start
    checked = len(paths) * len(WIDTHS)
    print(f"layout_test: {checked} pages checked in {seconds:.1f} s, {failures} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
