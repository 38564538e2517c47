#!/usr/bin/env bash
# sweep.sh: robustness sweep of fifolint over large real code.
#
# Usage: scripts/sweep.sh [-k] [-o DIR] [TARGET...]
#
# It builds fifolint from this checkout (or takes $FIFOLINT_BIN), then runs
# it over each TARGET in both of its modes:
#
#   standalone   fifolint -json -test PATTERNS                (test files too)
#   vet          go vet -vettool=<abs path> -json PATTERNS   (test files too)
#
# TARGETs (default: all):
#
#   std          the Go standard library, pattern std, with tests
#   std-slice    a slice of std whose code uses every construct fifolint's
#                analysis follows (function values and closures, methods
#                and interfaces, generics and iterators, sync.Once and
#                atomics, the clock and randomness, reflection, goroutines
#                and defer, cgo, assembly), with tests: $STD_SLICE
#   sdk-v2       aws-sdk-go-v2 service/sqs/..., service/sns/..., aws/...,
#                config/... (with tests)
#   sdk-v1       aws-sdk-go (v1) service/sqs/..., service/sns/..., aws/...
#                (with tests)
#   repo         this repository's own modules: examples/orders,
#                testdata/corpus, passes/*/testdata, internal/origin/testdata
#                (./... in each)
#   suite        std-slice sdk-v2 sdk-v1 repo: what go test ./... runs, as
#                cmd/fifolint TestSweep (it does not compile the test
#                variants of all of std)
#   ci           std sdk-v2 sdk-v1
#   all          std sdk-v2 sdk-v1 repo: the full sweep, which .ci/run
#                runs after the test suite when CI=true
#
# The SDK targets run in a scratch module made in a temporary directory. It
# requires the SDK at the versions of passes/groupid/testdata/go.mod, and
# github.com/aws/aws-sdk-go-v2/config at $SWEEP_CONFIG_VERSION (the newest
# release whose go.mod needs no newer aws-sdk-go-v2 core than those
# versions, so nothing is upgraded). The first run downloads them.
#
# For each target and mode it reports, in a table on stdout:
#
#   packages     packages matched, test variants included (go list -test)
#   time, RSS    wall time in seconds, peak resident set size in MiB (of
#                fifolint standalone; of go vet and its children under vet;
#                "-" without GNU time in /usr/bin/time)
#   panics       stderr lines "panic:" or "goroutine N [...]:" (a crash)
#   errors       analyzer errors: JSON {"error": ...} entries, "analysis
#                skipped" lines, any other unexpected stderr line (package
#                load or type errors included), and a non-zero exit status
#                (with -json, findings exit 0 in both modes)
#   groupid ...  diagnostics per pass (groupid, dedupid, errswallow,
#                fifoparams); the strict targets count every analyzer
#
# It exits 1 if any target has a panic or an analyzer error, or if a std or
# SDK target has any diagnostic (fifolint must stay silent there: it
# describes std and the SDK with built-in models). Diagnostics in the repo
# target are expected (those modules are full of planted bugs) and only
# counted. Exit 2 is a usage error or a failed setup step.
#
# Each run's output goes to DIR (default: a temporary directory, removed on
# exit unless -k): <target>.<mode>.{stdout,stderr,exit}, and the table in
# summary.txt.
#
# go vet and its cache. Go 1.26's vet result cache does not key on whether
# a package was analysed as a root or only as a dependency, so a cached
# result from another vet invocation can be replayed with diagnostics lost
# or added. The sweep
# therefore runs each vet target with its own copy of the binary with a
# unique nonce appended: go vet keys its cache on a hash of the tool's
# contents (-V=full), so every vet result is computed afresh, while the
# compiled export data (the expensive part) still comes from the normal
# build cache. The effect is that of a fresh GOCACHE per vet invocation,
# without recompiling std each time.
#
# Cost on a 2-core machine (see the table of the last run for yours): with a
# warm build cache, ci takes about 3 minutes (std standalone 20 s and 2 GiB
# RSS, std vet 90 s, the SDKs 1 minute). With a cold build cache, compiling
# std with its tests (both modes need export data of every test variant)
# dominates: about 26 minutes of CPU, 21 minutes of wall time for std
# standalone alone on a busy machine; the vet run then reuses it. Those
# compiled test variants stay in the build cache for the next run.
#
# Environment:
#   GO                     go command (default: go)
#   FIFOLINT_BIN           a fifolint binary to sweep instead of building one
#   SWEEP_CONFIG_VERSION   version of aws-sdk-go-v2/config (default below)
#   SWEEP_MODES            modes to run (default: "standalone vet")
#
# Needs: bash, Go (go.mod's version or later), a module proxy for the first
# run of the SDK targets. Nothing else: the JSON is read by a small Go
# program written to the temporary directory.
set -euo pipefail

