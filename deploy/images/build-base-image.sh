#!/usr/bin/env bash
# Builds the services' base image WITHOUT a Docker daemon or a registry: a Debian bookworm
# minbase root filesystem with the OpenJDK 17 headless JRE, from the Debian mirror this
# machine's apt already uses, packed as ONE layer in `docker save` format (gzipped layer),
# which Jib accepts as `tar://` base image (see the `images` profile in the root pom.xml).
#
#   sudo deploy/images/build-base-image.sh            # -> deploy/images/target/balloon-jre17-base.tar
#
# Needs root (debootstrap chroots). Env overrides:
#   BALLOON_DEBIAN_MIRROR   mirror URL (default: the first Debian URI in /etc/apt/sources.list*)
#   BALLOON_DEBIAN_SUITE    default bookworm
#   SOURCE_DATE_EPOCH       timestamp of every file and of the image (default: 1 Jan 2025)
#   BALLOON_BASE_OUT        output tar path
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="${BALLOON_BASE_OUT:-$here/target/balloon-jre17-base.tar}"
suite="${BALLOON_DEBIAN_SUITE:-bookworm}"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1735689600}"
export LC_ALL=C

[ "$(id -u)" = 0 ] || { echo "build-base-image: must run as root (debootstrap needs chroot)" >&2; exit 1; }

