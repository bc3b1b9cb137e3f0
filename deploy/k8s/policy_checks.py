#!/usr/bin/env python3
"""Deployment rules the JSON schemas cannot express, checked on rendered overlays.

  policy_checks.py OVERLAY_NAME RENDERED.yaml

Every overlay: each Deployment/StatefulSet container has readiness+liveness(+startup for the
Balloon services) probes, resource requests and limits, runs non-root without privilege
escalation, read-only root filesystem, all capabilities dropped, seccomp RuntimeDefault.
Balloon services run as uid 185 and mount an emptyDir on /tmp.
prod: topics replicated 3 with min.insync.replicas 2; scoring-service >= 3 replicas, HPA
minReplicas >= 3; partitions of balloon.policy-actions.v1 >= every autoscaler's max replicas;
Strimzi KRaft annotations present; a KEDA ScaledObject on consumer group balloon-scoring;
Kafka with SCRAM-SHA-512 or mTLS on every listener and `authorization: simple`; one KafkaUser
per service whose ACLs stay within what the service does (KAFKA_ACCESS below).
Prints one line per rule broken and "N passed, M failed"; exits 1 when any rule is broken.

  policy_checks.py --kafka-users FILE.yaml   only the KafkaUser ACL rules (for the negative fixtures)
"""
import sys

import yaml

SERVICES = {"events-service", "scoring-service", "gateway"}

# What each Kafka user may do: (resource type, name, pattern type) -> allowed operations.
# events-service writes actions; scoring reads actions, writes scores and the DLQ; the gateway
# reads scores; KEDA only describes the scoring group's lag.
ACTIONS, SCORES, DLQ = "balloon.policy-actions.v1", "balloon.action-scores.v1", "balloon.policy-actions.v1.dlq"
KAFKA_ACCESS = {
    "events-service": {("topic", ACTIONS, "literal"): {"Write", "Describe"}},
    "scoring-service": {("topic", ACTIONS, "literal"): {"Read", "Describe"},
                        ("group", "balloon-scoring", "prefix"): {"Read", "Describe"},
                        ("topic", SCORES, "literal"): {"Write", "Describe"},
                        ("topic", DLQ, "literal"): {"Write", "Describe"},
                        # Kafka Streams' internal topics (history stage: repartition + changelogs)
                        ("topic", "balloon-scoring-", "prefix"): {"Create", "Describe", "DescribeConfigs",
                                                                  "Read", "Write", "Delete"}},
    "gateway": {("topic", SCORES, "literal"): {"Read", "Describe"},
                ("group", "balloon-gateway", "prefix"): {"Read", "Describe"}},
    "keda-scoring-lag": {("topic", ACTIONS, "literal"): {"Describe"},
                         ("group", "balloon-scoring", "literal"): {"Describe"}},
}


def kafka_user_rules(users, rule):
    """Every ACL of every KafkaUser is one its user is allowed, and nothing is granted to all."""
    for u in users:
        name = u["metadata"]["name"]
        allowed = KAFKA_ACCESS.get(name)
        rule(allowed is not None, f"KafkaUser/{name}: a known Balloon client")
        spec = u.get("spec") or {}
        rule((spec.get("authentication") or {}).get("type") in ("scram-sha-512", "tls"),
             f"KafkaUser/{name}: SCRAM-SHA-512 or TLS authentication")
        acls = ((spec.get("authorization") or {}).get("acls")) or []
        rule(acls, f"KafkaUser/{name}: has ACLs")
        for acl in acls:
            res = acl.get("resource") or {}
            key = (res.get("type"), res.get("name", "*"), res.get("patternType", "literal"))
            ops = set(acl.get("operations") or ([acl["operation"]] if acl.get("operation") else []))
            ok = allowed is not None and key in allowed and ops <= allowed[key] and "All" not in ops \
                and acl.get("type", "allow") == "allow"
            rule(ok, f"KafkaUser/{name}: {sorted(ops)} on {key[0]} {key[1]} ({key[2]}) is within what it needs")


