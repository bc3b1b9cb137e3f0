#!/usr/bin/env python3
"""Balloon's fault suite: a stack of its own, clients that behave like careful operators, and each
fault in turn. Writes what it measured as a Markdown report (docs/reliability.md with --doc).

    bin/balloon faults [--fast] [--only NAME ...] [--rate 20] [--doc docs/reliability.md]

What it does
- starts a stack with bin/balloon on ports of its own (BALLOON_* variables, defaults 28080-28082
  and 29092/29093, below Linux' ephemeral range (32768-60999), so that no outgoing connection, nor a
  client reconnecting to a stopped broker and connecting to itself, can hold one of them; database
  balloon_faults, state under .run/faults) with PostgreSQL reached
  through a TCP proxy the suite owns, so that a database fault cuts only this stack's connections;
- a warm-up round first (not in the table), then per fault: one SSE listener (filtered to one country; on a drop it reconnects with
  Last-Event-ID), clients posting actions at a steady rate with an Idempotency-Key each, retrying
  on 503 (after Retry-After), on connection errors and on other 5xx (safe with the key); the fault
  is injected after a warm-up, the process is restarted with bin/balloon up (the command an
  operator uses), posting goes on, then the suite waits for every accepted action's score;
- asserts per fault: 0 lost actions (every 202 is in events-service's table), 0 lost scores
  (every accepted action has a stored score), 0 duplicate stored scores or actions, 0 duplicate
  SSE ids after a resume, no 5xx but 503 with Retry-After, every service ready at the end, and
  recovery (fault over -> first new score on the stream) within --recovery-limit seconds;
- then the hostile-input corpus (>= 100 requests: each must answer 4xx problem+json, none 5xx,
  and none of them may leave a stored row) and 200 slow-body connections (1 byte/s) while the
  API must keep answering.
Only loopback addresses are used; every loop is bounded by count and time. Requests carry
`Authorization: Bearer $BALLOON_TOKEN` when that variable is set.
"""
import argparse, datetime, http.client, json, os, platform, socket, subprocess, sys, threading, time, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOADS = []  # the 1-minute load average when each fault began: recovery times mean little without it
HOST = "127.0.0.1"
COUNTRY = "PA"  # the suite's actions all target one country: the SSE listener filters on it


def env_int(name, default):
    return int(os.environ.get(name, default))


class Stack:
    """The suite's own stack, driven through bin/balloon, and PostgreSQL behind the suite's proxy."""

    def __init__(self, proxy):
        self.ports = {"gateway": env_int("BALLOON_GATEWAY_PORT", 28080),
                      "events-service": env_int("BALLOON_EVENTS_PORT", 28081),
                      "scoring-service": env_int("BALLOON_SCORING_PORT", 28082)}
        self.kafka_port = env_int("BALLOON_KAFKA_PORT", 29092)
        self.db_name = os.environ.get("BALLOON_DB_NAME", "balloon_faults")
        self.run_dir = os.environ.get("BALLOON_RUN_DIR", os.path.join(ROOT, ".run", "faults"))
        self.env = dict(os.environ,
                        BALLOON_GATEWAY_PORT=str(self.ports["gateway"]),
                        BALLOON_EVENTS_PORT=str(self.ports["events-service"]),
                        BALLOON_SCORING_PORT=str(self.ports["scoring-service"]),
                        BALLOON_KAFKA_PORT=str(self.kafka_port),
                        BALLOON_KAFKA_CONTROLLER_PORT=str(env_int("BALLOON_KAFKA_CONTROLLER_PORT", 29093)),
                        BALLOON_DB_HOST=HOST, BALLOON_DB_PORT=str(proxy.port), BALLOON_DB_NAME=self.db_name,
                        BALLOON_RUN_DIR=self.run_dir,
                        # every client of the suite shares one token: the per-caller quota (600/min) is
                        # not what this suite measures and would answer 429 at the posting rate
                        BALLOON_QUOTA_ENABLED=os.environ.get("BALLOON_QUOTA_ENABLED", "false"),
                        # the suite counts its own actions; the shipped history would only slow its first start
                        BALLOON_IMPORT_HISTORY=os.environ.get("BALLOON_IMPORT_HISTORY", "false"),
                        BALLOON_READY_TIMEOUT=os.environ.get("BALLOON_READY_TIMEOUT", "120"))
        self.db_port = int(os.environ.get("BALLOON_DB_REAL_PORT", "5432"))

    def balloon(self, *args, check=True):
        with open(os.path.join(self.run_dir, "suite-balloon.log"), "a") as log:
            log.write(f"\n== {datetime.datetime.now().isoformat()} bin/balloon {' '.join(args)}\n")
            log.flush()
            r = subprocess.run([os.path.join(ROOT, "bin", "balloon"), *args], env=self.env, stdout=log,
                               stderr=subprocess.STDOUT, timeout=900)
        if check and r.returncode != 0:
            raise RuntimeError(f"bin/balloon {' '.join(args)} failed; see {self.run_dir}/suite-balloon.log")
        return r.returncode == 0

    def pid(self, name):
        try:
            with open(os.path.join(self.run_dir, "pids", name + ".pid")) as f:
                return int(f.read().strip())
        except (OSError, ValueError):
            return None

    def ready(self, name):
        if name == "broker":
            # ready as bin/balloon waits for it: the launcher's ready line, printed once clients can use the
            # broker (its port opens many seconds earlier, while Kafka still recovers its logs); bin/balloon
            # moves the previous log aside before it starts a broker, so the line is the new process's
            try:
                with open(os.path.join(self.run_dir, "logs", "broker.log"), errors="replace") as f:
                    return "BALLOON-BROKER-READY" in f.read()
            except OSError:
                return False
        try:
            return request("GET", self.ports[name], "/q/health/ready", timeout=3)[0] == 200
        except OSError:
            return False

    def sql(self, query):
        """A query on the suite's database, straight to PostgreSQL (not through the proxy)."""
        r = subprocess.run(["psql", "-h", HOST, "-p", str(self.db_port), "-U", os.environ.get("BALLOON_DB_USER", "postgres"),
                            "-d", self.db_name, "-tAq", "-F", "\t", "-c", query],
                           capture_output=True, text=True, timeout=60)
        if r.returncode != 0:
            raise RuntimeError(f"psql: {r.stderr.strip()}")
        return [line.split("\t") for line in r.stdout.splitlines() if line]