GO=${GO:-go}
SWEEP_CONFIG_VERSION=${SWEEP_CONFIG_VERSION:-v1.33.16}
SWEEP_MODES=${SWEEP_MODES:-standalone vet}
STD_SLICE="context errors fmt strconv strings sort slices maps iter sync sync/atomic time math/rand/v2 crypto/rand encoding/json log/slog net/url os/user text/template hash/crc32 bufio"

# SDK versions: those of passes/groupid/testdata/go.mod.
V2_CORE=v1.48.0
V2_SQS=v1.52.11
V2_SNS=v1.47.10
V1_SDK=v1.55.8

usage() {
	sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
	exit 2
}

keep=false
outdir=
while getopts "ko:h" opt; do
	case $opt in
	k) keep=true ;;
	o) outdir=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))

targets=()
for t in "${@:-all}"; do
	case $t in
	all) targets+=(std sdk-v2 sdk-v1 repo) ;;
	ci) targets+=(std sdk-v2 sdk-v1) ;;
	suite) targets+=(std-slice sdk-v2 sdk-v1 repo) ;;
	std | std-slice | sdk-v2 | sdk-v1 | repo) targets+=("$t") ;;
	*)
		echo "sweep.sh: unknown target $t" >&2
		usage
		;;
	esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/fifolint-sweep.XXXXXX")
cleanup() {
	if $keep; then
		echo "sweep.sh: kept $work" >&2
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT
if [[ -z $outdir ]]; then
	outdir=$work/out
fi
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)

fail_setup() {
	echo "sweep.sh: $*" >&2
	exit 2
}

now() { date +%s.%N; }

# --- Build ------------------------------------------------------------------
if [[ -n ${FIFOLINT_BIN:-} ]]; then
	bin=$FIFOLINT_BIN
	[[ -x $bin ]] || fail_setup "FIFOLINT_BIN=$bin is not an executable"
else
	bin=$work/bin/fifolint
	echo "sweep.sh: building fifolint" >&2
	(cd "$root" && "$GO" build -o "$bin" ./cmd/fifolint) || fail_setup "go build ./cmd/fifolint failed"
fi

# The modules under test use their own go.mod only, and the caller's
# GOFLAGS (-mod=vendor, -tags ...) must not change what is analysed.
export GOWORK=off GOFLAGS=


timer=()
if [[ -x /usr/bin/time ]] && /usr/bin/time -f %M true 2>/dev/null; then
	timer=(/usr/bin/time -f "SWEEP-MAXRSS-KB=%M" -o)
fi

# The JSON reader: counts the diagnostics per analyzer and the error
# entries in a stream of {"pkg": {"analyzer": [diag...] | {"error": msg}}}
# documents (one from fifolint -json, one per package from go vet -json).
mkdir -p "$work/count" "$work/bin"
cat >"$work/count/main.go" <<'EOF'
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
)

func main() {
	counts := map[string]int{}
	var errs []string
	dec := json.NewDecoder(bufio.NewReader(os.Stdin))
	for {
		var doc map[string]map[string]json.RawMessage
		if err := dec.Decode(&doc); err == io.EOF {
			break
		} else if err != nil {
			errs = append(errs, "unparsable JSON output: "+err.Error())
			break
		}
		for pkg, byAnalyzer := range doc {
			for analyzer, raw := range byAnalyzer {
				var diags []json.RawMessage
				if json.Unmarshal(raw, &diags) == nil {
					counts[analyzer] += len(diags)
					continue
				}
				var e struct{ Error string }
				if json.Unmarshal(raw, &e) == nil && e.Error != "" {
					errs = append(errs, fmt.Sprintf("%s: %s: %s", pkg, analyzer, e.Error))
				} else {
					errs = append(errs, fmt.Sprintf("%s: %s: unexpected JSON %s", pkg, analyzer, raw))
				}
			}
		}
	}
	var names []string
	for name := range counts {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Printf("count %s %d\n", name, counts[name])
	}
	sort.Strings(errs)
	for _, e := range errs {
		fmt.Printf("error %s\n", e)
	}
}
EOF
(cd "$work/count" && "$GO" mod init sweepcount >/dev/null 2>&1 && "$GO" build -o "$work/bin/count" .) ||
	fail_setup "cannot build the JSON reader"

