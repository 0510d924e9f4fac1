#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the cloud benchmark, on a free loopback port in a temp directory.
#   bench/postgres-cluster.sh start   prints DIR and the connection string (pass it to `-- cloud --postgres "..."`)
#   bench/postgres-cluster.sh stop DIR
# PostgreSQL refuses to run as root; as root the cluster runs as the postgres user.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "no PostgreSQL binaries under /usr/lib/postgresql (apt-get install postgresql)" >&2; exit 3; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/car-bench-pg-XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
    # Durable commits stay on (fsync, synchronous_commit): the benchmark measures what a server would do.
    as_owner "$bin/pg_ctl" -D "$dir/data" -w -l "$dir/server.log" \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
    echo "$dir"
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Maximum Pool Size=64"
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$2/data" -m fast -w stop >/dev/null
    rm -rf "$2"
    ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 1 ;;
esac