class PgProxy(threading.Thread):
    """A TCP proxy in front of PostgreSQL: cut() closes every connection and refuses new ones for a while."""

    def __init__(self, target_port):
        super().__init__(daemon=True)
        self.target = (HOST, target_port)
        self.server = socket.socket()
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind((HOST, 0))
        self.server.listen(256)
        self.server.settimeout(0.5)
        self.port = self.server.getsockname()[1]
        self.lock = threading.Lock()
        self.open = set()
        self.refuse_until = 0.0
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            try:
                client, _ = self.server.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            if time.monotonic() < self.refuse_until:
                client.close()  # the connection is taken and dropped at once: "connection attempt failed"
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=3)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.open.update((client, upstream))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pump, args=(a, b), daemon=True).start()

    def pump(self, src, dst):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            self.close(s)

    def close(self, s):
        with self.lock:
            self.open.discard(s)
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        s.close()

    def terminate_all(self):
        with self.lock:
            sockets = list(self.open)
        for s in sockets:
            self.close(s)

    def cut(self, seconds):
        self.refuse_until = time.monotonic() + seconds
        self.terminate_all()


def auth_headers():
    token = os.environ.get("BALLOON_TOKEN")
    return {"Authorization": "Bearer " + token} if token else {}


def request(method, port, path, body=None, headers=None, timeout=15):
    """One HTTP request: (status, headers dict with lower-case names, body bytes)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        try:
            conn.request(method, path, body=body, headers={**auth_headers(), **(headers or {})})
        except (BrokenPipeError, ConnectionResetError):
            if not body:
                raise
            # the server answered (413, 408) and closed before the whole body was sent: read that answer
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conn.close()


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.accepted = {}          # action id -> monotonic time of its 202
        self.statuses = {}
        self.bad_5xx = 0            # a 5xx other than 503
        self.no_retry_after = 0     # a 503 without Retry-After
        self.not_problem = 0        # an error answer that is not problem+json
        self.given_up = 0           # actions never accepted within the retry budget
        self.client_errors = []     # unexpected 4xx

    def note(self, status, headers):
        with self.lock:
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if status >= 500 and status != 503:
                self.bad_5xx += 1
            if status == 503 and "retry-after" not in headers:
                self.no_retry_after += 1
            if status >= 400 and not headers.get("content-type", "").startswith("application/problem+json"):
                self.not_problem += 1


class Posters:
    """Actions posted at a steady rate by a pool of clients, each retried with its Idempotency-Key."""

    def __init__(self, stack, stats, tag, rate, workers=16, budget=180):
        self.port, self.stats, self.tag, self.rate, self.budget = stack.ports["gateway"], stats, tag, rate, budget
        self.queue, self.cond, self.done, self.n = [], threading.Condition(), False, 0
        self.threads = [threading.Thread(target=self.work, daemon=True) for _ in range(workers)]
        self.scheduler = None

    def start(self):
        for t in self.threads:
            t.start()
        self.stop_posting = threading.Event()
        self.scheduler = threading.Thread(target=self.schedule, daemon=True)
        self.scheduler.start()

    def schedule(self):
        next_at = time.monotonic()
        while not self.stop_posting.is_set():
            with self.cond:
                self.queue.append(self.n)
                self.n += 1
                self.cond.notify()
            next_at += 1.0 / self.rate
            self.stop_posting.wait(max(0.0, next_at - time.monotonic()))

    def work(self):
        while True:
            with self.cond:
                while not self.queue and not self.done:
                    self.cond.wait(0.5)
                if not self.queue:
                    return
                i = self.queue.pop(0)
            self.post(i)

    def post(self, i):
        body = json.dumps({"title": f"fault {self.tag} {i}", "type": "MARITIME_INTERDICTION", "targetCountry": COUNTRY,
                           "occurredOn": "2025-09-02", "theater": "INTERNATIONAL_WATERS", "partnerConsent": "NONE",
                           "lethalForce": True, "leadAgency": "DOD", "targetOrganizations": ["Tren de Aragua"]}).encode()
        key = str(uuid.uuid4())
        deadline = time.monotonic() + self.budget
        while time.monotonic() < deadline:
            try:
                status, headers, answer = request("POST", self.port, "/api/actions", body,
                                                  {"Content-Type": "application/json", "Idempotency-Key": key}, timeout=15)
            except OSError:
                time.sleep(0.5)  # refused or reset: the gateway is restarting
                continue
            self.stats.note(status, headers)
            if status == 202:
                with self.stats.lock:
                    self.stats.accepted[json.loads(answer)["id"]] = time.monotonic()
                return
            if status >= 500:
                try:
                    wait = float(headers.get("retry-after", "1"))
                except ValueError:
                    wait = 1.0
                time.sleep(min(max(wait, 0.2), 2.0))  # honour Retry-After, capped so the run stays short
                continue
            with self.stats.lock:
                self.stats.client_errors.append((status, answer[:200]))
            return
        with self.stats.lock:
            self.stats.given_up += 1

    def stop(self, timeout):
        self.stop_posting.set()
        self.scheduler.join()
        with self.cond:
            self.done = True
            self.cond.notify_all()
        end = time.monotonic() + timeout
        for t in self.threads:
            t.join(max(0.0, end - time.monotonic()))


class SseListener(threading.Thread):
    """The live stream, as a browser reads it: reconnects after a drop with Last-Event-ID."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port, self.stopped, self.lock = port, threading.Event(), threading.Lock()
        self.ids_seen, self.duplicate_ids, self.arrivals, self.first_arrival = set(), 0, [], {}
        self.last_id, self.reconnects, self.opened = None, 0, threading.Event()
        # as a browser: wait what the stream's `retry:` asked for before reconnecting (EventSource's own default is ~3 s)
        self.retry = 3.0

    def run(self):
        while not self.stopped.is_set():
            try:
                self.listen()
            except (OSError, http.client.HTTPException, ValueError):
                pass
            if not self.stopped.is_set():
                self.reconnects += 1
                self.stopped.wait(self.retry)

    def listen(self):
        conn = http.client.HTTPConnection(HOST, self.port, timeout=30)
        headers = {"Accept": "text/event-stream", **auth_headers()}
        if self.last_id is not None:
            headers["Last-Event-ID"] = self.last_id
        conn.request("GET", f"/api/stream/scores?country={COUNTRY}", headers=headers)
        r = conn.getresponse()
        if r.status != 200:
            conn.close()
            return
        self.opened.set()
        event_id, data = None, ""
        while not self.stopped.is_set():
            line = r.readline()
            if not line:
                return
            line = line.decode("utf-8", "replace").rstrip("\r\n")
            if line.startswith("id:"):
                event_id = line[3:].strip()
            elif line.startswith("retry:") and line[6:].strip().isdigit():
                self.retry = int(line[6:].strip()) / 1000.0
            elif line.startswith("data:"):
                data += line[5:].strip()
            elif not line:
                if data and event_id is not None:
                    self.event(event_id, data)
                event_id, data = None, ""

    def event(self, event_id, data):
        now = time.monotonic()
        try:
            action_id = json.loads(data).get("actionId")
        except ValueError:
            action_id = None
        with self.lock:
            if event_id in self.ids_seen:
                self.duplicate_ids += 1
            self.ids_seen.add(event_id)
            self.last_id = event_id
            self.arrivals.append(now)
            if action_id:
                self.first_arrival.setdefault(action_id, now)


