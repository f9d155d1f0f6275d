#!/usr/bin/env bash
# The external ActiveMQ Artemis broker of the two-server tests (the distribution comes from Maven
# Central, unpacked by the build).
#
#   artemis-broker.sh start    <artemis home> <instance dir> <port> <user> <password> [<java home>]
#   artemis-broker.sh stop     <artemis home> <instance dir>
#   artemis-broker.sh relaunch <artemis home> <instance dir> <port> [<java home>]
#
# start creates a fresh broker instance (one CORE acceptor on 127.0.0.1:<port>, login required, no
# web console, no AMQP/MQTT/STOMP/HornetQ acceptors), runs it in the background, writes its PID to
# <instance dir>/broker.pid and waits until it accepts connections. A watchdog stops it when the
# build that started it ends without stopping it (a failed server start, Ctrl-C); the build is this
# script's parent process.
# stop asks the broker to stop, then ends the process in the PID file if it is still there.
# relaunch runs the existing instance again (its journal kept), as after a broker restart, watched
# by the same build.
set -euo pipefail

command=${1:?start or stop}
home=${2:?the Artemis distribution directory}
instance=$(realpath -m "${3:?the broker instance directory}")
pid_file="$instance/broker.pid"
build_pid_file="$instance/build.pid"
log_file="$instance/broker.out"

# The process in the PID file, if it is still this instance's broker (a PID can be reused).
alive() {
  [ -f "$pid_file" ] && ps -o args= -p "$(cat "$pid_file")" 2>/dev/null | grep -qF -- "$instance"
}

stop_broker() {
  alive || { rm -f "$pid_file"; return 0; }
  local pid
  pid=$(cat "$pid_file")
  "$instance/bin/artemis" stop >/dev/null 2>&1 || true
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pid_file"; echo "Artemis broker stopped"; return 0; }
    sleep 0.5
  done
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pid_file"; echo "Artemis broker ended (pid $pid)"; return 0; }
    sleep 0.5
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pid_file"
  echo "Artemis broker killed (pid $pid)"
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

launch() {
  local port=$1
  if [ -f "$log_file" ]; then
    mv "$log_file" "$log_file.previous"
  fi
  setsid nohup "$instance/bin/artemis" run >"$log_file" 2>&1 </dev/null &
  echo $! >"$pid_file"
  for _ in $(seq 1 120); do
    if ! alive; then
      tail -n 30 "$log_file" >&2
      echo "The Artemis broker did not start (log: $log_file)" >&2
      exit 1
    fi
    if port_open "$port" && grep -q 'AMQ221007' "$log_file"; then
      break
    fi
    sleep 0.5
  done
  port_open "$port" || { stop_broker; echo "The Artemis broker did not open 127.0.0.1:$port within 60 s (log: $log_file)" >&2; exit 1; }

  # Stop the broker once the build ends, unless the build stopped it first.
  local build_pid broker_pid
  build_pid=$(cat "$build_pid_file")
  broker_pid=$(cat "$pid_file")
  setsid nohup bash -c '
    while kill -0 "$1" 2>/dev/null; do sleep 5; done
    if [ -f "$3" ] && [ "$(cat "$3")" = "$2" ] && ps -o args= -p "$2" | grep -qF -- "$4"; then
      kill "$2"
    fi' watchdog "$build_pid" "$broker_pid" "$pid_file" "$instance" >/dev/null 2>&1 </dev/null &
  echo "Artemis broker running on 127.0.0.1:$port (pid $broker_pid, log $log_file)"
}

use_java() {
  if [ -n "${1:-}" ]; then
    export JAVA_HOME="$1"
  fi
}

case "$command" in
  start)
    port=${4:?the broker port}
    user=${5:?the broker user}
    password=${6:?the broker password}
    use_java "${7:-}"
    # A broker of an earlier, interrupted build of this project.
    stop_broker >/dev/null
    if port_open "$port"; then
      echo "Port $port is taken by another process: the two-server tests need it for their Artemis broker (set -Dcluster.broker.port=<free port>)" >&2
      exit 1
    fi
    rm -rf "$instance"
    "$home/bin/artemis" create --silent --force --nio --no-autotune --no-web \
      --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
      --require-login --user "$user" --password "$password" --role convot \
      --name convot-it --host 127.0.0.1 --default-port "$port" \
      "$instance" >"$instance.create.log" 2>&1 \
      || { cat "$instance.create.log" >&2; echo "Could not create the Artemis broker instance in $instance" >&2; exit 1; }
    # The one acceptor speaks CORE only: Convot's resource adapter needs nothing else.
    sed -i -E 's/protocols=[A-Z,]+/protocols=CORE/' "$instance/etc/broker.xml"
    grep -c '<acceptor ' "$instance/etc/broker.xml" | grep -qx 1 \
      || { echo "Expected exactly one acceptor in $instance/etc/broker.xml" >&2; exit 1; }
    echo "$PPID" >"$build_pid_file"
    launch "$port"
    ;;
  relaunch)
    port=${4:?the broker port}
    use_java "${5:-}"
    [ -f "$build_pid_file" ] || { echo "No broker instance in $instance: the build starts it" >&2; exit 1; }
    stop_broker >/dev/null
    launch "$port"
    ;;
  stop)
    stop_broker
    ;;
  *)
    echo "usage: $0 start|stop|relaunch <artemis home> <instance dir> ..." >&2
    exit 2
    ;;
esac
