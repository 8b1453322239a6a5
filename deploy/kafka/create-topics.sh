#!/usr/bin/env bash
# Creates the welkom topics listed in topics.txt (or brings their configs in line). Run by the
# one-shot kafka-init service before create-acls.sh (the principals' credentials and ACLs), and by
# the Kafka test bed; safe to re-run.
set -euo pipefail

BIN="${KAFKA_BIN:-/opt/kafka/bin}"
BOOTSTRAP="${KAFKA_ADMIN_BOOTSTRAP:-kafka:19092}"
TOPICS_FILE="${TOPICS_FILE:-/opt/welkom/topics.txt}"
RF="${TOPIC_REPLICATION_FACTOR:-1}"
MIN_ISR="${TOPIC_MIN_INSYNC_REPLICAS:-1}"
# Production: an admin client properties file (SASL_SSL + admin credentials) for --command-config.
ADMIN=(--bootstrap-server "$BOOTSTRAP")
if [[ -n "${KAFKA_ADMIN_COMMAND_CONFIG:-}" ]]; then
  ADMIN+=(--command-config "$KAFKA_ADMIN_COMMAND_CONFIG")
fi

log() { printf 'kafka-init: %s\n' "$*"; }
fail() { printf 'kafka-init: ERROR: %s\n' "$*" >&2; exit 1; }

to_ms() {  # 90d | 12h | 600000ms -> milliseconds
  local v="$1"
  if [[ "$v" =~ ^([0-9]+)d$ ]]; then echo $(( BASH_REMATCH[1] * 86400000 ))
  elif [[ "$v" =~ ^([0-9]+)h$ ]]; then echo $(( BASH_REMATCH[1] * 3600000 ))
  elif [[ "$v" =~ ^([0-9]+)ms$ ]]; then echo "${BASH_REMATCH[1]}"
  else fail "retention '$v' is not <n>d, <n>h or <n>ms"
  fi
}

[[ -r "$TOPICS_FILE" ]] || fail "cannot read $TOPICS_FILE"
[[ "$RF" =~ ^[1-9][0-9]*$ ]] || fail "TOPIC_REPLICATION_FACTOR must be a positive number"
[[ "$MIN_ISR" =~ ^[1-9][0-9]*$ ]] || fail "TOPIC_MIN_INSYNC_REPLICAS must be a positive number"

log "waiting for the broker at $BOOTSTRAP"
for attempt in $(seq 1 30); do
  if existing="$("$BIN/kafka-topics.sh" "${ADMIN[@]}" --list 2>/dev/null)"; then break; fi
  [[ "$attempt" -eq 30 ]] && fail "broker not reachable at $BOOTSTRAP"
  sleep 2
done

count=0
while read -r topic partitions replication retention maxbytes extra <&3; do
  [[ -z "${topic:-}" || "$topic" == \#* ]] && continue
  [[ -z "${extra:-}" && -n "${maxbytes:-}" ]] || fail "$topic: expected 5 columns in $TOPICS_FILE"
  # shellcheck disable=SC2016  # the literal token $RF in topics.txt means "the variable"
  [[ "$replication" == '$RF' ]] && replication="$RF"
  [[ "$partitions" =~ ^[1-9][0-9]*$ ]] || fail "$topic: bad partition count '$partitions'"
  [[ "$replication" =~ ^[1-9][0-9]*$ ]] || fail "$topic: bad replication '$replication'"
  (( MIN_ISR <= replication )) || fail "$topic: min.insync.replicas $MIN_ISR > replication $replication"

  configs="cleanup.policy=delete,retention.ms=$(to_ms "$retention"),min.insync.replicas=$MIN_ISR"
  [[ "$maxbytes" != "-" ]] && configs="$configs,max.message.bytes=$maxbytes"

  if grep -qxF "$topic" <<<"$existing"; then
    "$BIN/kafka-configs.sh" "${ADMIN[@]}" --alter --entity-type topics --entity-name "$topic" \
      --add-config "$configs" >/dev/null
    current="$("$BIN/kafka-topics.sh" "${ADMIN[@]}" --describe --topic "$topic" \
      | grep -o 'PartitionCount: *[0-9]*' | grep -o '[0-9]*$' | head -n 1)"
    if [[ "$current" != "$partitions" ]]; then
      log "WARNING $topic has $current partitions, topics.txt says $partitions; left unchanged" \
          "(changing it would break per-person ordering)"
    fi
    log "updated $topic ($configs)"
  else
    create=(--create --if-not-exists --topic "$topic" --partitions "$partitions"
            --replication-factor "$replication")
    IFS=',' read -r -a pairs <<<"$configs"
    for pair in "${pairs[@]}"; do create+=(--config "$pair"); done
    "$BIN/kafka-topics.sh" "${ADMIN[@]}" "${create[@]}" >/dev/null
    log "created $topic (partitions=$partitions replication=$replication $configs)"
  fi
  count=$((count + 1))
done 3<"$TOPICS_FILE"
log "$count topics in place"

# Compatibility: before create-acls.sh set the credential of every principal, this script set one
# shared client user's. It still does when WELKOM_KAFKA_SASL_USERNAME is given (with a SCRAM
# mechanism); compose no longer gives it. KRaft keeps SCRAM credentials in the cluster metadata.
mechanism="${WELKOM_KAFKA_SASL_MECHANISM:-}"
user="${WELKOM_KAFKA_SASL_USERNAME:-}"
if [[ -n "$user" && ( "$mechanism" == SCRAM-SHA-256 || "$mechanism" == SCRAM-SHA-512 ) ]]; then
  password="${WELKOM_KAFKA_SASL_PASSWORD:?WELKOM_KAFKA_SASL_PASSWORD is required with WELKOM_KAFKA_SASL_USERNAME}"
  [[ "$user" =~ ^[A-Za-z0-9._-]+$ ]] || fail "WELKOM_KAFKA_SASL_USERNAME: use letters, digits, . _ -"
  [[ "$password" =~ ^[A-Za-z0-9._~-]{16,}$ ]] \
    || fail "WELKOM_KAFKA_SASL_PASSWORD: use at least 16 of letters, digits, . _ ~ - (e.g. openssl rand -hex 32)"
  "$BIN/kafka-configs.sh" "${ADMIN[@]}" --alter --entity-type users --entity-name "$user" \
    --add-config "$mechanism=[iterations=8192,password=$password]" >/dev/null
  log "SCRAM credential ($mechanism) set for client user $user"
fi
