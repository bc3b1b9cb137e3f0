#!/usr/bin/env bash
# Checks the service image tarballs that `./mvnw -Dimages package` wrote (Jib, docker-load format):
# one image per tar, a non-root numeric user, the Quarkus fast-jar entrypoint, the exposed port,
# layers that match the config, /deployments/quarkus-run.jar present, no duplicate /app copy.
#
#   .ci/check-images.sh                  # the three services' target/jib-image.tar
#   .ci/check-images.sh --smoke          # also unpack each image and run `java -version` in it as its
#                                        # user (needs root for chroot; no container engine needed)
#   .ci/check-images.sh path/to/a.tar... # other tars
# Not part of .ci/run: building the images needs the base image (deploy/images/build-base-image.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=false
tars=()
for a in "$@"; do
  case "$a" in
    --smoke) smoke=true ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) tars+=("$a") ;;
  esac
done
[ ${#tars[@]} -gt 0 ] || tars=(events-service/target/jib-image.tar scoring-service/target/jib-image.tar gateway/target/jib-image.tar)

failed=0
for tar in "${tars[@]}"; do
  if [ ! -f "$tar" ]; then
    echo "FAIL $tar: missing (build: deploy/images/build-base-image.sh && ./mvnw -B -Dimages -DskipTests package)"
    failed=$((failed + 1)); continue
  fi
  if ! python3 - "$tar" <<'PY'
import json, sys, tarfile

path = sys.argv[1]
problems = []
with tarfile.open(path) as t:
    names = set(t.getnames())
    manifest = json.load(t.extractfile("manifest.json"))
    if len(manifest) != 1:
        problems.append(f"{len(manifest)} images in manifest.json, expected 1")
    entry = manifest[0]
    config = json.load(t.extractfile(entry["Config"]))
    c = config.get("config", {})
    user = str(c.get("User", ""))
    uid = user.split(":")[0]
    if not uid:
        problems.append("no User in the image config: it would run as root")
    elif not uid.isdigit():
        problems.append(f"User {user!r} is not numeric: Kubernetes runAsNonRoot cannot verify it")
    elif int(uid) == 0:
        problems.append(f"User {user!r} is root")
    ep = c.get("Entrypoint") or []
    if ep[:1] != ["java"] or "/deployments/quarkus-run.jar" not in ep:
        problems.append(f"Entrypoint {ep} is not the Quarkus fast-jar launcher")
    ports = list((c.get("ExposedPorts") or {}).keys())
    if not ports:
        problems.append("no ExposedPorts")
    if c.get("WorkingDir") != "/deployments":
        problems.append(f"WorkingDir {c.get('WorkingDir')!r}, expected /deployments")
    layers = entry["Layers"]
    diff_ids = config.get("rootfs", {}).get("diff_ids", [])
    if len(layers) != len(diff_ids):
        problems.append(f"{len(layers)} layers but {len(diff_ids)} diff_ids")
    files = set()
    for layer in layers:
        if layer not in names:
            problems.append(f"layer {layer} missing from the tar")
            continue
        with tarfile.open(fileobj=t.extractfile(layer), mode="r:*") as lt:
            files.update(n.lstrip("./").rstrip("/") for n in lt.getnames())
    for required in ("deployments/quarkus-run.jar", "deployments/lib/main", "deployments/quarkus/quarkus-application.dat"):
        if required not in files:
            problems.append(f"/{required} not in the image")
    if any(f == "app" or f.startswith("app/") for f in files):
        problems.append("the image also has /app (Jib's copy of classes and jars): duplicate application")
    home = next((e.split("=", 1)[1] for e in c.get("Env", []) if e.startswith("JAVA_HOME=")), None)
    if not home or f"{home.strip('/')}/bin/java" not in files:
        problems.append(f"no java under JAVA_HOME={home}")
tag = ",".join(entry.get("RepoTags") or ["<untagged>"])
if problems:
    for p in problems:
        print(f"FAIL {path} ({tag}): {p}")
    sys.exit(1)
print(f"ok   {path} ({tag}): user {user}, entrypoint {' '.join(ep)}, ports {' '.join(ports)}, {len(layers)} layers")
PY
  then failed=$((failed + 1)); continue; fi

  if $smoke; then
    [ "$(id -u)" = 0 ] || { echo "FAIL --smoke needs root (chroot)"; exit 1; }
    root="$(mktemp -d /tmp/balloon-image-smoke.XXXXXX)"
    # Unpack the layers in order (Jib's and our base layers carry no whiteouts), then run as the image's user.
    user="$(tar -xOf "$tar" config.json | python3 -c 'import json,sys; print(json.load(sys.stdin)["config"]["User"])')"
    for layer in $(tar -xOf "$tar" manifest.json | python3 -c 'import json,sys; print(" ".join(json.load(sys.stdin)[0]["Layers"]))'); do
      tar -xOf "$tar" "$layer" | tar -xz -C "$root" --numeric-owner --warning=no-unknown-keyword
    done
    # A private mount namespace with its own /proc (ld.so resolves java's $ORIGIN rpath through
    # /proc/self/exe); it disappears with the namespace.
    if out="$(unshare --mount --pid --fork sh -c 'mount -t proc proc "$1/proc" && exec chroot --userspec="$2:$2" "$1" \
                 sh -c "cd /deployments && java -version 2>&1 && test -r quarkus-run.jar && echo readable"' sh "$root" "$user" 2>&1)" \
       && grep -q readable <<<"$out"; then
      echo "ok   $tar: runs as uid $user: $(head -n1 <<<"$out" | tr -d '\n')"
    else
      echo "FAIL $tar: smoke run failed: $out"; failed=$((failed + 1))
    fi
    rm -rf "$root"
  fi
done

if [ "$failed" -gt 0 ]; then echo "$failed image(s) failed"; exit 1; fi
echo "all ${#tars[@]} image(s) ok"