# The mirrors this machine is configured with (deb822 .sources and one-line .list formats);
# we never name a host of our own.
apt_uris_raw() {
  { cat /etc/apt/sources.list.d/*.sources 2>/dev/null || true; } | awk 'tolower($1)=="uris:" {for (i=2;i<=NF;i++) print $i}'
  { cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true; } | awk '$1=="deb" {for (i=2;i<=NF;i++) if ($i ~ /^[a-z+]+:\/\//) {print $i; break}}'
}
apt_uris() { apt_uris_raw | sed 's:/*$::' | awk '!seen[$0]++'; }
mirror="${BALLOON_DEBIAN_MIRROR:-$(apt_uris | grep -E '/debian$' | head -n1 || true)}"
security="$(apt_uris | grep -E '/debian-security$' | head -n1 || true)"
[ -n "$mirror" ] || { echo "build-base-image: no Debian mirror found in /etc/apt/sources.list*; set BALLOON_DEBIAN_MIRROR" >&2; exit 1; }

if ! command -v debootstrap >/dev/null; then
  apt-get install -y -q debootstrap >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q debootstrap >/dev/null; }
fi

work="$(mktemp -d /tmp/balloon-base.XXXXXX)"
rootfs="$work/rootfs"
cleanup() {
  for m in proc sys dev/pts dev; do umount -l "$rootfs/$m" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "== debootstrap $suite from $mirror"
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates,curl \
  "$suite" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -n 40 "$work/debootstrap.log" >&2; cat "$rootfs/debootstrap/debootstrap.log" 2>/dev/null | tail -n 40 >&2; exit 1; }

# Security updates, when this machine knows a debian-security mirror.
{
  echo "deb $mirror $suite main"
  echo "deb $mirror $suite-updates main"
  [ -n "$security" ] && echo "deb $security $suite-security main"
} >"$rootfs/etc/apt/sources.list"
cp /etc/resolv.conf "$rootfs/etc/resolv.conf" 2>/dev/null || true
mountpoint -q "$rootfs/proc" || mount -t proc proc "$rootfs/proc" 2>/dev/null || true
echo "== apt-get upgrade inside the rootfs"
chroot "$rootfs" /usr/bin/env DEBIAN_FRONTEND=noninteractive sh -c \
  'apt-get update -q && apt-get -y -q -o Dpkg::Options::=--force-confold dist-upgrade && apt-get clean' >"$work/upgrade.log" 2>&1 \
  || { tail -n 40 "$work/upgrade.log" >&2; exit 1; }

# The runtime user, as in the Quarkus/UBI images: uid/gid 185, home /deployments.
chroot "$rootfs" groupadd --system -g 185 jboss
chroot "$rootfs" useradd --system -u 185 -g 185 -d /deployments -M -s /usr/sbin/nologin -c "Balloon service" jboss
install -d -m 0775 -o 185 -g 0 "$rootfs/deployments"

umount -l "$rootfs/proc" 2>/dev/null || true
# Trim: caches, package lists, docs, man pages, locales, logs; the JRE needs none of them.
rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/debconf/*-old \
       "$rootfs"/var/cache/ldconfig/aux-cache "$rootfs"/var/lib/dpkg/*-old \
       "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
       "$rootfs"/usr/share/locale/* "$rootfs"/usr/share/lintian "$rootfs"/usr/share/linda \
       "$rootfs"/var/log/* "$rootfs"/tmp/* "$rootfs"/var/tmp/* "$rootfs"/root/.[!.]* \
       "$rootfs"/debootstrap "$rootfs"/usr/lib/jvm/*/man
find "$rootfs" -name '__pycache__' -prune -exec rm -rf {} + 2>/dev/null || true
# The container runtime provides these.
: >"$rootfs/etc/resolv.conf"; : >"$rootfs/etc/hostname"; : >"$rootfs/etc/machine-id" 2>/dev/null || true
printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' >"$rootfs/etc/hosts"
chmod 1777 "$rootfs/tmp"

java_home="$(cd "$rootfs" && ls -d usr/lib/jvm/java-17-openjdk-* | head -n1)"
[ -x "$rootfs/$java_home/bin/java" ] || { echo "build-base-image: no java in the rootfs" >&2; exit 1; }
arch="$(chroot "$rootfs" dpkg --print-architecture)"
case "$arch" in amd64|arm64|ppc64el|s390x) ;; esac
oci_arch="$arch"; [ "$arch" = ppc64el ] && oci_arch=ppc64le
jre_version="$(chroot "$rootfs" dpkg-query -W -f='${Version}' openjdk-17-jre-headless)"

echo "== packing the layer"
img="$work/image"; mkdir -p "$img"
# Deterministic tar: sorted names, fixed mtime, numeric owners, no atime/ctime.
tar --create --file="$work/layer.tar" --directory="$rootfs" \
    --sort=name --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" --clamp-mtime \
    --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
    --xattrs --xattrs-include='security.capability' .
diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
gzip -n -6 <"$work/layer.tar" >"$work/layer.tar.gz"; rm -f "$work/layer.tar"
layer_hex="$(sha256sum "$work/layer.tar.gz" | cut -d' ' -f1)"
mkdir -p "$img/$layer_hex"; mv "$work/layer.tar.gz" "$img/$layer_hex/layer.tar"

created="$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)"
cat >"$work/config.json" <<JSON
{
  "architecture": "$oci_arch",
  "os": "linux",
  "created": "$created",
  "config": {
    "User": "185",
    "Env": [
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "JAVA_HOME=/$java_home",
      "LANG=C.UTF-8"
    ],
    "WorkingDir": "/deployments",
    "Cmd": ["java", "-version"],
    "Labels": {
      "org.opencontainers.image.title": "balloon-jre17-base",
      "org.opencontainers.image.description": "Debian $suite minbase + openjdk-17-jre-headless $jre_version, user 185"
    }
  },
  "rootfs": { "type": "layers", "diff_ids": ["$diff_id"] },
  "history": [
    { "created": "$created", "created_by": "deploy/images/build-base-image.sh: debootstrap --variant=minbase $suite + openjdk-17-jre-headless $jre_version" }
  ]
}
JSON
config_hex="$(sha256sum "$work/config.json" | cut -d' ' -f1)"
mv "$work/config.json" "$img/$config_hex.json"
printf '[{"Config":"%s.json","RepoTags":["balloon/jre17-base:latest"],"Layers":["%s/layer.tar"]}]\n' \
  "$config_hex" "$layer_hex" >"$img/manifest.json"
printf '{"balloon/jre17-base":{"latest":"%s"}}\n' "$config_hex" >"$img/repositories"

mkdir -p "$(dirname "$out")"
tar --create --file="$out.tmp" --directory="$img" --sort=name --owner=0 --group=0 --numeric-owner \
    --mtime="@$SOURCE_DATE_EPOCH" --format=ustar manifest.json repositories "$config_hex.json" "$layer_hex"
mv "$out.tmp" "$out"

echo "== $out"
echo "   size:   $(du -h "$out" | cut -f1) ($(stat -c %s "$out") bytes), rootfs $(du -sh "$rootfs" | cut -f1) unpacked"
echo "   jre:    openjdk-17-jre-headless $jre_version ($oci_arch), JAVA_HOME=/$java_home"
echo "   config: sha256:$config_hex, layer diff_id $diff_id"
