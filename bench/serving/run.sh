#!/usr/bin/env bash
# Serving benchmark (results go to docs/benchmarks.md by hand):
#   bench/serving/run.sh            (DURATION=60 CONNECTIONS=64 COPIES=10 by default; ONLINE=0 skips wrk, BATCH=0 the
#                                    batch part; KEEP=1 keeps the work directory: logs, data, artifact, bodies;
#                                    IDLE=seconds lets the worker sit idle before the batch part)
# Starts the packaged api with its trainer-worker child on a throw-away embedded PostgreSQL, trains a CC-OR-Net on
# CDNOW (default config), points `champion` at it, then drives it with wrk on loopback: /q/health as the reference,
# single-customer predicts, 1,000-customer predicts. Then two batch scoring jobs on CDNOW copied COPIES times, the
# first on a new worker process, beside the raw forward pass of the same artifact on the same rows (the CLI's
# scoring-benchmark).
# Needs wrk (installed with apt-get when missing) and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."

port=${PORT:-18080}
duration=${DURATION:-60}
connections=${CONNECTIONS:-64}
data_csv=${DATA_CSV:-../shared/data/cdnow/ltv_table.csv}
admin=ltv_0123456789ab_serving-benchmark-operator
work=$(mktemp -d /tmp/ltv-serving-bench.XXXXXX)
base=http://127.0.0.1:$port

command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
[ -f api/target/quarkus-app/quarkus-run.jar ] && [ -f trainer-worker/target/ltv-trainer-worker.jar ] \
    || ./mvnw -B -q -DskipTests package

# the native settings ./run gives the api and its children (the CLI reference below gets the same)
# one malloc heap per core (nproc would count OMP_NUM_THREADS instead of the cores)
export MALLOC_ARENA_MAX=$(env -u OMP_NUM_THREADS -u OMP_THREAD_LIMIT nproc)
export OMP_NUM_THREADS=1 MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=268435456
LTV_DATA_DIR=$work/data LTV_HTTP_PORT=$port LTV_ADMIN_KEY=$admin \
    LTV_WORKER_JAR=$PWD/trainer-worker/target/ltv-trainer-worker.jar \
    java ${JAVA_OPTS:-} -jar api/target/quarkus-app/quarkus-run.jar >"$work/api.log" 2>&1 &
api=$!
# the api exits 143 on SIGTERM: || true keeps set -e from ending the trap before the clean-up
trap 'kill $api 2>/dev/null; wait $api 2>/dev/null || true; [ "${KEEP:-0}" = 1 ] && echo "kept $work" || rm -rf "$work"' EXIT
until curl -sf "$base/q/health/ready" >/dev/null; do sleep 1; kill -0 $api || { cat "$work/api.log"; exit 1; }; done

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
call() { curl -sf -H "Authorization: Bearer $1" "${@:2}"; }
# a job's status, read without python: python3 takes about 0.3 s of CPU to start on these machines, so polling each
# second with it took a sixth of the two cores from the scoring job being measured
status_of() { call $key "$1" | grep -o '"status":"[a-z_]*"' | cut -d'"' -f4; }
tenant=$(call $admin -H 'Content-Type: application/json' -d '{"name":"bench"}' $base/api/v1/tenants | json "['id']")
key=$(call $admin -H 'Content-Type: application/json' -d '{"name":"bench","scopes":["admin"]}' \
    $base/api/v1/tenants/$tenant/keys | json "['key']")
dataset=$(call $key -H 'Content-Type: text/csv' --data-binary @"$data_csv" \
    "$base/api/v1/datasets?name=cdnow&id_column=customer_id&label_column=label&ignore=fold,label_*" | json "['id']")
call $key -H 'Content-Type: application/json' -d '{"name":"ltv"}' $base/api/v1/models >/dev/null
job=$(call $key -H 'Content-Type: application/json' \
    -d "{\"dataset_id\":$dataset,\"split\":{\"fold_column\":\"fold\",\"train_folds\":[0,1,2],\"validation_folds\":[3],\"test_folds\":[4]}}" \
    $base/api/v1/models/ltv/training-jobs | json "['id']")
