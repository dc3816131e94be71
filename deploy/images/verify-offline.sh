#!/usr/bin/env bash
# Builds the four service images with Jib without any public registry, and proves they are well-formed images:
#   1. a minimal base image in docker-save form (tar://), since no base image can be pulled here;
#   2. Debian's docker-registry on 127.0.0.1:5000 as the push target;
#   3. ./mvnw package -Djib pushing to it; 4. skopeo reads each image back and exports it as an OCI archive.
# Needs: apt-get install docker-registry skopeo python3. Real deployments use the default ubi9 OpenJDK base.
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d)"
trap 'kill "${registry_pid:-}" 2>/dev/null || true' EXIT

python3 - "$work" <<'PY'
import hashlib, io, json, os, sys, tarfile
work = sys.argv[1]
layer = io.BytesIO()
with tarfile.open(fileobj=layer, mode="w") as tar:
    for name, text in {"etc/passwd": "root:x:0:0::/root:/sbin/nologin\njboss:x:185:185::/home/jboss:/sbin/nologin\n",
                       "etc/group": "root:x:0:\njboss:x:185:\n"}.items():
        data = text.encode()
        info = tarfile.TarInfo(name); info.size = len(data); info.mode = 0o644
        tar.addfile(info, io.BytesIO(data))
layer_bytes = layer.getvalue()
diff_id = "sha256:" + hashlib.sha256(layer_bytes).hexdigest()
config = json.dumps({"architecture": "amd64", "os": "linux",
                     "config": {"Env": ["PATH=/usr/local/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java"], "User": "185"},
                     "rootfs": {"type": "layers", "diff_ids": [diff_id]}}).encode()
config_name = hashlib.sha256(config).hexdigest() + ".json"
with tarfile.open(os.path.join(work, "base.tar"), "w") as out:
    for name, data in {"layer/layer.tar": layer_bytes, config_name: config,
                       "manifest.json": json.dumps([{"Config": config_name, "RepoTags": ["offline-base:1"],
                                                      "Layers": ["layer/layer.tar"]}]).encode()}.items():
        info = tarfile.TarInfo(name); info.size = len(data)
        out.addfile(info, io.BytesIO(data))
PY

cat > "$work/registry.yml" <<YML
version: 0.1
storage:
  filesystem:
    rootdirectory: $work/registry
http:
  addr: 127.0.0.1:5000
YML
docker-registry serve "$work/registry.yml" > "$work/registry.log" 2>&1 &
registry_pid=$!
until curl -fs http://127.0.0.1:5000/v2/ >/dev/null; do sleep 0.2; done

./mvnw -B -q package -DskipTests -Djib -pl mcp-tools,realtime-core,telephony-gateway,web-gateway -am \
  -Dquarkus.jib.base-jvm-image="tar://$work/base.tar" \
  -Dquarkus.container-image.registry=127.0.0.1:5000 -Dquarkus.container-image.insecure=true \
  -Dquarkus.container-image.push=true

for image in telephony-gateway web-gateway realtime-core mcp-tools mcp-tools-h2; do
  ref="127.0.0.1:5000/voice-agent/$image:0.1.0-SNAPSHOT"
  skopeo inspect --tls-verify=false "docker://$ref" | python3 -c \
    'import json,sys; i=json.load(sys.stdin); print(sys.argv[1], len(i["Layers"]), "layers", i["Architecture"])' "$ref"
  skopeo copy -q --src-tls-verify=false "docker://$ref" "oci-archive:$work/$image.oci.tar"
  ls -l "$work/$image.oci.tar" | awk -v image="$image" '{print "  exported", image, $5, "bytes"}'
done
echo "images verified in $work"