def wait_until(predicate, timeout, step=0.5):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


# ---- faults: each returns the monotonic time at which the fault was over (process ready again) ----

def restart(stack, name, sig):
    pid = stack.pid(name)
    if pid is None or not alive(pid):
        raise RuntimeError(f"{name} is not running before the fault (a previous fault left it down)")
    os.kill(pid, sig)
    if not wait_until(lambda: not alive(pid), 40, 0.1):
        os.kill(pid, 9)
        wait_until(lambda: not alive(pid), 10, 0.1)
    # bin/balloon up starts what is not running and waits until everything is ready
    up = threading.Thread(target=stack.balloon, args=("up",), kwargs={"check": False}, daemon=True)
    up.start()
    wait_until(lambda: stack.pid(name) not in (None, pid) and stack.ready(name), 180, 0.2)
    back = time.monotonic()
    up.join(300)
    return back


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except OSError:
        return False


def db_terminated(proxy):
    proxy.terminate_all()
    return time.monotonic()


def db_unreachable(proxy, seconds):
    proxy.cut(seconds)
    time.sleep(seconds)
    return time.monotonic()


def faults(stack, proxy):
    table = [("none", lambda: time.monotonic())]
    for name in ("scoring-service", "broker", "events-service", "gateway"):
        table.append((f"kill -9 {name}", lambda n=name: restart(stack, n, 9)))
        table.append((f"SIGTERM {name}", lambda n=name: restart(stack, n, 15)))
    table.append(("database connections terminated once", lambda: db_terminated(proxy)))
    table.append(("database unreachable for 10 s", lambda: db_unreachable(proxy, 10)))
    return table


