#!/usr/bin/env python3
"""Imports policy actions into a running Balloon stack through the public batch API.

    bin/balloon import FILE [--url http://127.0.0.1:8080] [--chunk 100] [--quiet]

FILE is NDJSON (one PolicyAction submission per line) or CSV (a header row of contract field names;
list fields - agencies, targetOrganizations, substances, sources - separated by "|"; an empty cell
is "not stated"). Lines go to POST /api/actions/batch as NDJSON, in chunks.

Idempotency. The batch API takes no Idempotency-Key (issue 12: a batch with one is refused), so
the importer makes imports idempotent itself. Before posting, the importer lists what the stack already holds (retracted actions included) and
skips every line whose identity - targetCountry, occurredOn and title - is already there, so a second
import of the same file stores nothing, whatever the key retention. A chunk that fails on the network
or with 503 is retried after the same check, never blindly.

Writes a progress bar to stderr and a summary to stdout: accepted, already present, rejected with
the problems per line. Exit status 0 when nothing was rejected, 1 otherwise, 2 on a usage or
connection error. Requests carry `Authorization: Bearer $BALLOON_TOKEN` (bin/balloon import mints one).
"""
import argparse, csv, http.client, io, json, os, sys, time, urllib.parse

LIST_FIELDS = {"agencies", "targetOrganizations", "substances", "sources"}
INT_FIELDS = {"fatalities", "durationMonths"}
FLOAT_FIELDS = {"demandSideShare", "budgetUsd"}
BOOL_FIELDS = {"lethalForce", "civilianHarmReported", "alternativeLivelihoods", "partnerInformedBeforehand"}


class UsageError(Exception):
    pass


def identity(action):
    return (str(action.get("targetCountry", "")).strip().upper(), str(action.get("occurredOn", "")).strip(),
            str(action.get("title", "")).strip())


def read_file(path):
    """(line number, action or None, parse problem or None) per non-blank line of the file."""
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    if path.lower().endswith(".csv"):
        return read_csv(text)
    out = []
    for n, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
            if not isinstance(value, dict):
                raise ValueError("not a JSON object")
            out.append((n, value, None))
        except ValueError as e:
            out.append((n, None, f"not a JSON object: {e}"))
    return out


