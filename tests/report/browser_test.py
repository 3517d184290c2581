#!/usr/bin/env python3
"""The HTML report of a real `verify` run in headless Chromium (ctest label `browser`, issue 15).

  browser_test.py ANNEALCHECK WORKDIR SOURCE_DIR [SCREENSHOT.png]

Runs `verify --html` at double with 60 cases per property (the default seed: every
known-false claim is refuted, so the page has counterexamples with trajectory figures;
a few seconds in release, well under a minute under ASan), plus
`check ID --html` and `audit INSTANCE --html` (the digits-vs-bits figure), opens
each index.html in Debian's `chromium --headless` and talks to it over the DevTools
protocol (a minimal WebSocket client, standard library only). Checks, per page:
  * the page loads (Page.loadEventFired) with no console error, no uncaught
    exception, no failed resource load;
  * every <img> is loaded and non-empty (naturalWidth > 0), every SVG file it names
    parses as SVG with drawing elements in it, every figure file is shown;
  * every link resolves: #anchors to an element of the page, files inside the report;
  * a screenshot (PNG) of the verify page is taken; written to SCREENSHOT.png when given.
Chromium runs as root here, hence --no-sandbox.
"""
import base64, json, os, pty, re, shutil, socket, struct, subprocess, sys, threading, time
import xml.etree.ElementTree as ET
from urllib.parse import urlparse, unquote


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