def run_fault(stack, name, inject, args, run_id):
    tag = f"{run_id}-{len(name)}-{uuid.uuid4().hex[:6]}"
    stats = Stats()
    sse = SseListener(stack.ports["gateway"])
    sse.start()
    if not sse.opened.wait(15):
        raise RuntimeError("the SSE stream did not open")
    posters = Posters(stack, stats, tag, args.rate)
    posters.start()
    time.sleep(args.warmup)
    injected = time.monotonic()
    restored = inject()
    time.sleep(args.after)
    posters.stop(timeout=200)
    accepted = dict(stats.accepted)
    ids = list(accepted)

    def stored_scores():
        if not ids:
            return set()
        rows = stack.sql("select distinct action_id from gateway.scores where action_id in (%s)"
                         % ",".join(f"'{i}'" for i in ids))
        return {r[0] for r in rows}

    scored = set()

    def all_scored():
        scored.clear()
        scored.update(stored_scores())
        return len(scored) == len(ids)
    wait_until(all_scored, args.settle, 2)
    wait_until(lambda: all(a in sse.first_arrival for a in ids), 10, 0.5)
    sse.stopped.set()
    in_events = {r[0] for r in stack.sql("select id from events.policy_action where title like 'fault %s %%'" % tag)}
    dup_actions = stack.sql("select count(*) from (select title from events.policy_action where title like 'fault %s %%' "
                            "group by title having count(*) > 1) d" % tag)[0][0]
    dup_scores = stack.sql("select count(*) from (select action_id, model_version from gateway.scores where action_id in "
                           "(select id from events.policy_action where title like 'fault %s %%') "
                           "group by 1, 2 having count(*) > 1) d" % tag)[0][0] if ids else "0"
    after = [t for a, t in sse.first_arrival.items() if a in accepted and accepted[a] >= injected and t >= restored]
    during = [t for a, t in sse.first_arrival.items() if a in accepted and accepted[a] >= injected and t < restored]
    # the first score after the fault was over; 0 when nothing was waiting then (scores never stopped)
    recovery = min(after) - restored if after else (0.0 if during else None)
    arrivals = sorted(sse.arrivals)
    gap = max((b - a for a, b in zip(arrivals, arrivals[1:])), default=None)
    not_ready = [s for s in ("events-service", "scoring-service", "gateway")
                 if not wait_until(lambda s=s: stack.ready(s), 30, 1)]
    result = {"fault": name, "accepted": len(ids), "lost_actions": len(set(ids) - in_events),
              "lost_scores": len(set(ids) - scored), "dup_scores": int(dup_scores), "dup_actions": int(dup_actions),
              "dup_sse": sse.duplicate_ids, "bad_5xx": stats.bad_5xx, "no_retry_after": stats.no_retry_after,
              "not_problem": stats.not_problem, "given_up": stats.given_up, "client_errors": len(stats.client_errors),
              "recovery": recovery, "gap": gap, "reconnects": sse.reconnects, "not_ready": not_ready,
              "statuses": dict(sorted(stats.statuses.items()))}
    result["ok"] = (result["lost_actions"] == result["lost_scores"] == result["dup_scores"] == result["dup_actions"]
                    == result["dup_sse"] == result["bad_5xx"] == result["no_retry_after"] == result["given_up"]
                    == result["client_errors"] == 0 and not not_ready and result["accepted"] > 0
                    and recovery is not None and recovery <= args.recovery_limit)
    return result


