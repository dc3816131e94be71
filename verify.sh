#!/usr/bin/env bash
# The test command: installs what the tests need when it can, starts PostgreSQL and Redis when they are not running,
# then runs every test with `./mvnw verify` (extra arguments are passed on, e.g. ./verify.sh -pl realtime-core -am).
#
# Tests need: a JDK 21+; Node.js and npm (the official MCP and Socket.IO clients, from lockfiles); Debian's chromium
# (the widget in a real browser); PostgreSQL on 127.0.0.1:5432 with a database `test` (trust auth); Redis on
# 127.0.0.1:6379 (conversation checkpoints). As root it installs what is missing with apt-get; otherwise it prints
# the command to run and stops.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-home.sh
echo "JAVA_HOME=$JAVA_HOME"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  else
    echo "Missing test dependencies. Run as root, then ./verify.sh again:" >&2
    echo "  sudo $*" >&2
    exit 1
  fi
}
apt_install() {
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

missing=()
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || command -v pg_isready >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing ${missing[*]}"
  apt_install "${missing[@]}"
fi

# PostgreSQL: 127.0.0.1:5432, user postgres, database test, trust auth.
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'test'" 2>/dev/null | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE test" >/dev/null 2>&1 \
  || as_root su postgres -c "createdb test" || true

# Redis: 127.0.0.1:6379, nothing kept on disk.
if ! (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /tmp \
    --logfile /tmp/redis-verify.log
  for _ in $(seq 1 30); do (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null && break; sleep 0.5; done
fi

exec ./mvnw -B verify "$@"