class DevTools:
    """Chrome DevTools protocol over one WebSocket (RFC 6455 client frames, masked)."""

    def __init__(self, ws_url):
        u = urlparse(ws_url)
        self.sock = socket.create_connection((u.hostname, u.port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {u.path} HTTP/1.1\r\nHost: {u.hostname}:{u.port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            fail("DevTools WebSocket handshake: " + head.decode(errors="replace"))
        self.next_id, self.events = 0, []

    def _recv_exact(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                fail("DevTools connection closed")
            data += chunk
        return data

    def _recv_message(self):
        payload = b""
        while True:
            b0, b1 = self._recv_exact(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._recv_exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._recv_exact(8))[0]
            payload += self._recv_exact(n)
            if b0 & 0x80:
                return json.loads(payload)

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        data = json.dumps(msg).encode()
        head = bytes([0x81])
        head += bytes([0x80 | len(data)]) if len(data) < 126 else (bytes([0x80 | 126]) + struct.pack(">H", len(data))
                                                                     if len(data) < 65536 else bytes([0x80 | 127]) + struct.pack(">Q", len(data)))
        mask = os.urandom(4)
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))
        while True:
            m = self._recv_message()
            if m.get("id") == self.next_id:
                if "error" in m:
                    fail(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, method, timeout):
        end = time.time() + timeout
        while time.time() < end:
            for e in self.events:
                if e.get("method") == method:
                    return e
            self.events.append(self._recv_message())
        fail(f"no {method} within {timeout} s")


def run_verify(exe, report):
    """verify --html with stderr on a pseudo-terminal: the progress bar must be drawn there."""
    master, slave = pty.openpty()
    chunks = []
    reader = threading.Thread(target=lambda: read_all(master, chunks))
    reader.start()
    t0 = time.time()
    p = subprocess.run([exe, "verify", "--types", "double", "--cases", "60", "--jobs", "2", "--html", report, "--report-dir", report + "-counterexamples"],
                       stdout=subprocess.PIPE, stderr=slave, text=True)
    os.close(slave)
    reader.join()
    tty = b"".join(chunks).decode(errors="replace")
    print(f"verify --html: exit {p.returncode} in {time.time() - t0:.1f} s")
    if p.returncode not in (0, 1) or not os.path.isfile(os.path.join(report, "index.html")):
        fail(f"verify --html wrote no report (exit {p.returncode}):\n{p.stdout[-2000:]}\n{tty[-2000:]}")
    m = re.search(r"^(\d+) runs: ", p.stdout, re.M)
    if not m:
        fail("verify printed no summary line:\n" + p.stdout[-1000:])
    rows = int(m.group(1))
    last = f"{rows}/{rows}"
    if last not in tty or "elapsed" not in tty or "left ~" not in tty:
        fail(f"no progress bar ending at {last} with elapsed and time left on the terminal:\n{tty[-500:]!r}")
    print("progress on the terminal, last line: " + tty.split("\r")[-2].replace("\x1b[K", "")[:110])
    q = subprocess.run([exe, "verify", "--types", "double", "--cases", "2", "--jobs", "2", "--report-dir", report + "-quiet"],
                       capture_output=True, text=True)
    if q.stderr:
        fail("verify printed to stderr although it is not a terminal (progress must be quiet):\n" + q.stderr[:500])


def read_all(fd, chunks):
    while True:
        try:
            data = os.read(fd, 4096)
        except OSError:  # EIO: the terminal's other end is closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(fd)


def start_chromium(profile):
    exe = shutil.which("chromium") or fail("chromium not found: scripts/setup-deps installs Debian's chromium")
    proc = subprocess.Popen([exe, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-port=0",
                             f"--user-data-dir={profile}", "--window-size=1280,900", "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    end = time.time() + 30
    while time.time() < end:
        line = proc.stderr.readline()
        if "DevTools listening on " in line:
            return proc, line.split("DevTools listening on ", 1)[1].strip()
        if not line and proc.poll() is not None:
            break
    proc.kill()
    fail("chromium did not start its DevTools endpoint")


def check_page(dt, session, report):
    problems = []
    for e in dt.events:
        m, p = e.get("method"), e.get("params", {})
        if m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            problems.append("console error: " + json.dumps(p.get("args"))[:300])
        elif m == "Runtime.exceptionThrown":
            problems.append("exception: " + json.dumps(p.get("exceptionDetails"))[:300])
        elif m == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            problems.append("log error: " + p["entry"].get("text", "") + " " + p["entry"].get("url", ""))
        elif m == "Network.loadingFailed":
            problems.append("failed load: " + json.dumps(p)[:300])
    js = """JSON.stringify({
      imgs: [...document.images].map(i => ({src: i.getAttribute('src'), ok: i.complete && i.naturalWidth > 0, w: i.naturalWidth})),
      links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
      ids: [...document.querySelectorAll('[id]')].map(e => e.id),
      rows: document.querySelectorAll('table.runs tr').length - 1,
      title: document.title})"""
    r = dt.send("Runtime.evaluate", {"expression": js, "returnByValue": True}, session)
    page = json.loads(r["result"]["value"])
    ids = set(page["ids"])
    for img in page["imgs"]:
        if not img["ok"]:
            problems.append(f"figure not loaded or empty: {img['src']}")
        path = os.path.join(report, img["src"])
        try:
            root = ET.parse(path).getroot()
            if not root.tag.endswith("svg") or not any(el.tag.split("}")[-1] in ("path", "rect", "polyline", "line") for el in root.iter()):
                problems.append(f"{img['src']}: not an SVG with drawing elements")
        except (OSError, ET.ParseError) as e:
            problems.append(f"{img['src']}: {e}")
    shown = {img["src"] for img in page["imgs"]}
    for f in os.listdir(report):
        if f.endswith(".svg") and f not in shown:
            problems.append(f"figure {f} is in the report but not on the page")
    for href in page["links"]:
        if href.startswith("#"):
            if href[1:] not in ids:
                problems.append(f"link {href}: no element with that id")
        elif "://" in href or href.startswith("/") or href.startswith(".."):
            problems.append(f"link {href} leaves the report")
        elif not os.path.isfile(os.path.join(report, unquote(href))):
            problems.append(f"link {href}: no such file in the report")
    return page, problems


def open_page(dt, session, report):
    dt.events.clear()
    t0 = time.time()
    dt.send("Page.navigate", {"url": "file://" + os.path.abspath(os.path.join(report, "index.html"))}, session)
    dt.wait_event("Page.loadEventFired", 30)
    page, problems = check_page(dt, session, report)
    print(f"{report}: loaded in {time.time() - t0:.2f} s; {page['rows']} rows, {len(page['imgs'])} figures, {len(page['links'])} links")
    return page, problems


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        fail(f"{' '.join(cmd)}: exit {p.returncode}\n{p.stderr[-2000:]}")


def main():
    if len(sys.argv) < 4:
        fail(__doc__)
    exe, work, source = sys.argv[1], sys.argv[2], sys.argv[3]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    report = os.path.join(work, "report")
    run_verify(exe, report)
    check_report, audit_report = os.path.join(work, "check"), os.path.join(work, "audit")
    run([exe, "check", "falsify.f3-a-literal-exp", "--html", check_report, "--report-dir", os.path.join(work, "cx")])
    run([exe, "audit", os.path.join(source, "instances/examples/five_dim.json"), "--types", "float,double,mpfr128,mpfr256", "--html", audit_report])
    proc, ws = start_chromium(os.path.join(work, "profile"))
    problems = []
    try:
        dt = DevTools(ws)
        target = dt.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = dt.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            dt.send(domain + ".enable", {}, session)
        for r in (check_report, audit_report, report):  # the verify page last: its screenshot
            page, found = open_page(dt, session, r)
            problems += [f"{os.path.basename(r)}: {p}" for p in found]
            srcs = [i["src"] for i in page["imgs"]]
            if r == report and (page["rows"] < 10 or not any(s.startswith("trajectory-") for s in srcs)):
                problems.append("verify: expected a campaign table and at least one counterexample trajectory figure")
            if r == check_report and (page["rows"] != 1 or "trajectory-0.svg" not in srcs):
                problems.append("check: expected one run with its counterexample's trajectory")
            if r == audit_report and srcs != ["audit.svg"]:
                problems.append(f"audit: expected the audit figure alone, got {srcs}")
        shot = dt.send("Page.captureScreenshot", {"format": "png"}, session)
        png = base64.b64decode(shot["data"])
        if not png.startswith(b"\x89PNG") or len(png) < 10000:
            problems.append(f"screenshot is not a PNG of a drawn page ({len(png)} bytes)")
        out = sys.argv[4] if len(sys.argv) > 4 else os.path.join(work, "report-page.png")
        with open(out, "wb") as f:
            f.write(png)
        print(f"screenshot {out} ({len(png)} bytes)")
    finally:
        proc.kill()
        proc.wait()
    if problems:
        fail("\n  ".join([f"{len(problems)} problem(s):"] + problems[:30]))
    print("OK")


if __name__ == "__main__":
    main()