# --- Scratch module for the SDK targets ---------------------------------------
sdkmod=$work/sdk
make_sdk_module() {
	[[ -f $sdkmod/go.sum ]] && return 0
	echo "sweep.sh: making the SDK scratch module" >&2
	mkdir -p "$sdkmod"
	cat >"$sdkmod/go.mod" <<EOF
module example.com/fifolint-sweep-sdk

go 1.25.0

require (
	github.com/aws/aws-sdk-go $V1_SDK
	github.com/aws/aws-sdk-go-v2 $V2_CORE
	github.com/aws/aws-sdk-go-v2/config $SWEEP_CONFIG_VERSION
	github.com/aws/aws-sdk-go-v2/service/sns $V2_SNS
	github.com/aws/aws-sdk-go-v2/service/sqs $V2_SQS
)
EOF
	cat >"$sdkmod/deps.go" <<'EOF'
// Package deps only keeps the swept SDK packages in the module graph.
package deps

import (
	_ "github.com/aws/aws-sdk-go-v2/aws"
	_ "github.com/aws/aws-sdk-go-v2/config"
	_ "github.com/aws/aws-sdk-go-v2/service/sns"
	_ "github.com/aws/aws-sdk-go-v2/service/sqs"
	_ "github.com/aws/aws-sdk-go/aws/session"
	_ "github.com/aws/aws-sdk-go/service/sns"
	_ "github.com/aws/aws-sdk-go/service/sqs"
)
EOF
	(cd "$sdkmod" && "$GO" mod tidy) >"$outdir/sdk-module.log" 2>&1 ||
		fail_setup "go mod tidy in the SDK scratch module failed: $(cat "$outdir/sdk-module.log")"
	# MVS must not have moved the pinned versions.
	local got
	got=$(cd "$sdkmod" && "$GO" list -m -f '{{.Path}}@{{.Version}}' \
		github.com/aws/aws-sdk-go github.com/aws/aws-sdk-go-v2 \
		github.com/aws/aws-sdk-go-v2/service/sns github.com/aws/aws-sdk-go-v2/service/sqs | tr '\n' ' ')
	local want="github.com/aws/aws-sdk-go@$V1_SDK github.com/aws/aws-sdk-go-v2@$V2_CORE github.com/aws/aws-sdk-go-v2/service/sns@$V2_SNS github.com/aws/aws-sdk-go-v2/service/sqs@$V2_SQS "
	[[ $got == "$want" ]] || fail_setup "SDK versions moved: got $got, want $want"
}

# --- Running one target ---------------------------------------------------------
failed=false
summary=$outdir/summary.txt
printf '%-34s %-10s %8s %8s %8s %6s %6s %7s %7s %10s %10s\n' \
	target mode packages time_s rss_mib panics errors groupid dedupid errswallow fifoparams >"$summary"

