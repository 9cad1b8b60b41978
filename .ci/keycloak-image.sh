#!/usr/bin/env bash
# Builds a Keycloak image for the end-to-end tests' container path where no registry can be reached: Debian's
# OpenJDK 17 and the Keycloak distribution the Maven build unpacks (the same version as the launcher's), laid out as
# the official image is (/opt/keycloak, entrypoint kc.sh), so the tests run it as they would quay.io/keycloak/keycloak.
# Needs podman from ../shared/tools/podman-docker/setup.sh (run it first) and `./mvnw package` (infra/target/keycloak).
# Prints the image's name: JOINTOPS_TEST_KEYCLOAK_IMAGE=$(bash .ci/keycloak-image.sh)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
W=${PODMAN_DOCKER_DIR:-$HOME/.cache/podman-docker}
export CONTAINERS_CONF=$W/containers.conf CONTAINERS_STORAGE_CONF=$W/storage.conf
VERSION=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$ROOT/pom.xml")
IMAGE=localhost/local-keycloak:$VERSION
if ! podman image exists "$IMAGE"; then
  DIST=$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$VERSION/keycloak-quarkus-dist-$VERSION.zip
  [ -f "$DIST" ] || { echo "no Keycloak $VERSION distribution in ~/.m2: run ./mvnw package first" >&2; exit 1; }
  MIRROR=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null)
  [ -n "$MIRROR" ] || MIRROR=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null)
  R=$W/keycloak-rootfs
  [ -x "$R/usr/lib/jvm/java-17-openjdk-amd64/bin/java" ] \
    || debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$R" "$MIRROR" >&2
  rm -rf "$R"/var/cache/apt/archives/*.deb "$R"/var/lib/apt/lists/* "$R"/usr/share/doc/* "$R"/usr/share/man/* "$R/opt/keycloak"
  # the JDK's jar unpacks it (no unzip needed) but drops the scripts' execute bits
  (cd "$R/opt" && jar xf "$DIST" && mv "keycloak-$VERSION" keycloak && chmod +x keycloak/bin/*.sh)
  tar -C "$R" -c . | podman import --change 'ENTRYPOINT ["/opt/keycloak/bin/kc.sh"]' --change 'EXPOSE 8080' --change 'EXPOSE 9000' \
    --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' --change 'ENV LANG=C.UTF-8' \
    --change 'WORKDIR /opt/keycloak' - "$IMAGE" >/dev/null
fi
echo "$IMAGE"