echo "training job $job on dataset $dataset ..."
while status=$(status_of $base/api/v1/training-jobs/$job); [ "$status" != succeeded ]; do
    case $status in failed|cancelled) echo "training job $job $status"; exit 1 ;; esac
    sleep 2
done
call $key -X PUT -H 'Content-Type: application/json' -d '{"version":1}' $base/api/v1/models/ltv/aliases/champion >/dev/null

python3 bench/serving/bodies.py "$data_csv" "$work" 1000
rss() { ps -o rss= -p $api | awk '{printf "%.0f MiB", $1/1024}'; }
load() { # name, connections, seconds, url, [body]
    echo "== $1: $2 connections, $3 s (api RSS before: $(rss))"
    if [ -n "${5:-}" ]; then
        BODY=$5 KEY=$key wrk -t"$(( $2 < 2 ? $2 : 2 ))" -c"$2" -d"$3"s --latency -s bench/serving/post.lua "$4"
    else
        wrk -t"$(( $2 < 2 ? $2 : 2 ))" -c"$2" -d"$3"s --latency "$4"
    fi
    echo "   api RSS after: $(rss)"
}
predict_seconds() { # count and sum of the predict endpoint's server times so far, from /q/metrics
    curl -sf "$base/q/metrics" | python3 -c "
import sys
n = t = 0.0
for line in sys.stdin:
    if 'uri=\"/api/v1/models/{name}/predict\"' in line:
        if line.startswith('http_server_requests_seconds_count'): n += float(line.split()[-1])
        if line.startswith('http_server_requests_seconds_sum'): t += float(line.split()[-1])
print(n, t)"
}
if [ "${ONLINE:-1}" = 1 ]; then
# warm the JIT and the model cache before measuring
load warm-up 8 10 "$base/api/v1/models/ltv/predict" "$work/one.json" >/dev/null
load warm-up 2 5 "$base/api/v1/models/ltv/predict" "$work/many.json" >/dev/null
load "/q/health (reference)" "$connections" "$duration" "$base/q/health"
load "predict, 1 customer" "$connections" "$duration" "$base/api/v1/models/ltv/predict" "$work/one.json"
load "/q/health (reference), 8 connections" 8 20 "$base/q/health"
load "predict, 1 customer, 8 connections (latency at moderate load)" 8 20 "$base/api/v1/models/ltv/predict" "$work/one.json"
# the same comparison at equal, moderate concurrency: /q/health (a database check per request) answered fewer
# requests at 64 connections than at 16-32, with a p99 in the hundreds of ms, which flatters the ratio at 64
load "/q/health (reference), 16 connections" 16 20 "$base/q/health"
load "predict, 1 customer, 16 connections" 16 20 "$base/api/v1/models/ltv/predict" "$work/one.json"
load "/q/health (reference), 32 connections" 32 20 "$base/q/health"
load "predict, 1 customer, 32 connections" 32 20 "$base/api/v1/models/ltv/predict" "$work/one.json"
before=$(predict_seconds)
load "predict, 1,000 customers, one connection (server time)" 1 20 "$base/api/v1/models/ltv/predict" "$work/many.json"
echo "   server time (Micrometer, mean over the run): $(predict_seconds | BEFORE=$before python3 -c "
import os, sys
n0, s0 = map(float, os.environ['BEFORE'].split()); n1, s1 = map(float, sys.stdin.read().split())
print(f'{(s1 - s0) / (n1 - n0) * 1000:.1f} ms over {n1 - n0:.0f} requests')")"
load "predict, 1,000 customers" 8 30 "$base/api/v1/models/ltv/predict" "$work/many.json"
echo "ERROR lines in the api log: $(grep -c ERROR "$work/api.log" || true)"
grep "ERROR" "$work/api.log" | head -5 || true
fi

[ "${BATCH:-1}" = 1 ] || exit 0
echo "== batch scoring: CDNOW x${COPIES:-10}"
python3 bench/serving/copies.py "$data_csv" "$work/big.csv" "${COPIES:-10}"
big=$(call $key -H 'Content-Type: text/csv' --data-binary @"$work/big.csv" \
    "$base/api/v1/datasets?name=cdnow-big&id_column=customer_id&label_column=label&ignore=fold,label_*" | json "['id']")
