#!/usr/bin/env python3
"""End-to-end benchmark of a running Balloon stack (bin/balloon up): how fast actions are taken
in, and how long an action takes from the gateway's 202 to its score on the SSE stream.

    python3 bench/e2e.py [--base http://127.0.0.1:8080] [--batch 2000] [--singles 200]

1. Opens GET /api/stream/scores (filtered to a country the run picks, so other traffic does not
   count), then posts --singles actions one by one and records, per action, the time from the
   202 to the arrival of its score on the stream: latency p50/p95/p99/max.
2. Posts --batch actions in one NDJSON request to /api/actions/batch and records the intake rate
   (accepted actions per second of the request) and the end-to-end rate (actions per second from
   the request's start until the last of their scores arrived on the stream).
Only loopback addresses are meant; every loop is bounded by count and time.
"""
import argparse, http.client, json, statistics, threading, time, urllib.parse, urllib.request, uuid

def post(base, path, body, ctype="application/json", timeout=120):
    req = urllib.request.Request(base + path, data=body, method="POST",
                                 headers={"Content-Type": ctype, "Accept": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, json.loads(r.read().decode() or "null")

def action(country, i):
    return {"title": f"bench {i}", "type": "MARITIME_INTERDICTION", "targetCountry": country,
            "occurredOn": "2025-09-02", "theater": "INTERNATIONAL_WATERS", "partnerConsent": "NONE",
            "lethalForce": True, "leadAgency": "DOD", "targetOrganizations": ["Tren de Aragua"]}

class Stream(threading.Thread):
    """Reads the SSE stream and notes when each action id's score arrives."""
    def __init__(self, base, country):
        super().__init__(daemon=True)
        u = urllib.parse.urlparse(base)
        self.conn = http.client.HTTPConnection(u.hostname, u.port or 80, timeout=600)
        self.path = f"/api/stream/scores?country={country}"
        self.arrived, self.lock, self.open = {}, threading.Lock(), threading.Event()
    def run(self):
        self.conn.request("GET", self.path, headers={"Accept": "text/event-stream"})
        resp = self.conn.getresponse()
        self.open.set()
        data = ""
        while True:
            line = resp.readline()
            if not line:
                return
            line = line.decode().rstrip("\r\n")
            if line.startswith("data:"):
                data += line[5:].strip()
            elif not line and data:
                try:
                    aid = json.loads(data).get("actionId")
                except ValueError:
                    aid = None
                if aid:
                    with self.lock:
                        self.arrived.setdefault(aid, time.perf_counter())
                data = ""
    def wait_for(self, ids, timeout):
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            with self.lock:
                if all(i in self.arrived for i in ids):
                    return True
            time.sleep(0.005)
        return False

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="http://127.0.0.1:8080")
    ap.add_argument("--batch", type=int, default=2000)
    ap.add_argument("--singles", type=int, default=200)
    ap.add_argument("--country", default="GT")
    a = ap.parse_args()
    stream = Stream(a.base, a.country)
    stream.start()
    if not stream.open.wait(10):
        raise SystemExit("SSE stream did not open")

    latencies = []
    for i in range(a.singles):
        status, body = post(a.base, "/api/actions", json.dumps(action(a.country, i)).encode())
        t0 = time.perf_counter()
        if status != 202:
            raise SystemExit(f"POST /api/actions answered {status}")
        if not stream.wait_for([body["id"]], 30):
            raise SystemExit(f"no score for {body['id']} within 30 s")
        latencies.append((stream.arrived[body["id"]] - t0) * 1000)
    if latencies:
        print(f"single actions: {len(latencies)}, 202-to-score-on-stream latency ms: "
              f"p50 {pct(latencies, 50):.1f}  p95 {pct(latencies, 95):.1f}  p99 {pct(latencies, 99):.1f}  max {max(latencies):.1f}")

    if a.batch:
        lines = "\n".join(json.dumps(action(a.country, f"b{i}")) for i in range(a.batch)) + "\n"
        t0 = time.perf_counter()
        status, body = post(a.base, "/api/actions/batch", lines.encode(), "application/x-ndjson", timeout=600)
        t1 = time.perf_counter()
        ids = [r["id"] for r in body.get("results", []) if r.get("id")]
        if len(ids) != a.batch:
            raise SystemExit(f"batch accepted {len(ids)} of {a.batch} ({status})")
        if not stream.wait_for(ids, 600):
            raise SystemExit("not every batch action was scored within 600 s")
        last = max(stream.arrived[i] for i in ids)
        print(f"batch of {a.batch}: intake {a.batch / (t1 - t0):.0f} actions/s ({(t1 - t0):.2f} s for the request), "
              f"end to end {a.batch / (last - t0):.0f} actions/s (last score {(last - t0):.2f} s after the request began)")

if __name__ == "__main__":
    main()
