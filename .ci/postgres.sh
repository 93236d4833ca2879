#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on 127.0.0.1 as the non-root `postgres` user and print
# its SQLAlchemy URL. Usage: .ci/postgres.sh DIR [PORT]   (stop: pg_ctl -D DIR/data stop)
# Tests run with fsync off (fast, nothing to lose); FSYNC=on gives a cluster for load figures.
set -euo pipefail
dir=$1
port=${2:-54329}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
mkdir -p "$dir"
chown postgres:postgres "$dir"
run_pg() { su postgres -s /bin/bash -c "$*"; }
run_pg "'$bin/initdb' -D '$dir/data' -A trust -U bangfu -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log"
run_pg "'$bin/pg_ctl' -D '$dir/data' -o \"-k '$dir' -h 127.0.0.1 -p $port -c fsync=${FSYNC:-off}\" -l '$dir/log' -w start" >/dev/null
run_pg "'$bin/createdb' -h 127.0.0.1 -p $port -U bangfu bangfu"
echo "postgresql+psycopg://bangfu@127.0.0.1:$port/bangfu"