# ---- hostile input ------------------------------------------------------------------------------

def hostile_corpus(marker):
    """(name, method, path, body bytes or None, headers): every one must be refused with 4xx problem+json."""
    def action(**fields):
        a = {"title": f"{marker} ok", "type": "MARITIME_INTERDICTION", "targetCountry": "CO", "occurredOn": "2025-09-02",
             "description": f"{marker}", "targetOrganizations": ["Clan del Golfo"], "sources": ["https://example.org/a"]}
        a.update(fields)
        return a
    raw = lambda a: json.dumps(a).encode()
    json_h = {"Content-Type": "application/json"}
    cases = []
    texts = {"NUL escape": "a\\u0000b", "lone high surrogate": "a\\ud800b", "lone low surrogate": "a\\udc00b",
             "reversed surrogate pair": "a\\udc00\\ud800b"}
    fields = {"title": lambda v: f'"title":"{marker} {v}"', "description": lambda v: f'"description":"{v}"',
              "targetOrganizations": lambda v: f'"targetOrganizations":["{v}"]', "sources": lambda v: f'"sources":["https://x.org/{v}"]'}
    base = '"type":"MARITIME_INTERDICTION","targetCountry":"CO","occurredOn":"2025-09-02"'
    for tname, text in texts.items():
        for fname, field in fields.items():
            title = "" if fname == "title" else f'"title":"{marker} t",'
            body = ("{" + title + field(text) + "," + base + "}").encode()
            for path in ("/api/actions", "/api/score-preview"):
                cases.append((f"{tname} in {fname} to {path}", "POST", path, body, json_h))
    bad_bytes = {"overlong slash C0 AF": b"\xc0\xaf", "overlong E0 80 AF": b"\xe0\x80\xaf", "overlong F0 80 80 AF": b"\xf0\x80\x80\xaf",
                 "encoded surrogate ED A0 80": b"\xed\xa0\x80", "byte FF": b"\xff", "lone continuation 80": b"\x80",
                 "raw NUL": b"\x00", "truncated C3": b"\xc3"}
    for bname, bad in bad_bytes.items():
        for fname in ("title", "description", "targetOrganizations"):
            if fname == "targetOrganizations":
                body = ("{" + f'"title":"{marker} t",' + '"targetOrganizations":["a').encode() + bad + ('"],' + base + "}").encode()
            else:
                prefix = f"{marker} " if fname == "title" else ""
                body = ("{" + ("" if fname == "title" else f'"title":"{marker} t",') + f'"{fname}":"{prefix}a').encode() + bad + \
                       ('",' + base + "}").encode()
            cases.append((f"{bname} in {fname}", "POST", "/api/actions", body, json_h))
        cases.append((f"{bname} in title to preview", "POST", "/api/score-preview",
                      ('{"title":"a').encode() + bad + ('",' + base + "}").encode(), json_h))
    for fname, value in (("fatalities", 1.5), ("fatalities", -1), ("durationMonths", 2.5), ("fatalities", 1e30),
                         ("fatalities", "3"), ("durationMonths", 1.0000001)):
        for path in ("/api/actions", "/api/score-preview"):
            cases.append((f"{fname}={value!r} to {path}", "POST", path, raw(action(**{fname: value})), json_h))
    for path in ("/api/actions", "/api/score-preview", "/api/actions/batch"):
        body = raw(action()) if path != "/api/actions/batch" else raw([action()])
        cases.append((f"no Content-Type to {path}", "POST", path, body, {}))
        cases.append((f"text/plain to {path}", "POST", path, body, {"Content-Type": "text/plain"}))
        cases.append((f"garbage to {path}", "POST", path, os.urandom(4096), json_h))
        cases.append((f"empty body to {path}", "POST", path, b"", json_h))
        cases.append((f"JSON null to {path}", "POST", path, b"null", json_h))
        cases.append((f"deep nesting to {path}", "POST", path, b"[" * 5000 + b"]" * 5000, json_h))
        cases.append((f"truncated JSON to {path}", "POST", path, raw(action())[:40], json_h))
    cases.append(("20 MB to preview", "POST", "/api/score-preview", b"{\"title\":\"" + b"a" * (20 * 1024 * 1024) + b"\"}", json_h))
    cases.append(("20 MB to actions", "POST", "/api/actions", b"{\"title\":\"" + b"a" * (20 * 1024 * 1024) + b"\"}", json_h))
    cases.append(("batch: NDJSON line not UTF-8", "POST", "/api/actions/batch",
                  raw(action(title=f"{marker} n1"))[:-2] + b"\xc0\xaf\"}", {"Content-Type": "application/x-ndjson"}))
    for path, method in (("/api/nothing-here", "GET"), ("/nothing", "GET"), ("/api/actions", "DELETE"), ("/api/actions", "PUT"),
                         ("/api/model", "POST"), ("/api/actions/not-a-uuid", "GET"), ("/api/scores?limit=abc", "GET"),
                         ("/api/stream/scores?minOverall=abc", "GET")):
        cases.append((f"{method} {path}", method, path, b"{}" if method in ("PUT", "POST") else None,
                      json_h if method in ("PUT", "POST") else {}))
    return cases


