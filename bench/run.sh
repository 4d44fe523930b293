#!/usr/bin/env bash
# The benchmark: whole commands as a user runs them, on synthetic ledgers of 1 000, 10 000 and
# 100 000 contracts (and 1 000 000 with FULL=1), beside the sqlite3 shell running the best single
# query for the same answer. Medians of several runs (hyperfine), peak memory (GNU time).
# Writes the table to bench/results.md; `make bench` runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
DOLG=$PWD/.build/release/dolg
GEN=$PWD/.build/release/dolg-bench
WORK=${BENCH_DIR:-$PWD/.build/bench}
SIZES=${SIZES:-"1000 10000 100000"}
[ "${FULL:-0}" = 1 ] && SIZES="$SIZES 1000000"
export DOLG_TODAY=2026-11-20 LANG=C
# The generated ledger's head: a ledger with logins runs every command as one of its managers.
export DOLG_USER=m1
mkdir -p "$WORK"
RESULTS=bench/results.md

median() { python3 -c "import json,sys; print('%.1f' % (json.load(open(sys.argv[1]))['results'][0]['median']*1000))" "$1"; }
peak() { /usr/bin/time -f %M "$@" > /dev/null 2> "$WORK/time.txt"; tail -1 "$WORK/time.txt"; }

# time NAME SIZE COMMAND [PREPARE]: median milliseconds and peak kilobytes of a shell command.
time_command() {
  local name=$1 size=$2 command=$3 prepare=${4:-true} runs=${RUNS:-5}
  [ "$size" -ge 1000000 ] && runs=3
  hyperfine --style none --warmup 1 --runs "$runs" --prepare "$prepare" --export-json "$WORK/h.json" "$command" > /dev/null
  local ms; ms=$(median "$WORK/h.json")
  eval "$prepare"
  local kb; kb=$(peak sh -c "$command")
  echo "$ms $kb"
}

{
  echo "| contracts | command | dolg ms | sqlite3 ms | ratio | dolg peak MB |"
  echo "|---:|---|---:|---:|---:|---:|"
} > "$RESULTS"

for size in $SIZES; do
  ledger=$WORK/ledger-$size.sqlite
  copy=$WORK/copy-$size.sqlite
  if [ ! -f "$ledger" ]; then
    echo "generating $size contracts…" >&2
    "$GEN" --contracts "$size" --ledger "$ledger" --csv "$WORK/csv-$size"
    head -n 100001 "$WORK/csv-$size/payments.csv" > "$WORK/payments-100k-$size.csv"
  fi
  mid=$((size / 2))
  restore="cp $ledger $copy && rm -f $copy-wal $copy-shm"
  row() { # NAME DOLG_COMMAND [SQL_FILE] [PREPARE]
    local name=$1 command=$2 sql=${3:-} prepare=${4:-true}
    read -r ms kb < <(time_command "$name" "$size" "$command" "$prepare")
    local sqlms="" ratio=""
    if [ -n "$sql" ]; then
      read -r sqlms _ < <(time_command "$name (sqlite3)" "$size" "sqlite3 $copy < $sql > /dev/null" "$restore")
      ratio=$(python3 -c "print('%.1f' % ($ms / $sqlms))")
    fi
    echo "| $size | $name | $ms | $sqlms | $ratio | $(python3 -c "print('%.0f' % ($kb / 1024))") |" >> "$RESULTS"
    echo "$size $name: $ms ms (sqlite3 ${sqlms:-–}) peak $((kb / 1024)) MB" >&2
  }
  row "dolg --version" "$DOLG --version"
  row "contract add" "$DOLG contract add --db $copy --number NEW --client 1 --amount 12000 --installments 12 --first-due 2026-12-01" "" "$restore"
  row "pay" "$DOLG pay B-$mid 1000 --db $copy" "" "$restore"
  row "schedule N" "$DOLG schedule B-$mid --db $ledger"
  row "client show" "$DOLG client show $((mid + 1)) --db $ledger"
  row "overdue --format csv" "$DOLG overdue --format csv --db $ledger > /dev/null" bench/sql/overdue.sql
  row "report aging" "$DOLG report aging --db $ledger > /dev/null" bench/sql/aging.sql
  row "report portfolio" "$DOLG report portfolio --db $ledger > /dev/null" bench/sql/portfolio.sql
  row "next --all" "$DOLG next --all --db $ledger > /dev/null"
  row "daily --dry-run" "$DOLG daily --dry-run --db $ledger > /dev/null"
  row "daily" "$DOLG daily --db $copy > /dev/null" "" "$restore"
  # The day line after the night's close: every message planned at 02:15 handed to a gateway
  # that takes it at once (`true`), one process and two transactions per delivery.
  row "remind --send-cmd true (10:00, after daily)" \
      "$DOLG remind --db $copy --now 2026-11-20T10:00 --send-cmd true > /dev/null" "" \
      "$restore && $DOLG daily --db $copy --now 2026-11-20T02:15 > /dev/null"
  row "export contracts" "$DOLG export contracts --db $ledger > /dev/null"
  printf '.mode csv\n.import %s imported\n' "$WORK/payments-100k-$size.csv" > "$WORK/import.sql"
  row "import payments ($(($(wc -l < "$WORK/payments-100k-$size.csv") - 1)) rows)" \
      "$DOLG import payments $WORK/payments-100k-$size.csv --db $copy > /dev/null" "$WORK/import.sql" "$restore"
  # New contracts (the generator's first 10 000 under other numbers), and a bank statement of
  # 10 000 incoming payments matched by the contract number in their purpose.
  head -n 10001 "$WORK/csv-$size/contracts.csv" | sed '2,$s/^B-/N-/' > "$WORK/contracts-10k-$size.csv"
  row "import contracts ($(($(wc -l < "$WORK/contracts-10k-$size.csv") - 1)) rows)" \
      "$DOLG import contracts $WORK/contracts-10k-$size.csv --db $copy > /dev/null" "" "$restore"
  documents=$(bench/statement.py "$WORK/csv-$size/payments.csv" 10000 "$WORK/statement-$size.txt")
  row "import bank ($documents documents)" \
      "$DOLG import bank $WORK/statement-$size.txt --db $copy > /dev/null" "" "$restore"
done
echo >&2
cat "$RESULTS"
