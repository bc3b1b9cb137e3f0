#!/usr/bin/env bash
# The alerts and the dashboard of deploy/k8s/components/monitoring, checked with promtool:
#  1. `promtool check rules` on the PrometheusRule's groups (extracted to a plain rule file);
#  2. `promtool test rules` with tests/alerts.test.yaml: each alert fires on synthetic series that
#     should fire it and stays silent on those that should not;
#  3. every PromQL expression of the Grafana dashboard parses (wrapped as recording rules, its
#     template variables replaced), and every panel queries the ${datasource} variable.
# promtool comes from Debian's `prometheus` package. When it is not on the PATH, the package is
# fetched with `apt-get download` and unpacked under .ci/tools/prometheus (git-ignored): no
# daemon is installed or started, nothing outside the work tree changes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mon=$root/deploy/k8s/components/monitoring
tools=${BALLOON_PROMTOOL_DIR:-$root/.ci/tools/prometheus}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

PROMTOOL=$(command -v promtool || true)
if [ -z "$PROMTOOL" ]; then
  PROMTOOL=$tools/usr/bin/promtool
  if [ ! -x "$PROMTOOL" ]; then
    echo "promtool not found: unpacking Debian's prometheus package under $tools"
    apt-get update -qq >/dev/null 2>&1 || true
    (cd "$work" && apt-get download -qq prometheus >/dev/null 2>&1) \
      || { apt-get update -qq >/dev/null && (cd "$work" && apt-get download -qq prometheus); }
    mkdir -p "$tools"
    dpkg-deb -x "$work"/prometheus_*.deb "$tools"
  fi
fi
"$PROMTOOL" --version 2>&1 | head -1

PY=python3
"$PY" -c 'import yaml' 2>/dev/null || { apt-get install -y -qq python3-yaml >/dev/null; PY=/usr/bin/python3; }

"$PY" - "$mon" "$work" <<'PYEOF'
import json, re, sys, yaml
mon, work = sys.argv[1], sys.argv[2]
rule = yaml.safe_load(open(f"{mon}/prometheus-rules.yaml"))
assert rule["kind"] == "PrometheusRule", rule["kind"]
yaml.safe_dump({"groups": rule["spec"]["groups"]}, open(f"{work}/balloon.rules.yaml", "w"), sort_keys=False)

dash = json.load(open(f"{mon}/grafana-dashboard.json"))
assert dash.get("uid"), "the dashboard needs a uid"
rules, problems = [], []
for p in dash["panels"]:
    for t in p.get("targets", []):
        if p.get("datasource", {}).get("uid") != "${datasource}":
            problems.append(f"panel {p['title']!r} does not use the ${{datasource}} variable")
        expr = t["expr"].replace("$__rate_interval", "5m").replace("$namespace", "balloon")
        if "$" in expr:
            problems.append(f"panel {p['title']!r}: unknown variable in {t['expr']}")
        rules.append({"record": f"dashboard:panel{p['id']}:{t['refId']}", "expr": expr})
if problems:
    sys.exit("\n".join(problems))
yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}, open(f"{work}/dashboard.rules.yaml", "w"), sort_keys=False)
print(f"dashboard: {len(rules)} expressions in {len(dash['panels'])} panels")
PYEOF

cp "$mon/tests/alerts.test.yaml" "$work/"
echo "== promtool check rules (alerts)"
"$PROMTOOL" check rules "$work/balloon.rules.yaml"
echo "== promtool test rules"
(cd "$work" && "$PROMTOOL" test rules alerts.test.yaml)
echo "== promtool check rules (dashboard expressions)"
"$PROMTOOL" check rules "$work/dashboard.rules.yaml"
