#!/usr/bin/env bash
# Sets the SCRAM credential of every welkom principal from a password file and adds the ACLs of
# acls.txt (generated from the services' code). Run by the one-shot kafka-init service after
# create-topics.sh, and by the Kafka test bed; safe to re-run: a credential is set again, an ACL
# that exists already is left as it is. It only adds: an ACL dropped from acls.txt stays on the
# cluster until someone removes it (kafka-acls.sh --remove).
set -euo pipefail

BIN="${KAFKA_BIN:-/opt/kafka/bin}"
BOOTSTRAP="${KAFKA_ADMIN_BOOTSTRAP:-kafka:19092}"
ACLS_FILE="${ACLS_FILE:-/opt/welkom/acls.txt}"
# Lines `user:password`, the file welkom reads as WELKOM_KAFKA_SASL_PASSWORD_FILE; `none` = leave
# the credentials alone (the test bed stores them when it formats the storage).
PASSWORD_FILE="${KAFKA_PASSWORD_FILE:-/run/secrets/welkom.kafka-passwords}"
MECHANISM="${WELKOM_KAFKA_SASL_MECHANISM:-SCRAM-SHA-512}"
ADMIN=(--bootstrap-server "$BOOTSTRAP")
if [[ -n "${KAFKA_ADMIN_COMMAND_CONFIG:-}" ]]; then
  ADMIN+=(--command-config "$KAFKA_ADMIN_COMMAND_CONFIG")
fi

log() { printf 'kafka-init: %s\n' "$*"; }
fail() { printf 'kafka-init: ERROR: %s\n' "$*" >&2; exit 1; }

NAME='^[A-Za-z0-9._-]+$'
[[ -r "$ACLS_FILE" ]] || fail "cannot read $ACLS_FILE"
[[ "$MECHANISM" == SCRAM-SHA-256 || "$MECHANISM" == SCRAM-SHA-512 ]] \
  || fail "WELKOM_KAFKA_SASL_MECHANISM must be SCRAM-SHA-256 or SCRAM-SHA-512, not '$MECHANISM'"

# 1. Read and check everything before changing anything.
declare -A ops_of=()     # "principal kind name" -> " OP OP"
resources=()             # those keys, in the order of acls.txt
principals=()
n=0
while read -r principal operation kind name extra <&3; do
  n=$((n + 1))
  [[ -z "${principal:-}" || "$principal" == \#* ]] && continue
  [[ -n "${name:-}" && -z "${extra:-}" ]] || fail "$ACLS_FILE:$n: expected <principal> <operation> <type> <name>"
  [[ "$principal" =~ $NAME ]] || fail "$ACLS_FILE:$n: bad principal '$principal'"
  [[ "$operation" =~ ^(READ|WRITE|DESCRIBE|IDEMPOTENT_WRITE)$ ]] \
    || fail "$ACLS_FILE:$n: operation '$operation' is not READ, WRITE, DESCRIBE or IDEMPOTENT_WRITE"
  case "$kind" in
    topic) [[ "$name" =~ $NAME ]] || fail "$ACLS_FILE:$n: bad topic name '$name'" ;;
    group) [[ "$name" =~ $NAME || "$name" == '*' ]] || fail "$ACLS_FILE:$n: bad group name '$name'" ;;
    cluster) [[ "$name" == kafka-cluster ]] || fail "$ACLS_FILE:$n: the cluster is called kafka-cluster" ;;
    *) fail "$ACLS_FILE:$n: resource type '$kind' is not topic, group or cluster" ;;
  esac
  key="$principal $kind $name"
  [[ -n "${ops_of[$key]+set}" ]] || resources+=("$key")
  [[ " ${principals[*]} " == *" $principal "* ]] || principals+=("$principal")
  ops_of[$key]="${ops_of[$key]:-} $operation"
