#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""plan_form_browser.py - drives the HTML plan form (par-audit plan export --format html) in the
system's headless Chromium, as a clerk would, through the DevTools protocol over a pipe
(--remote-debugging-pipe: no network port, no websocket library, Python standard library only).

    plan_form_browser.py --html FORM.html [--evidence FILE] --bad-evidence CON.pdf --out DIR
                         [--nasty TEXT] [--expect-note TEXT] [--chromium /usr/bin/chromium]

Steps: open the form at 1366x768; check the embedded data shows as text (--nasty: a finding text
that must appear verbatim and run nothing); check the page's own SHA-256 and CRC-32 against
Python's; --expect-note: an inspectors' note shown; type the name and two actions' reports,
attach FILE to the first (no FILE: the page must save plain response.xml); refused input (a date
before the notice, a date after today, a Windows device name); reload the tab and check the draft
comes back (files to attach again); attach again, click "Lưu báo cáo", capture the download; --resave: change one answer, save
again (its seq grows, the other answer's does not); --fresh-html: another export of the plan opens
without the draft.
Writes DIR/result.json ({"download": path, "download2": path, "checks": [...], "subtle": bool}) and screenshots
DIR/form-*.png. Exit 0 when every check passed, 1 otherwise (the failed checks in result.json and
on stderr), 2 when the browser could not be driven (missing, crashed, timed out).
"""
import argparse
import base64
import datetime
import fcntl
import hashlib
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
import zipfile
import zlib

TIMEOUT = 30.0


class Browser:
    """A Chromium process and one page session, spoken to over fds 3 and 4."""

    def __init__(self, chromium, profile):
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def fds():
            a = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--remote-debugging-pipe", "--user-data-dir=" + profile,
                "--window-size=1366,768", "--lang=vi", "about:blank"]
        self.proc = subprocess.Popen(args, pass_fds=(3, 4), preexec_fn=fds,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.next_id = 0
        self.replies = {}
        self.events = queue.Queue()
        self.cond = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.session = None

    def _read(self):
        buf = b""
        while True:
            try:
                chunk = os.read(self.from_chrome, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                with self.cond:
                    self.replies["closed"] = True
                    self.cond.notify_all()
                return
            buf += chunk
            while b"\0" in buf:
                msg, buf = buf.split(b"\0", 1)
                m = json.loads(msg)
                if "id" in m:
                    with self.cond:
                        self.replies[m["id"]] = m
                        self.cond.notify_all()
                else:
                    self.events.put(m)

    def send(self, method, params=None, session=True):
        self.next_id += 1
        mid = self.next_id
        m = {"id": mid, "method": method, "params": params or {}}
        if session and self.session:
            m["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(m).encode() + b"\0")
        deadline = time.time() + TIMEOUT
        with self.cond:
            while mid not in self.replies:
                if "closed" in self.replies:
                    raise RuntimeError("Chromium closed the pipe during " + method)
                if not self.cond.wait(deadline - time.time()):
                    raise RuntimeError("no answer to " + method + " in %gs" % TIMEOUT)
            r = self.replies.pop(mid)
        if "error" in r:
            raise RuntimeError(method + ": " + json.dumps(r["error"]))
        return r.get("result", {})

    def wait_event(self, name, pred=lambda p: True, timeout=TIMEOUT):
        deadline = time.time() + timeout
        while True:
            left = deadline - time.time()
            if left <= 0:
                raise RuntimeError("no event " + name + " in %gs" % timeout)
            try:
                e = self.events.get(timeout=left)
            except queue.Empty:
                continue
            if e.get("method") == name and pred(e.get("params", {})):
                return e["params"]

    def attach(self):
        targets = self.send("Target.getTargets", session=False)["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.send("Target.attachToTarget",
                                 {"targetId": page["targetId"], "flatten": True},
                                 session=False)["sessionId"]
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": 1366, "height": 768, "deviceScaleFactor": 1, "mobile": False})

    def navigate(self, url, reload=False):
        self.drain()
        if reload:
            self.send("Page.reload", {"ignoreCache": True})
        else:
            self.send("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")

    def drain(self):
        while not self.events.empty():
            self.events.get_nowait()

    def js(self, expr, await_promise=False):
        r = self.send("Runtime.evaluate", {"expression": expr, "returnByValue": True,
                                           "awaitPromise": await_promise, "userGesture": True})
        if "exceptionDetails" in r:
            raise RuntimeError("JS error in " + expr[:80] + ": " +
                               json.dumps(r["exceptionDetails"])[:400])
        return r["result"].get("value")

    def type_into(self, selector, text):
        """Focus the field and type as a keyboard would (input events, not a value assignment)."""
        self.js("(function(){var e=document.querySelector(%s); e.focus(); e.select && e.select();})()"
                % json.dumps(selector))
        self.send("Input.insertText", {"text": text})

    def click(self, selector):
        box = self.js("(function(){var e=document.querySelector(%s); e.scrollIntoView({block:'center'});"
                      "var r=e.getBoundingClientRect(); return [r.x+r.width/2, r.y+r.height/2];})()"
                      % json.dumps(selector))
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1],
                                                   "button": "left", "clickCount": 1})

    def attach_files(self, selector, paths):
        root = self.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = self.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        self.send("DOM.setFileInputFiles", {"nodeId": node, "files": paths})

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except RuntimeError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def save_and_capture(b, downloads, tag, check):
    """Clicks "Lưu báo cáo" and returns the saved file, moved to downloads/TAG/<suggested name>
    (the browser stores it under its download id, so that two saves of one name stay apart)."""
    b.drain()
    b.click("#save")
    begin = b.wait_event("Browser.downloadWillBegin")
    done = b.wait_event("Browser.downloadProgress",
                        lambda p: p.get("guid") == begin["guid"] and
                        p.get("state") in ("completed", "canceled"))
    check(tag + ": download completed", done.get("state") == "completed", done)
    raw = os.path.join(downloads, begin["guid"])
    for _ in range(50):
        if os.path.exists(raw):
            break
        time.sleep(0.1)
    check(tag + ": download on disk", os.path.exists(raw), raw)
    os.makedirs(os.path.join(downloads, tag), exist_ok=True)
    path = os.path.join(downloads, tag, begin["suggestedFilename"])
    os.replace(raw, path)
    return path


def reports(path):
    """{action id: <report> attributes} of the answered actions of a saved response, plus
    "#response-id"."""
    if path.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            xml = z.read("response.xml")
    else:
        with open(path, "rb") as f:
            xml = f.read()
    root = ET.fromstring(xml)
    out = {"#response-id": root.get("response-id")}
    for act in root.findall("action"):
        rep = act.find("report")
        if rep is not None and rep.get("made"):
            out[act.get("id")] = dict(rep.attrib)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--html", required=True)
    ap.add_argument("--evidence", default="",
                    help="the file to attach to A-001; none: the page saves plain response.xml")
    ap.add_argument("--bad-evidence", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--nasty", default="")
    ap.add_argument("--expect-note", default="",
                    help="an inspectors' note (reopen or extension reason) the page must show")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--fresh-html", default="",
                    help="another export of the plan: opened last, it must start without a draft")
    ap.add_argument("--resave", action="store_true",
                    help="after the first save, change A-001's note and save again (download2)")
    a = ap.parse_args()
    if not os.access(a.chromium, os.X_OK):
        print("plan_form_browser: %s not found: install the Debian package chromium "
              "(scripts/install-deps.sh)" % a.chromium, file=sys.stderr)
        return 2
    os.makedirs(a.out, exist_ok=True)
    downloads = os.path.join(a.out, "downloads")
    os.makedirs(downloads, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="par-form-profile-")
    checks = []

    def check(name, ok, detail=""):
        checks.append({"check": name, "ok": bool(ok), "detail": str(detail)[:500]})
        if not ok:
            print("FAILED: %s %s" % (name, detail), file=sys.stderr)

    url = "file://" + os.path.abspath(a.html)
    b = Browser(a.chromium, profile)
    result = {"checks": checks}
    try:
        b.attach()
        b.send("Browser.setDownloadBehavior", {"behavior": "allowAndName", "downloadPath": downloads,
                                               "eventsEnabled": True}, session=False)
        b.navigate(url)
        b.screenshot(os.path.join(a.out, "form-opened.png"))

        # The page itself: no script error, data shown as text.
        n_actions = b.js("document.querySelectorAll('section.action').length")
        check("actions rendered", n_actions and n_actions >= 2, n_actions)
        check("notice shown", "05/TB-SNV" in b.js("document.getElementById('ref').textContent"))
        if a.nasty:
            shown = b.js("document.querySelector('section.action .finding').textContent")
            check("nasty finding text shown verbatim", a.nasty in shown, shown)
            check("nasty finding text ran nothing", b.js("typeof window.__pwned") == "undefined")
            check("one script element ran", b.js("document.scripts.length") == 2)
        if a.expect_note:
            notes = b.js("Array.from(document.querySelectorAll('.note-insp')).map(function(e){"
                         "return e.closest('section').id + ': ' + e.textContent;}).join(' | ')")
            check("inspectors' note shown", a.expect_note in notes, notes)

        # The page's hashing against Python's.
        result["subtle"] = b.js("window.parPlanForm.subtle")
        result["isSecureContext"] = b.js("window.isSecureContext")
        for sample in ["", "abc", "Tân Thạnh " * 100, "x" * 55, "y" * 56, "z" * 64]:
            got = b.js("window.parPlanForm.sha256Js(new TextEncoder().encode(%s))" % json.dumps(sample))
            check("sha256Js(%d bytes)" % len(sample.encode()),
                  got == hashlib.sha256(sample.encode()).hexdigest(), got)
            crc = b.js("window.parPlanForm.crc32(new TextEncoder().encode(%s))" % json.dumps(sample))
            check("crc32(%d bytes)" % len(sample.encode()), crc == zlib.crc32(sample.encode()), crc)

        # Evidence names: the page's verdicts on the list the core's test also checks.
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "evidence-names.json"),
                  encoding="utf-8") as f:
            names = json.load(f)
        verdicts = b.js("(function(r,a){return [r.filter(function(n){return !parPlanForm.evidenceNameProblem(n);}),"
                        " a.filter(function(n){return !!parPlanForm.evidenceNameProblem(n);})];})(%s,%s)"
                        % (json.dumps(names["refused"]), json.dumps(names["accepted"])))
        check("page refuses every name the core refuses", verdicts[0] == [], verdicts[0])
        check("page accepts every name the core accepts", verdicts[1] == [], verdicts[1])

        # Refusals before any save.
        b.type_into("#date-A-001", "01/12/2018")
        b.js("document.getElementById('date-A-001').blur()")
        err = b.js("document.querySelector('#action-A-001 .date-err').textContent")
        check("date before the notice refused", "trước ngày thông báo" in err, err)
        future = (datetime.date.today() + datetime.timedelta(days=3)).strftime("%d/%m/%Y")
        b.type_into("#date-A-001", future)
        b.js("document.getElementById('date-A-001').blur()")
        err = b.js("document.querySelector('#action-A-001 .date-err').textContent")
        check("date after today refused", "sau hôm nay" in err, err)
        b.type_into("#date-A-001", "31/02/2019")
        b.js("document.getElementById('date-A-001').blur()")
        err = b.js("document.querySelector('#action-A-001 .date-err').textContent")
        check("impossible date refused", "không có trong lịch" in err, err)
        b.attach_files("#files-A-002", [os.path.abspath(a.bad_evidence)])
        err = b.js("document.querySelector('#action-A-002 .file-err').textContent")
        check("Windows device name refused", "tên thiết bị" in err, err)
        check("refused file not listed",
              b.js("document.querySelectorAll('#action-A-002 .files li').length") == 0)
        b.click("#save")
        status = b.js("document.getElementById('status').textContent")
        check("save refused while a date is wrong", "Chưa lưu được" in status, status)

        # The clerk's real answers.
        b.type_into("#declared-by", "Nguyễn Văn A, Văn phòng HĐND và UBND")
        b.type_into("#date-A-001", "10/01/2019")
        b.type_into("#doc-A-001", "15/BC-UBND")
        b.type_into("#note-A-001", "Đã ban hành Quyết định 120/QĐ-UBND phân công nhiệm vụ CCHC.")
        if a.evidence:
            b.attach_files("#files-A-001", [os.path.abspath(a.evidence)])
        b.type_into("#date-A-002", "14/01/2019")
        b.type_into("#note-A-002", "Đã có Công văn 33/UBND-NV chỉ đạo các phòng, ban.")
        time.sleep(0.6)  # the draft is written 300 ms after the last keystroke
        listed = b.js("document.querySelector('#action-A-001 .files').textContent")
        if a.evidence:
            check("evidence listed", os.path.basename(a.evidence) in listed, listed)
        check("name error cleared once typed",
              b.js("document.getElementById('declared-by-err').textContent") == "")
        b.screenshot(os.path.join(a.out, "form-filled.png"))

        # Close-and-reopen: the draft comes back, files must be attached again.
        b.navigate(url, reload=True)
        restored = b.js("[document.getElementById('declared-by').value,"
                        " document.getElementById('date-A-001').value,"
                        " document.getElementById('doc-A-001').value,"
                        " document.getElementById('note-A-002').value,"
                        " document.getElementById('banners').textContent,"
                        " document.querySelector('#action-A-001 .files').textContent]")
        check("draft restored: name", restored[0].startswith("Nguyễn Văn A"), restored[0])
        check("draft restored: dates and doc", restored[1] == "10/01/2019" and
              restored[2] == "15/BC-UBND", restored)
        check("draft restored: note", restored[3].startswith("Đã có Công văn 33"), restored[3])
        check("draft banner", "khôi phục bản nháp" in restored[4], restored[4])
        if a.evidence:
            check("file to attach again named", "Cần đính kèm lại" in restored[5], restored[5])
            b.click("#save")
            status = b.js("document.getElementById('status').textContent")
            check("save refused while a file is missing", "Chưa lưu được" in status, status)
            b.screenshot(os.path.join(a.out, "form-restored.png"))
            b.attach_files("#files-A-001", [os.path.abspath(a.evidence)])

        # Save: the download.
        first = save_and_capture(b, downloads, "save-1", check)
        result["download"] = first
        check("file kind", first.endswith(".response.zip" if a.evidence else ".response.xml"), first)
        status = b.js("document.getElementById('status').textContent")
        check("saved message", "Đã lưu tệp" in status, status)
        b.screenshot(os.path.join(a.out, "form-saved.png"))
        r1 = reports(first)
        check("first save: seq 1, made set", r1.get("A-001", {}).get("seq") == "1" and
              r1.get("A-002", {}).get("seq") == "1" and len(r1["A-001"].get("made", "")) == 19, r1)
        answered = sorted(k for k in r1 if not k.startswith("#"))
        check("first save: only the two answers", answered == ["A-001", "A-002"], answered)

        if a.resave:
            # The clerk changes one answer and saves again: that answer's seq grows, the other's
            # does not, and the response id stays.
            time.sleep(1.1)  # a later second for `made`
            b.js("document.getElementById('note-A-001').focus()")
            b.js("(function(){var e=document.getElementById('note-A-001');"
                 "e.setSelectionRange(e.value.length, e.value.length);})()")
            b.send("Input.insertText", {"text": " Bổ sung: đã niêm yết."})
            second = save_and_capture(b, downloads, "save-2", check)
            result["download2"] = second
            r2 = reports(second)
            check("second save: the changed answer's seq is 2", r2["A-001"].get("seq") == "2", r2)
            check("second save: the changed answer is later", r2["A-001"]["made"] > r1["A-001"]["made"], r2)
            check("second save: the unchanged answer keeps seq 1 and its time",
                  r2["A-002"] == r1["A-002"], r2)
            check("second save: same response id", r2["#response-id"] == r1["#response-id"], r2)
        if a.fresh_html:
            # The draft belongs to one export (its export-id): a new export starts empty.
            b.navigate("file://" + os.path.abspath(a.fresh_html))
            fresh = b.js("[document.getElementById('banners').textContent,"
                         " document.getElementById('declared-by').value,"
                         " document.getElementById('date-A-002').value]")
            check("another export starts without the draft", fresh == ["", "", ""], fresh)
    except Exception as e:  # the browser could not be driven: say what, exit 2
        result["error"] = str(e)
        print("plan_form_browser: %s" % e, file=sys.stderr)
        with open(os.path.join(a.out, "result.json"), "w") as f:
            json.dump(result, f, ensure_ascii=False, indent=1)
        return 2
    finally:
        b.close()
        shutil.rmtree(profile, ignore_errors=True)
    with open(os.path.join(a.out, "result.json"), "w") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
    return 0 if all(c["ok"] for c in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
