#!/usr/bin/env python3
"""Turn CustomResourceDefinition YAML into a strict JSON schema file for validate-manifests.py.

For every served version of every CRD given, the version's openAPIV3Schema becomes a definition
"<group>/<version>/<Kind>". Conversion, as kubeconform's openapi2jsonschema does it:
  * descriptions dropped (size), `nullable: true` -> also allow null,
  * `x-kubernetes-int-or-string` -> integer or string,
  * every object that lists `properties`, has no `additionalProperties` and is not
    `x-kubernetes-preserve-unknown-fields` gets "additionalProperties": false (strict),
  * top-level `metadata` points at the Kubernetes ObjectMeta definition (V1ObjectMeta, from the
    kubernetes schema file) so metadata is checked strictly too.

Usage: crd2schema.py [--comment TEXT] [--version V] OUT.json CRD.yaml [CRD.yaml ...]
(--version keeps only that API version, e.g. v1beta2, to keep the committed file small)
"""
import json
import sys

import yaml


def strict(node):
    if isinstance(node, list):
        return [strict(x) for x in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for k, v in node.items():
        if k in ("description", "example", "x-kubernetes-list-type", "x-kubernetes-list-map-keys",
                 "x-kubernetes-map-type", "x-kubernetes-validations", "x-kubernetes-embedded-resource"):
            continue
        if k == "properties":
            out[k] = {pk: strict(pv) for pk, pv in v.items()}
        else:
            out[k] = strict(v)
    if out.pop("x-kubernetes-int-or-string", False):
        out.pop("type", None)
        out["type"] = ["integer", "string"]
    preserve = out.pop("x-kubernetes-preserve-unknown-fields", False)
    if out.pop("nullable", False) and "type" in out:
        t = out["type"]
        out["type"] = (t if isinstance(t, list) else [t]) + ["null"]
    if "properties" in out and "additionalProperties" not in out and not preserve:
        out["additionalProperties"] = False
    return out


def main(argv):
    comment = only = None
    while argv and argv[0].startswith("--"):
        if argv[0] == "--comment":
            comment = argv[1]
        elif argv[0] == "--version":
            only = argv[1]
        argv = argv[2:]
    out_path, crds = argv[0], argv[1:]
    kinds, defs = {}, {}
    for path in crds:
        for crd in yaml.safe_load_all(open(path)):
            if not crd or crd.get("kind") != "CustomResourceDefinition":
                continue
            group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
            for ver in crd["spec"]["versions"]:
                if not ver.get("served", True) or (only and ver["name"] != only):
                    continue
                schema = strict(ver["schema"]["openAPIV3Schema"])
                props = schema.setdefault("properties", {})
                props["metadata"] = {"$ref": "#/definitions/V1ObjectMeta"}
                props["apiVersion"] = {"const": f"{group}/{ver['name']}"}
                props["kind"] = {"const": kind}
                schema["required"] = sorted(set(schema.get("required", [])) | {"apiVersion", "kind", "metadata"})
                schema["additionalProperties"] = False
                name = f"{group}/{ver['name']}/{kind}"
                defs[name] = schema
                kinds[name] = {"$ref": "#/definitions/" + name.replace("/", "~1")}
    doc = {"$schema": "http://json-schema.org/draft-07/schema#"}
    if comment:
        doc["$comment"] = comment
    doc["kinds"] = kinds
    doc["definitions"] = defs
    with open(out_path, "w") as f:
        json.dump(doc, f, sort_keys=True, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {out_path}: {len(kinds)} kinds")


if __name__ == "__main__":
    main(sys.argv[1:])
