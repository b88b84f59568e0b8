#!/usr/bin/env bash
# Runs CMD... against a throwaway PostgreSQL server on 127.0.0.1, with DATABASE_URL exported.
#
#   bash examples/merchant-server/scripts/with-postgres.sh pnpm --filter merchant-server test
#
# Installs Debian's `postgresql` when it is missing, creates a cluster in a temporary folder,
# starts it on a free port (as the `postgres` user when run as root: PostgreSQL refuses root),
# creates a database, runs CMD, then stops the server and removes the folder whatever happens.
# Nothing outside the temporary folder is touched, so it can run any number of times.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

find_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; fi
}

BINDIR=$(find_bindir)
if [ -z "$BINDIR" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "with-postgres: PostgreSQL is not installed and installing it needs root" >&2
    exit 1
  fi
  echo "with-postgres: installing Debian's postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=300 update
  apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends postgresql
  BINDIR=$(find_bindir)
  if [ -z "$BINDIR" ]; then
    echo "with-postgres: postgresql installed but no initdb under /usr/lib/postgresql/*/bin" >&2
    exit 1
  fi
fi

# The server runs as `postgres` when we are root, as ourselves otherwise.
if [ "$(id -u)" -eq 0 ]; then
  RUN_AS=postgres
  if ! id "$RUN_AS" >/dev/null 2>&1; then
    echo "with-postgres: no 'postgres' user to run the server as" >&2
    exit 1
  fi
else
  RUN_AS=$(id -un)
fi
as_server_user() {
  if [ "$(id -un)" = "$RUN_AS" ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u "$RUN_AS" -- "$@"
  else
    su -s /bin/sh "$RUN_AS" -c "$(printf '%q ' "$@")"
  fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

WORKDIR=$(mktemp -d "${TMPDIR:-/tmp}/tradekit-pg.XXXXXX")
STARTED=0
cleanup() {
  local status=$?
  if [ "$STARTED" -eq 1 ]; then
    as_server_user "$BINDIR/pg_ctl" -D "$WORKDIR/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORKDIR"
  exit "$status"
}
# CMD runs in the background so a signal to this script is handled at once: it is passed on to CMD,
# then the EXIT trap stops the server and removes the folder.
CHILD=""
on_signal() {
  if [ -n "$CHILD" ]; then
    kill -TERM "$CHILD" 2>/dev/null || true
    wait "$CHILD" 2>/dev/null || true
  fi
  exit "$1"
}
trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

chmod 700 "$WORKDIR"
if [ "$(id -u)" -eq 0 ]; then chown "$RUN_AS" "$WORKDIR"; fi

as_server_user "$BINDIR/initdb" -D "$WORKDIR/data" -U postgres -A trust -E UTF8 --no-locale >"$WORKDIR/initdb.log" 2>&1 ||
  {
    cat "$WORKDIR/initdb.log" >&2
    exit 1
  }

# A free port can be taken between the check and the start: try a few.
for attempt in 1 2 3 4 5; do
  PORT=$(free_port)
  if as_server_user "$BINDIR/pg_ctl" -D "$WORKDIR/data" -l "$WORKDIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $WORKDIR -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null; then
    STARTED=1
    break
  fi
  echo "with-postgres: start on port $PORT failed (attempt $attempt)" >&2
  tail -n 5 "$WORKDIR/server.log" >&2 || true
done
if [ "$STARTED" -ne 1 ]; then
  echo "with-postgres: could not start PostgreSQL" >&2
  exit 1
fi

as_server_user "$BINDIR/createdb" -h 127.0.0.1 -p "$PORT" -U postgres tradekit
export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/tradekit"
echo "with-postgres: $("$BINDIR/postgres" --version) on 127.0.0.1:$PORT, DATABASE_URL=$DATABASE_URL" >&2

"$@" &
CHILD=$!
set +e
wait "$CHILD"
status=$?
set -e
CHILD=""
exit "$status"