# CPU seconds of a process (/proc/<pid>/stat): how much of the cores the worker and the api took during a job
cpu_of() { awk '{print ($14 + $15) / 100}' "/proc/$1/stat"; }
# the embedded PostgreSQL's CPU seconds: its server process, its live backends, and the backends that ended (which
# the server process's own counters gather)
postmaster=$(pgrep -f -- "-D $work/data" | head -1)
pg_cpu() {
    { awk '{print $16 + $17}' "/proc/$postmaster/stat"; for p in $postmaster $(pgrep -P $postmaster); do
        awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done; } | awk '{t += $1} END {print t / 100}'
}
# the worker's page faults, minor and major: a worker that sat idle finds pages the machine reclaimed meanwhile
# (and threads.py: each worker thread's CPU and its wait for a core, from the kernel's per-thread counters; thread
# "java" is the worker's main thread, which runs a job's forward passes)
faults_of() { awk '{print $10, $12}' "/proc/$1/stat"; }
# the first job on a new worker process, as after a deploy: stop the worker that trained the model (the api starts a
# new one) and wait until the new one polls, after its start-up warm-up
trained_by=$(pgrep -f ltv-trainer-worker.jar | head -1)
polling=$(grep -c "polling for scoring and training jobs" "$work/api.log")
kill $trained_by
while worker=$(pgrep -f ltv-trainer-worker.jar | head -1); [ -z "$worker" ] || [ "$worker" = "$trained_by" ] \
        || [ "$(grep -c "polling for scoring and training jobs" "$work/api.log")" -le "$polling" ]; do
    sleep 1
done
# IDLE=seconds: let the worker sit idle first, as it does while the online part runs
sleep "${IDLE:-0}"
for run in "first (new worker process)" "second (warm worker)"; do
    python3 bench/serving/threads.py "$worker" >"$work/threads.txt" & threads=$!
    sleep 1 # python's start-up done before the job starts
    worker0=$(cpu_of $worker); api0=$(cpu_of $api); pg0=$(pg_cpu); faults0=$(faults_of $worker); t0=$(date +%s.%N)
    scoring=$(call $key -H 'Content-Type: application/json' -d "{\"dataset_id\":$big}" \
        $base/api/v1/models/ltv/scoring-jobs | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
    while status=$(status_of $base/api/v1/scoring-jobs/$scoring); [ "$status" != succeeded ]; do
        case $status in failed|cancelled) echo "scoring job $scoring $status"; exit 1 ;; esac
        sleep 1
    done
    echo "$(cpu_of $worker) $worker0 $(cpu_of $api) $api0 $(pg_cpu) $pg0 $(date +%s.%N) $t0" | awk '{printf \
        "   CPU: worker %.1f s, api %.1f s, PostgreSQL %.1f s in %.1f s (polled each second)", $1 - $2, $3 - $4, $5 - $6,
        $7 - $8}'
    echo "$(faults_of $worker) $faults0" | awk '{printf "; worker page faults %d minor, %d major", $1 - $3, $2 - $4}'
    echo "; worker RSS after: $(ps -o rss= -p $worker | awk '{printf "%.0f MiB", $1/1024}')"
    kill $threads; wait $threads || true; cat "$work/threads.txt"
    call $key $base/api/v1/scoring-jobs/$scoring | RUN="$run" python3 -c "
import json, os, sys, datetime
j = json.load(sys.stdin)
t = lambda s: datetime.datetime.fromisoformat(s.replace('Z', '+00:00'))
seconds = (t(j['finished_at']) - t(j['started_at'])).total_seconds()
print(f\"scoring job, {os.environ['RUN']}: {j['result_rows']} rows; scoring loop (read, score, store each chunk) \"
      f\"{j['progress']['rows_per_second']:.0f} rows/s; whole job (also loading the model) \"
      f\"{j['result_rows'] / seconds:.0f} rows/s\")"
done
call $key $base/api/v1/models/ltv/versions/1/artifact >"$work/model.ltv"
java -jar model/target/ltv-model-cli.jar scoring-benchmark --model "$work/model.ltv" \
    --data "$work/big.csv" --id customer_id