# sweep NAME DIR STRICT PATTERN...: run both modes on PATTERNs in DIR.
# STRICT=1: any diagnostic is a failure.
sweep() {
	local name=$1 dir=$2 strict=$3
	shift 3
	local npkgs
	npkgs=$(cd "$dir" && "$GO" list -e -test -f '{{.ImportPath}}' "$@" 2>/dev/null | wc -l)
	local mode
	for mode in $SWEEP_MODES; do
		local base=$outdir/${name//\//_}.$mode
		local cmd tool
		case $mode in
		standalone) cmd=("$bin" -json -test "$@") ;;
		vet)
			# A copy of the binary with a unique hash: see the top.
			tool=$work/vettool/${name//\//_}/fifolint
			mkdir -p "$(dirname "$tool")"
			cp "$bin" "$tool"
			printf '\nfifolint-sweep-nonce %s %s %s\n' "$name" "$$" "$(now)" >>"$tool"
			cmd=("$GO" vet -vettool="$tool" -json "$@")
			;;
		*) fail_setup "unknown mode $mode in SWEEP_MODES" ;;
		esac
		echo "sweep.sh: $name ($mode): ${cmd[*]}" >&2
		local start end code=0
		start=$(now)
		if ((${#timer[@]})); then
			(cd "$dir" && "${timer[@]}" "$base.rusage" "${cmd[@]}") >"$base.stdout" 2>"$base.stderr" || code=$?
		else
			(cd "$dir" && "${cmd[@]}") >"$base.stdout" 2>"$base.stderr" || code=$?
		fi
		end=$(now)
		echo "$code" >"$base.exit"

		local rss=-
		if [[ -f $base.rusage ]]; then
			rss=$(sed -n 's/^SWEEP-MAXRSS-KB=//p' "$base.rusage")
			rss=$((rss / 1024))
			# GNU time reports a non-zero exit of the command on its own.
			grep -v -e '^SWEEP-MAXRSS-KB=' -e '^Command exited with non-zero status' "$base.rusage" >>"$base.stderr" || true
		fi
		local secs
		secs=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')

		local panics errors
		panics=$(grep -c -E '^panic:|^goroutine [0-9]+ \[|^fatal error:' "$base.stderr" || true)
		"$work/bin/count" <"$base.stdout" >"$base.count"
		# Unexpected stderr: anything but go's download chatter.
		grep -v -E '^go: (downloading|finding|extracting) ' "$base.stderr" >"$base.stderr-unexpected" || true
		errors=$(($(grep -c '^error ' "$base.count" || true) + $(wc -l <"$base.stderr-unexpected")))
		if ((code != 0)); then
			errors=$((errors + 1))
			echo "exit status $code" >>"$base.stderr-unexpected"
		fi
		local g d e f total
		g=$(sed -n 's/^count groupid //p' "$base.count")
		d=$(sed -n 's/^count dedupid //p' "$base.count")
		e=$(sed -n 's/^count errswallow //p' "$base.count")
		f=$(sed -n 's/^count fifoparams //p' "$base.count")
		g=${g:-0} d=${d:-0} e=${e:-0} f=${f:-0}
		# Every analyzer's diagnostics, whatever its name: a pass added
		# later must not slip through the strict targets.
		total=$(awk '$1 == "count" { n += $3 } END { print n + 0 }' "$base.count")
		printf '%-34s %-10s %8s %8s %8s %6s %6s %7s %7s %10s %10s\n' \
			"$name" "$mode" "$npkgs" "$secs" "$rss" "$panics" "$errors" "$g" "$d" "$e" "$f" >>"$summary"

		local bad=
		((panics == 0)) || bad+=" panics"
		((errors == 0)) || bad+=" errors"
		if ((strict)) && ((total > 0)); then
			bad+=" diagnostics"
		fi
		if [[ -n $bad ]]; then
			failed=true
			echo "sweep.sh: FAIL $name ($mode):$bad" >&2
			sed -n 's/^error //p' "$base.count" | head -20 | sed 's/^/    /' >&2
			head -40 "$base.stderr-unexpected" | sed 's/^/    /' >&2
			if ((strict)) && ((total > 0)); then
				head -c 4000 "$base.stdout" | sed 's/^/    /' >&2
				echo >&2
			fi
		fi
	done
}

start_all=$(now)
for t in "${targets[@]}"; do
	case $t in
	std)
		sweep std "$root" 1 std
		;;
	std-slice)
		# shellcheck disable=SC2086 # a list of patterns
		sweep std-slice "$root" 1 $STD_SLICE
		;;
	sdk-v2)
		make_sdk_module
		sweep sdk-v2 "$sdkmod" 1 \
			github.com/aws/aws-sdk-go-v2/service/sqs/... \
			github.com/aws/aws-sdk-go-v2/service/sns/... \
			github.com/aws/aws-sdk-go-v2/aws/... \
			github.com/aws/aws-sdk-go-v2/config/...
		;;
	sdk-v1)
		make_sdk_module
		sweep sdk-v1 "$sdkmod" 1 \
			github.com/aws/aws-sdk-go/service/sqs/... \
			github.com/aws/aws-sdk-go/service/sns/... \
			github.com/aws/aws-sdk-go/aws/...
		;;
	repo)
		while IFS= read -r gomod; do
			dir=$(dirname "$gomod")
			rel=${dir#"$root"/}
			(cd "$dir" && "$GO" mod download) >"$outdir/download.log" 2>&1 ||
				fail_setup "go mod download in $rel failed: $(cat "$outdir/download.log")"
			sweep "$rel" "$dir" 0 ./...
		done < <(
			ls "$root/examples/orders/go.mod" "$root/testdata/corpus/go.mod" \
				"$root"/passes/*/testdata/go.mod "$root/internal/origin/testdata/go.mod" 2>/dev/null
		)
		;;
	esac
done
end_all=$(now)

cat "$summary"
awk -v s="$start_all" -v e="$end_all" 'BEGIN { printf "sweep.sh: %.0f s in all (after the build)\n", e - s }' | tee -a "$summary"
if $failed; then
	echo "sweep.sh: FAILED (outputs in $outdir)" | tee -a "$summary" >&2
	exit 1
fi
echo "sweep.sh: ok" | tee -a "$summary"
