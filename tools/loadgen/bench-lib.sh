# Shell functions shared by the benchmark harnesses (run-bench.sh, run-backbone-bench.sh). Source it; it
# defines functions only and starts nothing.

# Stops a process: SIGTERM, then SIGKILL if it is still there after the given seconds. Quiet for no/ended pid.
stop_pid() {  # pid, seconds to wait after SIGTERM
    local pid=$1 wait_s=$2 i
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < wait_s * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    echo "pid $pid did not stop in ${wait_s}s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
}

# Fails when a loopback port already has a listener.
require_free_port() {  # port, name of the variable that moves it
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
        echo "port $1 is in use; set $2" >&2
        return 1
    fi
}

# Waits until an HTTP URL answers 2xx while the process lives; prints its log's tail and fails otherwise.
await_http_ready() {  # url, pid, log file, seconds, name
    local url=$1 pid=$2 log=$3 seconds=$4 name=$5 i
    for ((i = 0; i < seconds * 10; i++)); do
        curl -sf -o /dev/null "$url" && return 0
        kill -0 "$pid" 2>/dev/null || { tail -50 "$log" >&2; echo "$name exited" >&2; return 1; }
        sleep 0.1
    done
    tail -50 "$log" >&2
    echo "$name not ready within $seconds s" >&2
    return 1
}

# One line about the machine for a result: date, cores, CPU model, load average.
machine_line() {
    local model
    model=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)
    echo "$(date -u +%FT%TZ) nproc=$(nproc) cpu=\"${model:-unknown}\" load=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
}
