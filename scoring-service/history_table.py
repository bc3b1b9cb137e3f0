#!/usr/bin/env python3
"""Prints the README's "History" table from a running stack (issue 14): for five threads of the
shipped record, the first and the latest action, their scores, and the history factors of the latest.

    python3 scoring-service/history_table.py [GATEWAY_URL]    # default http://127.0.0.1:$BALLOON_GATEWAY_PORT or 8080

Reads with a viewer token from `bin/balloon token` (same environment as the stack). Standard library only.
"""
import json
import os
import subprocess
import sys
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HISTORY_RULES = ("FR-11", "DI-12", "DI-13", "DU-10", "SF-13", "BA-10", "PI-10")
THREADS = [
    ("Sinaloa Cartel", lambda a: "Sinaloa Cartel" in (a.get("targetOrganizations") or [])),
    ("Colombia", lambda a: a["targetCountry"] == "CO"),
    ("Venezuela", lambda a: a["targetCountry"] == "VE"),
    ("Afghanistan", lambda a: a["targetCountry"] == "AF"),
    ("Honduras", lambda a: a["targetCountry"] == "HN"),
]


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:" + os.environ.get("BALLOON_GATEWAY_PORT", "8080")
    token = subprocess.check_output([os.path.join(ROOT, "bin", "balloon"), "token", "--role", "viewer",
                                     "--name", "history-table"]).decode().strip()

    def get(path):
        req = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
        with urllib.request.urlopen(req, timeout=20) as r:
            return json.load(r)

    actions, page = [], None
    while True:
        d = get("/api/actions?size=100" + ("&pageToken=" + page if page else ""))
        actions += d["items"]
        page = d.get("nextPageToken")
        if not page:
            break
    print("| thread | actions | first | score | latest | score | history factors of the latest |")
    print("|---|---|---|---|---|---|---|")
    for label, keep in THREADS:
        thread = sorted((a for a in actions if keep(a)), key=lambda a: (a["occurredOn"], a["title"], a["id"]))
        if not thread:
            continue
        first, latest = (get("/api/actions/" + a["id"]) for a in (thread[0], thread[-1]))
        moved = [f"{f['rule']} +{f['points']}" for c in latest["score"]["criteria"] for f in c["factors"]
                 if f["rule"] in HISTORY_RULES]

        def cell(v):
            return f"{v['action']['occurredOn']} {v['action']['title'][:60]}"

        print(f"| {label} | {len(thread)} | {cell(first)} | {first['score']['overall']} {first['score']['band']} "
              f"| {cell(latest)} | {latest['score']['overall']} {latest['score']['band']} | {', '.join(moved) or 'none'} |")


if __name__ == "__main__":
    main()