done 3<"$ACLS_FILE"
[[ ${#resources[@]} -gt 0 ]] || fail "$ACLS_FILE holds no ACL"

declare -A password_of=()
users=()
if [[ "$PASSWORD_FILE" != none ]]; then
  [[ -r "$PASSWORD_FILE" ]] || fail "cannot read the password file $PASSWORD_FILE"
  n=0
  while IFS= read -r line <&3 || [[ -n "$line" ]]; do
    n=$((n + 1))
    [[ -z "$line" || "$line" == \#* ]] && continue
    [[ "$line" == *:* ]] || fail "$PASSWORD_FILE:$n: expected user:password"
    user="${line%%:*}" password="${line#*:}"
    [[ "$user" =~ $NAME ]] || fail "$PASSWORD_FILE:$n: bad user name (use letters, digits, . _ -)"
    [[ "$password" =~ ^[A-Za-z0-9._~-]{16,}$ ]] \
      || fail "$PASSWORD_FILE:$n: use at least 16 of letters, digits, . _ ~ - (e.g. openssl rand -hex 32)"
    [[ -z "${password_of[$user]+set}" ]] || fail "$PASSWORD_FILE:$n: $user appears twice"
    password_of[$user]="$password"
    users+=("$user")
  done 3<"$PASSWORD_FILE"
  for principal in "${principals[@]}"; do
    [[ -n "${password_of[$principal]+set}" ]] || fail "$PASSWORD_FILE has no line for $principal"
  done
fi

# 2. SCRAM credentials: KRaft keeps them in the cluster metadata.
for user in "${users[@]}"; do
  "$BIN/kafka-configs.sh" "${ADMIN[@]}" --alter --entity-type users --entity-name "$user" \
    --add-config "$MECHANISM=[iterations=8192,password=${password_of[$user]}]" >/dev/null
  log "SCRAM credential ($MECHANISM) set for $user"
done
if [[ "$PASSWORD_FILE" == none ]]; then
  log "KAFKA_PASSWORD_FILE=none: SCRAM credentials left as they are"
fi

# 3. ACLs: one kafka-acls.sh (one JVM) per principal and set of operations, over all its
# resources with exactly that set (kafka-acls.sh adds every operation on every resource named);
# principals with the same operations on the same resources share the call.
declare -A args_of=() shown_of=() principals_of=()
pairs=()
for key in "${resources[@]}"; do
  read -r principal kind name <<<"$key"
  ops="$(tr ' ' '\n' <<<"${ops_of[$key]}" | sed '/^$/d' | sort -u | tr '\n' ' ')"
  pair="$principal ${ops% }"
  [[ -n "${args_of[$pair]+set}" ]] || pairs+=("$pair")
  if [[ "$kind" == cluster ]]; then
    args_of[$pair]="${args_of[$pair]:-} --cluster"
  else
    args_of[$pair]="${args_of[$pair]:-} --$kind $name"
  fi
  shown_of[$pair]="${shown_of[$pair]:-} $kind:$name"
done
calls=()
for pair in "${pairs[@]}"; do
  read -r principal ops <<<"$pair"
  call="$ops|${args_of[$pair]}"
  [[ -n "${principals_of[$call]+set}" ]] || calls+=("$call")
  principals_of[$call]="${principals_of[$call]:-} $principal"
  log "$principal may ${ops// /,}:${shown_of[$pair]}"
done
for call in "${calls[@]}"; do
  command=(--add)
  for principal in ${principals_of[$call]}; do command+=(--allow-principal "User:$principal"); done
  for op in ${call%%|*}; do  # kafka-acls.sh spells them Read, Write, Describe, IdempotentWrite
    case "$op" in
      IDEMPOTENT_WRITE) command+=(--operation IdempotentWrite) ;;
      *) command+=(--operation "${op:0:1}$(tr '[:upper:]' '[:lower:]' <<<"${op:1}")") ;;
    esac
  done
  read -r -a named <<<"${call#*|}"  # names were checked above: no spaces, no globs but '*'
  "$BIN/kafka-acls.sh" "${ADMIN[@]}" "${command[@]}" "${named[@]}" >/dev/null
done
log "${#resources[@]} resources of ${#principals[@]} principals: ACLs in place (${#calls[@]} kafka-acls.sh calls)"
