#!/usr/bin/env bash
# Starts the system locally: telephony-gateway on :8080, realtime-core on :8081, web-gateway (voice widget) on :8082,
# mcp-tools on :8083 (embedded H2 database in ./data); other ports with TELEPHONY_PORT, CORE_PORT, WEB_PORT, MCP_PORT.
# The internal services (core, mcp-tools) listen on 127.0.0.1 only.
# Needs only a JDK 21+. Ctrl-C stops them all. Never prints a secret.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-home.sh
command -v curl >/dev/null 2>&1 || { echo "run.sh needs curl (to wait for the services): apt-get install curl" >&2; exit 1; }

# RUN_SKIP_BUILD=1 starts what is already packaged (the run-command test does, inside the build).
if [[ -z "${RUN_SKIP_BUILD:-}" ]]; then
  ./mvnw -B -q package -DskipTests -pl mcp-tools,realtime-core,telephony-gateway,web-gateway -am
fi

# Fresh secrets per local run (unless given): gateways and cores sign pre-warm references with one, gateways prove
# who they are to the core with another, and the core presents a token to mcp-tools.
telephony_port="${TELEPHONY_PORT:-8080}"
core_port="${CORE_PORT:-8081}"
web_port="${WEB_PORT:-8082}"
mcp_port="${MCP_PORT:-8083}"

secret() { od -An -tx1 -N24 /dev/urandom | tr -d ' \n'; }
export SESSION_REF_SECRET="${SESSION_REF_SECRET:-$(secret)}"
export INTERNAL_AUTH_SECRET="${INTERNAL_AUTH_SECRET:-$(secret)}"
auth_tokens="${MCP_AUTH_TOKENS:-}"
export MCP_BOOKING_TOKEN="${MCP_BOOKING_TOKEN:-${auth_tokens%%,*}}"
export MCP_BOOKING_TOKEN="${MCP_BOOKING_TOKEN:-$(secret)}"
export MCP_AUTH_TOKENS="${MCP_AUTH_TOKENS:-$MCP_BOOKING_TOKEN}"
export CORE_URL="${CORE_URL:-http://127.0.0.1:$core_port}"
export CORE_ADVERTISED_URL="${CORE_ADVERTISED_URL:-http://127.0.0.1:$core_port}"
export MCP_BOOKING_URL="${MCP_BOOKING_URL:-http://127.0.0.1:$mcp_port/mcp}"
# The original widget is served by a site on another local port (e.g. http://localhost:3000): local origins are
# allowed here, as in dev mode; never in the production overlay.
export WEB_ALLOW_LOCAL_ORIGINS="${WEB_ALLOW_LOCAL_ORIGINS:-true}"

# Without an OpenAI key nothing could answer: use the built-in offline echo, and say so.
if [[ -z "${OPENAI_API_KEY:-}" && -z "${OPENAI_PROVIDER:-}" ]]; then
  export OPENAI_PROVIDER=loopback
  echo "OPENAI_API_KEY is not set: using the offline loopback provider (no AI: you hear your own voice back)."
fi

# Without Twilio's REST credentials a transfer to a person (keypad 0 with the loopback provider) is only logged: the
# TwiML the gateway would send Twilio. A placeholder target (Twilio's test number) lets the log show one.
if [[ -z "${TWILIO_ACCOUNT_SID:-}" ]]; then
  export TRANSFER_TARGET="${TRANSFER_TARGET:-+15005550006}"
fi

# The JDK the wrapper built with (JAVA_HOME, a 21+ found by scripts/java-home.sh) runs the services too.
java="$JAVA_HOME/bin/java"

pids=()
stop_all() {
  trap - INT TERM EXIT
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop_all INT TERM EXIT

# Each service keeps a class-data sharing archive next to its jar (created on the first run, refreshed by the JVM when
# the jar changes): later starts are about a third faster (mcp-tools 2.6 s -> 1.7 s on a 2-core machine).
# $2 is the address it listens on: the internal services only on this machine, the gateways where callers reach them.
# The heap and collector are the ones the images and manifests set (docs/benchmarks.md, "Memory and JVM options").
# (Not their JIT-compiler priority: on a developer's machine it would cost a JVM warning per service and start.)
jvm_options=(-XX:MaxRAMPercentage=50 -XX:+UseG1GC -XX:MaxGCPauseMillis=20)
start() {
  QUARKUS_HTTP_HOST="$2" QUARKUS_HTTP_PORT="$3" "$java" "${jvm_options[@]}" -XX:+AutoCreateSharedArchive \
    -XX:SharedArchiveFile="$1/target/$1.jsa" -jar "$1/target/quarkus-app/quarkus-run.jar" &
  pids+=($!)
}
start mcp-tools 127.0.0.1 "$mcp_port"
start realtime-core 127.0.0.1 "$core_port"
start telephony-gateway 0.0.0.0 "$telephony_port"
start web-gateway 0.0.0.0 "$web_port"

for url in "http://127.0.0.1:$mcp_port/q/health/ready" "http://127.0.0.1:$core_port/q/health/ready" \
    "http://localhost:$telephony_port/q/health/ready" "http://localhost:$web_port/q/health/ready"; do
  until curl -fs "$url" >/dev/null 2>&1; do
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "a service failed to start" >&2; exit 1; }; done
    sleep 0.5
  done
done

if [[ "${OPENAI_PROVIDER:-}" == loopback ]]; then
  model="loopback (no AI): echoes each turn; keypad 1 = hotel desk, 2 = hotel search, 0 = a person"
else
  model="${OPENAI_REALTIME_URL:-wss://api.openai.com/v1/realtime}"
fi
stream_url="${TWILIO_WEBHOOK_URL:-wss://<your-public-host>/media-stream}"
public_host="${stream_url#*://}"
public_host="${public_host%%/*}"
# Says whether the key is set, never what it is (nothing here expands a secret).
if [[ -n "${OPENAI_API_KEY:-}" ]]; then
  key_state="OpenAI key: set"
else
  key_state="OpenAI key: NOT set (export OPENAI_API_KEY=... to talk to OpenAI)"
fi
if [[ -n "${TWILIO_ACCOUNT_SID:-}" && -n "${TWILIO_AUTH_TOKEN:-}" ]]; then
  transfer_state="Transfers to a person: through Twilio's REST API to TRANSFER_TARGET"
else
  transfer_state="Transfers to a person: logged only, what the gateway would ask Twilio (set TWILIO_ACCOUNT_SID)"
fi
cat <<MSG

  realtime-core       http://127.0.0.1:${core_port}   (this machine only; gateways need a credential; model: ${model})
  telephony-gateway   http://localhost:${telephony_port}
  web-gateway         http://localhost:${web_port}   (Socket.IO at /realtime-voice; pages on any localhost port may connect)
  mcp-tools           http://127.0.0.1:${mcp_port}/mcp   (this machine only; bearer token; H2 database in ./data)

  Talk to the agent in your browser:                         http://localhost:${web_port}/

  Point your Twilio number's voice webhook (HTTP POST) at   https://${public_host}/incoming-call
  Media stream URL given to Twilio (TWILIO_WEBHOOK_URL):     ${stream_url}
  Expose port ${telephony_port} publicly (e.g. a TLS tunnel), set TWILIO_WEBHOOK_URL, TWILIO_AUTH_TOKEN and OPENAI_API_KEY.
  ${key_state}
  ${transfer_state}
  Internal secrets (gateway credential, MCP token, pre-warm signing) are fresh for this run and not shown.

  Ctrl-C stops all four services.
MSG
wait -n "${pids[@]}"