def run_hostile(stack, run_id):
    marker = f"hostile-{run_id}"
    results, failures = [], []
    for name, method, path, body, headers in hostile_corpus(marker):
        try:
            status, h, answer = request(method, stack.ports["gateway"], path, body, headers, timeout=60)
        except OSError as e:
            status, h, answer = None, {}, str(e).encode()
        ok = status is not None and 400 <= status < 500 and h.get("content-type", "").startswith("application/problem+json")
        if path == "/api/actions/batch" and status == 200:
            # a batch answers 200 with per-item results: its items must all be rejected
            try:
                ok = json.loads(answer).get("accepted") == 0
            except ValueError:
                ok = False
        results.append((name, status))
        if not ok:
            failures.append(f"{name}: {status} {h.get('content-type')} {answer[:160]!r}")
    stored = int(stack.sql(f"select count(*) from events.policy_action where title like '{marker}%' "
                           f"or payload like '%{marker}%'")[0][0])
    return {"requests": len(results), "5xx": sum(1 for _, s in results if s is not None and s >= 500),
            "failures": failures, "stored": stored}


def run_slow_bodies(stack, connections, seconds):
    """Slow clients trickle a body at 1 byte/s; meanwhile normal requests must keep being answered."""
    port = stack.ports["gateway"]
    socks, stop = [], threading.Event()
    for _ in range(connections):
        s = socket.create_connection((HOST, port), timeout=5)
        s.sendall(b"POST /api/actions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n"
                  + b"".join(f"{k}: {v}\r\n".encode() for k, v in auth_headers().items()) + b"\r\n{")
        socks.append(s)
    closed_by_server = [None] * connections

    def trickle():
        start = time.monotonic()
        while not stop.is_set() and time.monotonic() - start < seconds:
            for i, s in enumerate(socks):
                if closed_by_server[i] is None:
                    try:
                        s.sendall(b" ")
                    except OSError:
                        closed_by_server[i] = time.monotonic() - start
            stop.wait(1.0)
    t = threading.Thread(target=trickle, daemon=True)
    t.start()
    time.sleep(2)
    latencies, failures = [], 0
    body = json.dumps({"title": "slow-body probe", "type": "MARITIME_INTERDICTION", "targetCountry": "CO",
                       "occurredOn": "2025-09-02"}).encode()
    for i in range(20):
        for method, path, b, h in (("GET", "/q/health/ready", None, {}), ("GET", "/api/actions?limit=1", None, {}),
                                   ("POST", "/api/actions", body, {"Content-Type": "application/json"})):
            t0 = time.monotonic()
            try:
                status = request(method, port, path, b, h, timeout=10)[0]
                latencies.append(time.monotonic() - t0)
                failures += status >= 500
            except OSError:
                failures += 1
                latencies.append(10.0)
        time.sleep(0.5)
    t.join(seconds + 5)
    stop.set()
    for s in socks:
        s.close()
    dropped = [c for c in closed_by_server if c is not None]
    return {"connections": connections, "probes": len(latencies), "probe_failures": failures,
            "probe_max": max(latencies), "probe_p50": sorted(latencies)[len(latencies) // 2],
            "closed_by_server": len(dropped), "closed_after": (min(dropped), max(dropped)) if dropped else None}


# ---- report -------------------------------------------------------------------------------------

def fmt(v, unit=""):
    if v is None:
        return "never"
    return f"{v:.1f}{unit}" if isinstance(v, float) else str(v)


def report(results, hostile, slow, args, started, elapsed):
    lines = ["| fault | accepted | lost actions / scores | duplicate scores / actions / SSE ids | 5xx other than 503 "
             "| 503 without Retry-After | fault over -> first new score | longest SSE gap | not ready after | holds |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['fault']} | {r['accepted']} | {r['lost_actions']} / {r['lost_scores']} | "
                     f"{r['dup_scores']} / {r['dup_actions']} / {r['dup_sse']} | {r['bad_5xx']} | {r['no_retry_after']} | "
                     f"{fmt(r['recovery'], ' s')} | {fmt(r['gap'], ' s')} | {', '.join(r['not_ready']) or '-'} | "
                     f"{'yes' if r['ok'] else '**no**'} |")
    out = ["## Faults", "", *lines, ""]
    out.append("Statuses the clients saw, per fault: " + "; ".join(
        f"{r['fault']}: " + ", ".join(f"{k}×{v}" for k, v in r["statuses"].items()) for r in results) + ".")
    if hostile:
        out += ["", "## Hostile input", "",
                f"{hostile['requests']} requests, {hostile['5xx']} answered 5xx, {len(hostile['failures'])} not refused with "
                f"4xx problem+json, {hostile['stored']} stored rows from them."]
        out += [f"- {f}" for f in hostile["failures"]]
    if slow:
        closed = ("none within the run" if not slow["closed_after"] else
                  f"{slow['closed_by_server']} after {slow['closed_after'][0]:.0f}-{slow['closed_after'][1]:.0f} s")
        out += ["", "## Slow request bodies", "",
                f"{slow['connections']} connections sending a body at 1 byte/s; meanwhile {slow['probes']} normal requests "
                f"(readiness, a list, a submission): {slow['probe_failures']} failed, median {slow['probe_p50']:.2f} s, "
                f"slowest {slow['probe_max']:.2f} s. Slow connections closed by the server: {closed}."]
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fast", action="store_true", help="only kill -9 of the scoring-service and the 10 s database outage")
    ap.add_argument("--only", nargs="*", help="faults whose name contains one of these words")
    ap.add_argument("--rate", type=float, default=20, help="actions per second")
    ap.add_argument("--warmup", type=float, default=5)
    ap.add_argument("--after", type=float, default=10, help="seconds of posting after the fault is over")
    ap.add_argument("--settle", type=float, default=120, help="seconds to wait for the last scores")
    ap.add_argument("--recovery-limit", type=float, default=5)
    ap.add_argument("--no-hostile", action="store_true")
    ap.add_argument("--slow-connections", type=int, default=200)
    ap.add_argument("--slow-seconds", type=int, default=45)
    ap.add_argument("--doc", help="write the report into this Markdown file (e.g. docs/reliability.md)")
    ap.add_argument("--keep", action="store_true", help="leave the stack running")
    args = ap.parse_args()

    proxy = PgProxy(int(os.environ.get("BALLOON_DB_REAL_PORT", "5432")))
    proxy.start()
    stack = Stack(proxy)
    os.makedirs(stack.run_dir, exist_ok=True)
    run_id = datetime.datetime.now().strftime("%H%M%S")
    started, t0 = datetime.datetime.now(datetime.timezone.utc), time.monotonic()
    print(f"faults: starting a stack (gateway :{stack.ports['gateway']}, database {stack.db_name} via proxy :{proxy.port})")
    stack.balloon("up")
    # every restart starts the binaries of this first start, whatever happens to the sources meanwhile
    stack.env["BALLOON_BUILD"] = "never"
    if not os.environ.get("BALLOON_TOKEN"):
        # a token signed by the stack's own key pair (admin: posts, reads and streams)
        os.environ["BALLOON_TOKEN"] = subprocess.run(
            [os.path.join(ROOT, "bin", "balloon"), "token", "--role", "admin", "--name", "faults", "--ttl", "1d"],
            env=stack.env, capture_output=True, text=True, timeout=300, check=True).stdout.strip()
    results, hostile, slow = [], None, None
    try:
        selected = faults(stack, proxy)
        if args.fast:
            selected = [f for f in selected if f[0] in ("kill -9 scoring-service", "database unreachable for 10 s")]
        if args.only:
            selected = [f for f in selected if any(w in f[0] for w in args.only)]
        # one unrecorded round first: the table measures faults, not a cold stack's first seconds
        # (class loading and compilation made the first action of a fresh stack take 8 s on a loaded machine)
        print("faults: warming the stack up ...", flush=True)
        warm = run_fault(stack, "warm-up", lambda: time.monotonic(), args, run_id)
        print(f"faults: warm-up: {json.dumps(warm)}", flush=True)
        for name, inject in selected:
            LOADS.append(os.getloadavg()[0])
            print(f"faults: {name} ... (load average {LOADS[-1]:.1f})", flush=True)
            try:
                r = run_fault(stack, name, inject, args, run_id)
            except RuntimeError as e:
                # a fault that cannot even be injected is a failed row, not the end of the run
                r = {"fault": name, "accepted": 0, "lost_actions": "-", "lost_scores": "-", "dup_scores": "-",
                     "dup_actions": "-", "dup_sse": "-", "bad_5xx": "-", "no_retry_after": "-", "recovery": None,
                     "gap": None, "not_ready": [str(e)], "statuses": {}, "ok": False}
                stack.balloon("up", check=False)
            results.append(r)
            print(f"faults: {name}: {json.dumps(r)}", flush=True)
        if not args.no_hostile:
            print("faults: hostile input ...", flush=True)
            hostile = run_hostile(stack, run_id)
            print(f"faults: hostile input: {json.dumps(hostile)}", flush=True)
            if args.slow_connections:
                print("faults: slow bodies ...", flush=True)
                slow = run_slow_bodies(stack, args.slow_connections, args.slow_seconds)
                print(f"faults: slow bodies: {json.dumps(slow)}", flush=True)
    finally:
        if not args.keep:
            stack.balloon("down", check=False)
        proxy.stopped.set()
    text = report(results, hostile, slow, args, started, time.monotonic() - t0)
    print(text)
    if args.doc:
        write_doc(args.doc, text, started, time.monotonic() - t0, LOADS)
    ok = all(r["ok"] for r in results) and (hostile is None or (not hostile["failures"] and hostile["stored"] == 0))
    ok = ok and (slow is None or slow["probe_failures"] == 0)
    sys.exit(0 if ok else 1)


def write_doc(path, text, started, elapsed, loads):
    command = "bin/balloon faults " + " ".join(sys.argv[1:])
    loads = loads or [os.getloadavg()[0]]
    commit = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty"], capture_output=True, text=True).stdout.strip()
    head = f"""# Reliability: the fault suite

Measured by `faults/suite.py` (`{command.strip()}`) at commit {commit or 'unknown'} on
{started.strftime('%Y-%m-%d %H:%M UTC')}, {platform.machine()}, {os.cpu_count()} cores shared with other work, in
{elapsed / 60:.0f} minutes; load average (1 min) {min(loads):.1f} to {max(loads):.1f} during the run (sampled per fault).
The suite starts its own stack with
`bin/balloon` (own ports, own database, PostgreSQL reached through a TCP proxy the suite owns), posts actions at a
steady rate with an `Idempotency-Key` each and bounded retries (503 after `Retry-After`, connection errors, other
5xx), listens to the SSE stream (resuming with `Last-Event-ID`), injects each fault after a warm-up, restarts the
process with `bin/balloon up`, and then waits for every accepted action's stored score.

Columns: *lost actions* = 202 answered but not in events-service's table; *lost scores* = accepted but no stored
score at the end; *duplicates* = the same (action, model version) stored twice / the same title stored twice / the
same SSE id delivered twice; *fault over* = the restarted process ready (or the database back); *first new score* =
the first score, on the SSE stream, after the fault was over, of an action accepted after the fault began (for
`none`: the first action's end-to-end latency); *longest SSE gap* = the longest silence of the stream in the run;
*holds* = every count 0, recovery within 5 s, every service ready at the end.

"""
    with open(path, "w") as f:
        f.write(head + text + "\n")


if __name__ == "__main__":
    main()