def read_csv(text):
    rows = csv.reader(io.StringIO(text))
    header = next(rows, None)
    if not header:
        raise UsageError("the CSV file has no header row")
    header = [h.strip() for h in header]
    out = []
    for n, row in enumerate(rows, start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            out.append((n, None, f"{len(row)} cells for {len(header)} columns"))
            continue
        action, problem = {}, None
        for name, cell in zip(header, row):
            cell = cell.strip()
            if cell == "":
                continue  # not stated
            try:
                if name in LIST_FIELDS:
                    action[name] = [p.strip() for p in cell.split("|") if p.strip()]
                elif name in INT_FIELDS:
                    action[name] = int(cell)
                elif name in FLOAT_FIELDS:
                    action[name] = float(cell)
                elif name in BOOL_FIELDS:
                    if cell.lower() not in ("true", "false"):
                        raise ValueError("must be true or false")
                    action[name] = cell.lower() == "true"
                else:
                    action[name] = cell
            except ValueError as e:
                problem = f"{name}: {e}"
                break
        out.append((n, None, problem) if problem else (n, action, None))
    return out


class Api:
    def __init__(self, url, token, timeout=30):
        parsed = urllib.parse.urlsplit(url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise UsageError(f"--url must be http(s)://host:port, not {url}")
        self.https = parsed.scheme == "https"
        self.host, self.port = parsed.hostname, parsed.port or (443 if self.https else 80)
        self.base = parsed.path.rstrip("/")
        self.token, self.timeout = token, timeout

    def request(self, method, path, body=None, headers=None):
        conn_type = http.client.HTTPSConnection if self.https else http.client.HTTPConnection
        conn = conn_type(self.host, self.port, timeout=self.timeout)
        try:
            h = {"Accept": "application/json"}
            if self.token:
                h["Authorization"] = "Bearer " + self.token
            h.update(headers or {})
            conn.request(method, self.base + path, body=body, headers=h)
            resp = conn.getresponse()
            data = resp.read()
            return resp.status, dict(resp.getheaders()), data
        finally:
            conn.close()

    def present(self):
        """The identities of every action the stack holds, retracted ones included (listed by pages)."""
        seen, token = set(), None
        while True:
            q = {"limit": "200", "includeRetracted": "true"}
            if token:
                q["pageToken"] = token
            status, _, data = self.request("GET", "/api/actions?" + urllib.parse.urlencode(q))
            if status != 200:
                raise ConnectionError(f"GET /api/actions answered {status}: {data[:300].decode('utf-8', 'replace')}")
            page = json.loads(data)
            for item in page.get("items", []):
                action = item.get("action", item)
                seen.add(identity(action))
            token = page.get("nextPageToken")
            if not token:
                return seen


def progress(done, total, quiet):
    if quiet or total == 0:
        return
    width = 30
    filled = int(width * done / total)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def post_chunk(api, chunk):
    """Posts (line, action) pairs as one NDJSON batch; returns the parsed per-item results."""
    body = "".join(json.dumps(a, ensure_ascii=False, separators=(",", ":")) + "\n" for _, a in chunk).encode("utf-8")
    status, headers, data = api.request("POST", "/api/actions/batch", body, {"Content-Type": "application/x-ndjson"})
    if status == 503 or status >= 500:
        retry = headers.get("Retry-After", headers.get("retry-after", "1"))
        raise ConnectionError(f"batch answered {status} (Retry-After {retry})")
    if status != 200:
        raise UsageError(f"batch answered {status}: {data[:500].decode('utf-8', 'replace')}")
    return json.loads(data)


def run(args, out=sys.stdout):
    entries = read_file(args.file)
    api = Api(args.url, os.environ.get("BALLOON_TOKEN"))
    rejected, accepted, present_count = [], 0, 0
    to_send = []
    for n, action, problem in entries:
        if problem:
            rejected.append((n, [{"field": "$", "message": problem}]))
        else:
            to_send.append((n, action))
    # the same line twice in the file is sent once
    seen_in_file, unique = set(), []
    for n, action in to_send:
        if identity(action) in seen_in_file:
            present_count += 1
            continue
        seen_in_file.add(identity(action))
        unique.append((n, action))
    total = len(entries)
    done = len(rejected) + present_count
    pending = unique
    attempts = 0
    while pending:
        held = api.present()
        fresh = []
        for n, action in pending:
            if identity(action) in held:
                present_count += 1
                done += 1
            else:
                fresh.append((n, action))
        progress(done, total, args.quiet)
        pending = []
        for start in range(0, len(fresh), args.chunk):
            chunk = fresh[start:start + args.chunk]
            try:
                result = post_chunk(api, chunk)
            except (ConnectionError, OSError) as e:
                attempts += 1
                if attempts > 5:
                    raise ConnectionError(f"giving up after {attempts} failed batches: {e}")
                time.sleep(min(2 ** attempts, 10))
                pending = fresh[start:]  # re-check what arrived before sending again
                break
            for item in result.get("results", []):
                n = chunk[item["index"]][0]
                if item.get("id"):
                    accepted += 1
                else:
                    rejected.append((n, item.get("problems", [])))
                done += 1
            progress(done, total, args.quiet)
    summary = {"file": args.file, "lines": total, "accepted": accepted, "alreadyPresent": present_count,
               "rejected": len(rejected),
               "rejections": [{"line": n, "problems": p} for n, p in sorted(rejected, key=lambda r: r[0])]}
    if args.json:
        out.write(json.dumps(summary, ensure_ascii=False) + "\n")
    else:
        out.write(f"{args.file}: {total} lines, {accepted} accepted, {present_count} already present, "
                  f"{len(rejected)} rejected\n")
        for r in summary["rejections"]:
            n, problems = r["line"], r["problems"]
            text = "; ".join(f"{p.get('field', '?')}: {p.get('message', '')}" for p in problems) or "rejected"
            out.write(f"  line {n}: {text}\n")
    return 0 if not rejected else 1


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("file")
    p.add_argument("--url", default=os.environ.get("BALLOON_URL",
                                                   f"http://127.0.0.1:{os.environ.get('BALLOON_GATEWAY_PORT', '8080')}"))
    p.add_argument("--chunk", type=int, default=100, help="lines per batch request (default 100)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--json", action="store_true", help="the summary as one JSON object")
    args = p.parse_args(argv)
    if args.chunk < 1 or args.chunk > 10000:
        p.error("--chunk must be 1-10000")
    try:
        return run(args)
    except UsageError as e:
        print(f"import: {e}", file=sys.stderr)
        return 2
    except (ConnectionError, OSError) as e:
        print(f"import: cannot reach the stack at {args.url}: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
