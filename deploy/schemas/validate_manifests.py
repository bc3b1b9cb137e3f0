#!/usr/bin/env python3
"""Validate Kubernetes manifests (multi-document YAML) against the strict JSON schemas in
deploy/schemas/ (Kubernetes core kinds, Strimzi, CloudNativePG, KEDA). Offline: no network.

  validate_manifests.py --valid   FILE...   every object must be valid
  validate_manifests.py --invalid FILE...   every object must be INVALID; an object may carry the
        annotation balloon.io/expect-error: "<text>", then one of its errors must contain <text>

An object whose apiVersion/kind has no schema is an error (so a new kind cannot slip through
unvalidated). Exit status: 0 when every expectation holds, 1 otherwise, 2 on usage errors.
Needs python3 with PyYAML and jsonschema (Debian: python3-yaml python3-jsonschema).
"""
import glob
import json
import os
import sys

import jsonschema
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECT_ANNOTATION = "balloon.io/expect-error"


def load_schemas(directory=HERE):
    kinds, defs, sources = {}, {}, {}
    files = sorted(glob.glob(os.path.join(directory, "*.json")) + glob.glob(os.path.join(directory, "*.yaml")))
    for path in files:
        with open(path) as f:
            doc = json.load(f) if path.endswith(".json") else yaml.safe_load(f)
        for name, schema in doc.get("definitions", {}).items():
            if name in defs and defs[name] != schema:
                raise SystemExit(f"schema definition {name} defined differently in {sources[name]} and {path}")
            defs[name], sources[name] = schema, path
        for key, schema in doc.get("kinds", {}).items():
            kinds[key] = schema
    return kinds, defs


class Checker:
    def __init__(self):
        self.kinds, self.defs = load_schemas()
        self.validators = {}

    def errors(self, obj):
        if not isinstance(obj, dict):
            return [f"not a mapping: {type(obj).__name__}"]
        key = f"{obj.get('apiVersion')}/{obj.get('kind')}"
        if key not in self.kinds:
            return [f"no schema for apiVersion/kind {key} (add one under deploy/schemas/)"]
        v = self.validators.get(key)
        if v is None:
            root = dict(self.kinds[key])
            root["definitions"] = self.defs
            v = self.validators[key] = jsonschema.Draft7Validator(root)
        out = []
        for e in sorted(v.iter_errors(obj), key=lambda e: list(e.absolute_path)):
            # Report the most specific cause of allOf/anyOf failures.
            leaves = [e]
            while leaves and leaves[0].context:
                leaves = sorted(leaves[0].context, key=lambda c: len(list(c.absolute_path)), reverse=True)[:1]
            for leaf in leaves:
                path = "/".join(str(p) for p in leaf.absolute_path) or "(root)"
                out.append(f"{path}: {leaf.message}")
        return out


def describe(obj):
    if not isinstance(obj, dict):
        return "?"
    md = obj.get("metadata") or {}
    return f"{obj.get('kind')}/{md.get('name')}"


def main(argv):
    if len(argv) < 2 or argv[0] not in ("--valid", "--invalid"):
        print(__doc__, file=sys.stderr)
        return 2
    want_valid = argv[0] == "--valid"
    checker = Checker()
    failures = checked = 0
    for path in argv[1:]:
        with open(path) as f:
            docs = [d for d in yaml.safe_load_all(f) if d is not None]
        if not docs:
            print(f"FAIL {path}: no objects")
            failures += 1
        for obj in docs:
            checked += 1
            errs = checker.errors(obj)
            name = f"{os.path.relpath(path)}: {describe(obj)}"
            if want_valid:
                if errs:
                    failures += 1
                    print(f"FAIL {name} is invalid:")
                    for e in errs:
                        print(f"       {e}")
                else:
                    print(f"ok   {name}")
            else:
                expected = ((obj.get("metadata") or {}).get("annotations") or {}).get(EXPECT_ANNOTATION)
                if not errs:
                    failures += 1
                    print(f"FAIL {name} was accepted but must be rejected")
                elif expected and not any(expected in e for e in errs):
                    failures += 1
                    print(f"FAIL {name} rejected, but not for the expected reason '{expected}':")
                    for e in errs:
                        print(f"       {e}")
                else:
                    print(f"ok   {name} rejected: {errs[0]}")
    print(f"{checked - failures} passed, {failures} failed ({'valid' if want_valid else 'invalid'} expectations)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