def main(overlay, path):
    docs = [d for d in yaml.safe_load_all(open(path)) if d]
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d["kind"], []).append(d)
    results = []

    def rule(ok, what):
        results.append((bool(ok), what))

    for w in by_kind.get("Deployment", []) + by_kind.get("StatefulSet", []):
        name = w["metadata"]["name"]
        pod = w["spec"]["template"]["spec"]
        psc = pod.get("securityContext") or {}
        for c in pod["containers"]:
            csc = c.get("securityContext") or {}
            who = f"{w['kind']}/{name}/{c['name']}"
            rule(c.get("readinessProbe") and c.get("livenessProbe"), f"{who}: readiness and liveness probes")
            res = c.get("resources") or {}
            rule(res.get("requests") and res.get("limits") and res["limits"].get("memory"),
                 f"{who}: resource requests and memory limit")
            rule(csc.get("runAsNonRoot", psc.get("runAsNonRoot")) is True, f"{who}: runAsNonRoot")
            rule(csc.get("allowPrivilegeEscalation") is False, f"{who}: allowPrivilegeEscalation false")
            rule(csc.get("readOnlyRootFilesystem") is True, f"{who}: readOnlyRootFilesystem")
            rule("ALL" in ((csc.get("capabilities") or {}).get("drop") or []), f"{who}: drop ALL capabilities")
            seccomp = (csc.get("seccompProfile") or psc.get("seccompProfile") or {}).get("type")
            rule(seccomp == "RuntimeDefault", f"{who}: seccomp RuntimeDefault")
            if name in SERVICES:
                probes = {k: (c.get(k) or {}).get("httpGet", {}).get("path")
                          for k in ("startupProbe", "livenessProbe", "readinessProbe")}
                rule(probes == {"startupProbe": "/q/health/started", "livenessProbe": "/q/health/live",
                                "readinessProbe": "/q/health/ready"}, f"{who}: probes on /q/health/started|live|ready")
                rule(csc.get("runAsUser", psc.get("runAsUser")) == 185, f"{who}: runAsUser 185")
                tmp_vols = {m["name"] for m in c.get("volumeMounts", []) if m["mountPath"] == "/tmp"}
                rule(any(v["name"] in tmp_vols and "emptyDir" in v for v in pod.get("volumes", [])),
                     f"{who}: emptyDir on /tmp")
    deployments = {d["metadata"]["name"] for d in by_kind.get("Deployment", [])}
    rule(SERVICES <= deployments, f"{overlay}: Deployments for {sorted(SERVICES)}")
    for k in ("Service", "PodDisruptionBudget", "NetworkPolicy", "Ingress", "HorizontalPodAutoscaler",
              "Kafka", "KafkaNodePool", "KafkaTopic"):
        rule(by_kind.get(k), f"{overlay}: has {k}")
    for k in by_kind.get("Kafka", []):
        ann = k["metadata"].get("annotations") or {}
        rule(ann.get("strimzi.io/kraft") == "enabled" and ann.get("strimzi.io/node-pools") == "enabled",
             f"Kafka/{k['metadata']['name']}: KRaft and node-pools annotations")
    topics = {t["spec"].get("topicName", t["metadata"]["name"]): t["spec"] for t in by_kind.get("KafkaTopic", [])}
    rule(set(topics) == {"balloon.policy-actions.v1", "balloon.action-scores.v1", "balloon.policy-actions.v1.dlq"},
         f"{overlay}: the three topics of DESIGN.md")

    if overlay == "prod":
        for k in by_kind.get("Kafka", []):
            kspec = k["spec"]["kafka"]
            rule((kspec.get("authorization") or {}).get("type") == "simple", f"Kafka/{k['metadata']['name']}: authorization simple")
            rule(all((lst.get("authentication") or {}).get("type") in ("scram-sha-512", "tls")
                     for lst in kspec.get("listeners", [])), f"Kafka/{k['metadata']['name']}: every listener authenticates")
        users = by_kind.get("KafkaUser", [])
        rule(SERVICES <= {u["metadata"]["name"] for u in users}, "prod: a KafkaUser per service")
        kafka_user_rules(users, rule)
        for name, spec in topics.items():
            rule(spec.get("replicas") == 3, f"KafkaTopic {name}: replicas 3")
            rule(int((spec.get("config") or {}).get("min.insync.replicas", 0)) == 2, f"KafkaTopic {name}: min.insync.replicas 2")
        scoring = next((d for d in by_kind.get("Deployment", []) if d["metadata"]["name"] == "scoring-service"), None)
        rule(scoring and scoring["spec"].get("replicas", 1) >= 3, "prod: scoring-service replicas >= 3")
        hpas = [h for h in by_kind.get("HorizontalPodAutoscaler", []) if h["spec"]["scaleTargetRef"]["name"] == "scoring-service"]
        rule(hpas and all(h["spec"].get("minReplicas", 1) >= 3 for h in hpas), "prod: scoring HPA minReplicas >= 3")
        sos = [s for s in by_kind.get("ScaledObject", []) if s["spec"]["scaleTargetRef"]["name"] == "scoring-service"]
        rule(any(t["type"] == "kafka" and t["metadata"].get("consumerGroup") == "balloon-scoring"
                 for s in sos for t in s["spec"]["triggers"]), "prod: KEDA ScaledObject on consumer group balloon-scoring")
        maxes = [h["spec"]["maxReplicas"] for h in hpas] + [s["spec"].get("maxReplicaCount", 100) for s in sos]
        parts = (topics.get("balloon.policy-actions.v1") or {}).get("partitions", 0)
        rule(maxes and parts >= max(maxes), f"prod: partitions ({parts}) >= scoring max replicas ({maxes})")
        rule(by_kind.get("Cluster"), "prod: CloudNativePG Cluster")
        brokers = sum(p["spec"]["replicas"] for p in by_kind.get("KafkaNodePool", []) if "broker" in p["spec"]["roles"])
        rule(brokers >= 3, f"prod: at least 3 brokers ({brokers})")

    failed = [w for ok, w in results if not ok]
    for w in failed:
        print(f"  policy broken: {w}")
    print(f"policy {overlay}: {len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


def users_only(path):
    results = []
    users = [d for d in yaml.safe_load_all(open(path)) if d and d.get("kind") == "KafkaUser"]
    kafka_user_rules(users, lambda ok, what: results.append((bool(ok), what)))
    failed = [w for ok, w in results if not ok]
    for w in failed:
        print(f"  policy broken: {w}")
    print(f"kafka users {path}: {len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed or not users else 0


if __name__ == "__main__":
    if sys.argv[1] == "--kafka-users":
        sys.exit(users_only(sys.argv[2]))
    sys.exit(main(sys.argv[1], sys.argv[2]))
