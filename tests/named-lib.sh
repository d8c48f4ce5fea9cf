# Shared by the tests that run named (after lib.sh): named started on loopback
# and stopped whatever happens.
: "${NAMED:=named}" "${DIG:=dig}" "${PYTHON3:=python3}"

named_pids=
named_stop_all() {
	for _pid in $named_pids; do
		kill "$_pid" 2>/dev/null
		_i=0
		while kill -0 "$_pid" 2>/dev/null && [ $_i -lt 50 ]; do sleep 0.1; _i=$((_i + 1)); done
		kill -9 "$_pid" 2>/dev/null
	done
	named_pids=
}
at_exit named_stop_all

# named_start CONF LOG ADDR PORT: runs named -g on CONF (which must listen on
# ADDR PORT only); true once it answers there. Its pid is $named_pid.
named_start() {
	"$NAMED" -g -4 -c "$1" > "$2" 2>&1 &
	named_pid=$!
	named_pids="$named_pids $named_pid"
	_i=0
	while [ $_i -lt 100 ]; do
		kill -0 "$named_pid" 2>/dev/null || break
		if grep -q "running" "$2" &&
		    "$DIG" +short +time=1 +tries=1 -p "$4" @"$3" -b "$3" version.bind CH TXT >/dev/null 2>&1; then
			return 0
		fi
		sleep 0.1
		_i=$((_i + 1))
	done
	diag < "$2"
	return 1
}

# named_options DIR ADDR PORT: an options block for a test named: loopback only,
# no recursion, no validation, no NOTIFY, state under DIR; and no control channel.
named_options() {
	cat <<CONF
options {
	directory "$1";
	listen-on port $3 { $2; };
	listen-on-v6 { none; };
	pid-file "$1/named.pid";
	session-keyfile "$1/session.key";
	managed-keys-directory "$1";
	recursion no;
	dnssec-validation no;
	notify no;
	transfer-source $2;
	notify-source $2;
};
controls { };
CONF
}
