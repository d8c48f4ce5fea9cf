# TAP helpers for the shell tests. Each test sources this file, calls plan N
# (or plan_later), then ok/fail; cleanup runs whatever happens.
: "${UCPLAN:=$top_builddir/src/ucplan}"
: "${top_srcdir:=..}"
tap_n=0
tap_failed=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ucplan-test.XXXXXX")
cleanup_hooks=""
at_exit() { cleanup_hooks="$1; $cleanup_hooks"; }
_tap_cleanup() { eval "$cleanup_hooks"; rm -rf "$TMP"; }
trap _tap_cleanup EXIT
trap 'exit 1' INT TERM

plan() { echo "1..$1"; }
ok() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $*"; }
not_ok() { tap_n=$((tap_n + 1)); tap_failed=$((tap_failed + 1)); echo "not ok $tap_n - $*"; }
skip_all() { echo "1..0 # SKIP $*"; exit 0; }
diag() { sed 's/^/# /'; }
# check DESCRIPTION COMMAND...: ok when COMMAND succeeds; prints its output on failure.
check() {
	_check_desc=$1; shift
	if _check_out=$("$@" 2>&1); then ok "$_check_desc"; else not_ok "$_check_desc"; printf "%s\n" "$_check_out" | diag; fi
}
done_testing() { echo "1..$tap_n"; [ "$tap_failed" -eq 0 ]; }
# Runs ucplan, keeping stdout, stderr and the exit status in $TMP/out, $TMP/err and $rc.
run() { rc=0; "$UCPLAN" "$@" >"$TMP/out" 2>"$TMP/err" || rc=$?; }
# The SHA-256 of every file below DIR with its mtime: changes when any byte or mtime does.
# ucplan's own .ucplan.lock and .ucplan.state are not output and not counted.
tree_state() { (cd "$1" && find . -type f ! -name '.ucplan.*' -printf '%p %T@\n' | sort &&
    find . -type f ! -name '.ucplan.*' -print0 | sort -z | xargs -0 -r sha256sum); }
# A TCP port nobody listens on at 127.0.0.1 (the kernel picks it).
free_port() {
	"${PYTHON3:-python3}" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}
