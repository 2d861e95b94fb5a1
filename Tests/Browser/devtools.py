"""A small client of Chromium's DevTools protocol over --remote-debugging-pipe.

Standard library only. The browser runs headless with the network off (every request goes
to a proxy that does not exist), so a report that tried to fetch anything would show it.
Pages are measured from here, through the protocol (DOMSnapshot, DOM, CSS, Page), never
by script injected into the page: a report's Content-Security-Policy forbids script.

    with Browser() as browser:
        page = browser.new_page()
        page.open("output/sklearn-pr-11116.html", width=390, mobile=True)
        metrics = page.call("Page.getLayoutMetrics")
"""

import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import time

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium():
    """The browser to drive: $DERIVE_CHROMIUM, else the first candidate on the PATH."""
    named = os.environ.get("DERIVE_CHROMIUM")
    if named:
        return named
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    raise SystemExit("no Chromium found: install Debian's 'chromium' or set DERIVE_CHROMIUM")


class ProtocolError(Exception):
    """A command the browser answered with an error."""


class Browser:
    """A headless Chromium, its DevTools protocol on fds 3 (to it) and 4 (from it)."""

    def __init__(self, timeout=60):
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="derive-browser-")
        to_browser_read, self._write = os.pipe()
        self._read, from_browser_write = os.pipe()
        flags = [
            "--headless", "--remote-debugging-pipe", "--disable-gpu", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--mute-audio",
            "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            "--font-render-hinting=none", f"--user-data-dir={self.profile}",
        ]
        if os.geteuid() == 0:
            flags.append("--no-sandbox")

        def plumb():
            os.dup2(to_browser_read, 3)
            os.dup2(from_browser_write, 4)

        self.process = subprocess.Popen(
            [find_chromium(), *flags, "about:blank"], pass_fds=(3, 4), preexec_fn=plumb,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next = 0
        self._events = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        try:
            self.call("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._read, self._write):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    def _receive(self, deadline):
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("the browser did not answer in time")
            chunk = os.read(self._read, 1 << 20)
            if not chunk:
                raise ConnectionError("the browser closed its DevTools pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def call(self, method, session=None, **params):
        """Sends one command and waits for its answer; events that arrive meanwhile are kept."""
        self._next += 1
        message = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            answer = self._receive(deadline)
            if answer.get("id") == self._next:
                if "error" in answer:
                    raise ProtocolError(f"{method}: {answer['error'].get('message')}")
                return answer.get("result", {})
            if "method" in answer:
                self._events.append(answer)

    def wait_for(self, method, session=None):
        """The next event named `method` (of `session`), kept or yet to come."""
        deadline = time.monotonic() + self.timeout
        while True:
            for index, event in enumerate(self._events):
                if event["method"] == method and event.get("sessionId") == session:
                    return self._events.pop(index)
            self._events.append(self._receive(deadline))

    def new_page(self):
        """A fresh tab, attached in flat mode."""
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        return Page(self, session, target)


class Page:
    """One tab: open a report at a width and colour scheme, then measure it."""

    def __init__(self, browser, session, target):
        self.browser = browser
        self.session = session
        self.target = target
        for domain in ("Page", "DOM", "CSS"):
            self.call(f"{domain}.enable")

    def call(self, method, **params):
        return self.browser.call(method, session=self.session, **params)

    def open(self, path, width, height=900, mobile=False, scheme="light", media="screen"):
        """Loads `path` from file:// in a viewport `width` × `height` CSS px; `mobile` is
        a phone (touch, overlay scrollbars, the viewport meta tag honoured)."""
        self.call(
            "Emulation.setDeviceMetricsOverride", width=width, height=height,
            deviceScaleFactor=1, mobile=mobile)
        self.call("Emulation.setTouchEmulationEnabled", enabled=mobile)
        self.call(
            "Emulation.setEmulatedMedia", media=media,
            features=[{"name": "prefers-color-scheme", "value": scheme}])
        url = pathlib.Path(path).resolve().as_uri()
        self.call("Page.navigate", url=url)
        self.browser.wait_for("Page.loadEventFired", self.session)
        return url

    def screenshot(self, out, full=True):
        """A PNG of the page (the whole length when `full`)."""
        import base64
        result = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=full)
        pathlib.Path(out).write_bytes(base64.b64decode(result["data"]))

    def pdf(self, out, **options):
        import base64
        result = self.call("Page.printToPDF", **options)
        pathlib.Path(out).write_bytes(base64.b64decode(result["data"]))
