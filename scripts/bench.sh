#!/usr/bin/env bash
# bench.sh compares the cost of fifolint with that of a no-op analyzer run
# by the same driver (internal/driver), on a generated corpus module.
#
# Usage:
#   scripts/bench.sh [--vet] [--keep]
#   scripts/bench.sh --module DIR [PATTERN...]
#
#   --vet     also compare the two under "go vet -vettool" (warm build cache),
#             on the corpus and on the corpus with Kubernetes (gen -kube)
#   --keep    keep the work directory (corpus, binaries, logs) and print it
#   --module  compare the two standalone and under "go vet -vettool" on
#             PATTERNs (default ./...) of the module in DIR, such as a
#             checkout of a service that uses SQS or SNS; nothing is
#             generated
#
# Environment:
#   BENCH_RUNS      measured runs of each binary (default 5)
#   BENCH_PACKAGES  packages in the corpus (default 200)
#   TMPDIR          where the work directory is created (default /tmp)
#
# What it does:
#   1. generates the corpus (internal/benchcorpus/gen) in a temporary
#      directory outside the repository and runs "go mod tidy" there; the
#      module proxy must be reachable unless the AWS SDK is in the module
#      cache already;
#   2. builds fifolint (./cmd/fifolint) and noop (internal/benchcorpus/noop,
#      the driver with one analyzer that only requires inspect), both with
#      -tags fifolintbench;
#   3. warms up once, then runs "BIN ./..." in the corpus BENCH_RUNS times
#      for each binary, alternating, measuring wall time and peak RSS with
#      /usr/bin/time (wall and CPU seconds, user plus system, of the
#      command and its children such as go list); then likewise "BIN ./producers/p000", one
#      leaf package, for which fifolint also loads from source the
#      packages of the module it imports (queue, ids and domain helpers),
#      to see what go vet sees;
#   4. under --vet, runs "go vet -vettool=BIN ./..." likewise, on the
#      corpus and on a second one generated with -kube, whose cmd/relay
#      imports k8s.io/client-go: every one of its hundreds of dependencies
#      is analysed for facts, as in a Kubernetes operator;
#   5. prints the median of each and the ratios fifolint/noop.
#
# Under --vet, go vet caches each package's result under the tool's
# "-V=full" id, a hash of the binary. So that every run analyzes again
# while compilation stays cached, each run uses a copy of the binary with
# a few distinct bytes appended (ignored by the ELF loader). That also
# redoes the fact-only ("VetxOnly") runs on all dependencies, std and
# the SDK included, which is what a changed tool costs a go vet user.
# Peak RSS under go vet is the largest single process (go or the tool).
#
# The targets: standalone, at most 1.2x noop on ./... and 1.5x on one leaf
# package; under go vet, at most 1.1x.

set -euo pipefail

vet=false
keep=false
module=
while [[ $# -gt 0 ]]; do
	case "$1" in
	--vet) vet=true ;;
	--keep) keep=true ;;
	--module)
		if [[ $# -lt 2 || ! -f $2/go.mod ]]; then
			echo "bench.sh: --module needs the directory of a module (with a go.mod)" >&2
			exit 2
		fi
		module=$(cd "$2" && pwd)
		shift 2
		break
		;;
	-h | --help)
		sed -n '2,/^$/s/^# \{0,1\}//p' "$0"
		exit 0
		;;
	*)
		echo "bench.sh: unknown argument $1 (try --help)" >&2
		exit 2
		;;
	esac
	shift
done
patterns=("${@:-./...}")
if [[ -z $module && $# -gt 0 ]]; then
	echo "bench.sh: patterns are for --module only" >&2
	exit 2
fi

runs=${BENCH_RUNS:-5}
packages=${BENCH_PACKAGES:-200}
repo=$(cd "$(dirname "$0")/.." && pwd)
timer=/usr/bin/time
if [[ ! -x $timer ]]; then
	echo "bench.sh: $timer (GNU time) is required: apt-get install time" >&2
	exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/fifolint-bench.XXXXXX")
if $keep; then
	trap 'echo "work directory kept: $work" >&2' EXIT
else
	trap 'rm -rf "$work"' EXIT
fi
corpus=$work/corpus
bin=$work/bin
mkdir -p "$bin" "$work/log"

echo "== building fifolint and noop" >&2
(
	cd "$repo"
	go build -tags fifolintbench -o "$bin/fifolint" ./cmd/fifolint
	go build -tags fifolintbench -o "$bin/noop" ./internal/benchcorpus/noop
)

kubecorpus=$work/corpus-kube
if [[ -z $module ]]; then
	echo "== generating a corpus of $packages packages in $corpus" >&2
	(cd "$repo" && go run -tags fifolintbench ./internal/benchcorpus/gen -o "$corpus" -packages "$packages") >&2
	(cd "$corpus" && GOWORK=off GOFLAGS= go mod tidy)
fi
if [[ -z $module ]] && $vet; then
	echo "== generating the corpus with Kubernetes in $kubecorpus" >&2
	(cd "$repo" && go run -tags fifolintbench ./internal/benchcorpus/gen -o "$kubecorpus" -packages "$packages" -kube) >&2
	(cd "$kubecorpus" && GOWORK=off GOFLAGS= go mod tidy)
fi

# measure NAME OKCODES CMD...: runs CMD in the corpus ($here if set),
# checks that its exit code is one of OKCODES (a comma-separated list), and
# appends "wall_seconds peak_rss_kb cpu_seconds" to $work/NAME.times.
measure() {
	local name=$1 okcodes=$2
	shift 2
	local status=0
	(cd "${here:-$corpus}" && GOWORK=off GOFLAGS= "$timer" -f '%e %M %U %S' -o "$work/log/time" "$@" \
		>"$work/log/stdout" 2>"$work/log/stderr") || status=$?
	if [[ ",$okcodes," != *",$status,"* ]]; then
		echo "bench.sh: $* exited with $status (expected $okcodes); its stderr:" >&2
		tail -n 20 "$work/log/stderr" >&2
		exit 1
	fi
	if grep -q -e '^panic: ' -e '^fatal error: ' "$work/log/stderr"; then
		echo "bench.sh: $* crashed; its stderr:" >&2
		tail -n 20 "$work/log/stderr" >&2
		exit 1
	fi
	# GNU time prints "Command exited with non-zero status N" first.
	tail -n 1 "$work/log/time" | awk '{ print $1, $2, $3 + $4 }' >>"$work/$name.times"
}

# median COLUMN FILE: the median of a column of numbers.
median() {
	sort -g -k"$1","$1" "$2" | awk -v col="$1" '
		{ v[NR] = $col }
		END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# report TITLE PREFIX: prints the table for the runs of PREFIXfifolint
# and PREFIXnoop.
report() {
	local title=$1 a=$work/${2}fifolint.times b=$work/${2}noop.times
	local wa wb ra rb
	wa=$(median 1 "$a")
	wb=$(median 1 "$b")
	ra=$(median 2 "$a")
	rb=$(median 2 "$b")
	ca=$(median 3 "$a")
	cb=$(median 3 "$b")
	echo
	echo "$title ($runs runs each, medians)"
	awk -v wa="$wa" -v wb="$wb" -v ra="$ra" -v rb="$rb" -v ca="$ca" -v cb="$cb" 'BEGIN {
		printf "  %-14s %10s %10s %15s\n", "", "wall (s)", "CPU (s)", "peak RSS (MB)"
		printf "  %-14s %10.2f %10.2f %15.1f\n", "fifolint", wa, ca, ra / 1024
		printf "  %-14s %10.2f %10.2f %15.1f\n", "noop", wb, cb, rb / 1024
		printf "  %-14s %9.2fx %9.2fx %14.2fx\n", "fifolint/noop", wa / wb, ca / cb, ra / rb
	}'
}

# nonce_copy NAME N: a copy of bin/NAME with a go vet tool id of its own:
# go vet would reuse the results of an earlier run of bench.sh with the
# same binary and nonce, so the nonce includes this run's start time.
started=$(date +%s%N)
nonce_copy() {
	local copy=$bin/vet-$1-$2
	cp "$bin/$1" "$copy"
	printf 'fifolint-bench-nonce-%s-%s-%s' "$started" "$1" "$2" >>"$copy"
	echo "$copy"
}

if [[ -n $module ]]; then
	here=$module
	echo "== standalone in $module: warm-up" >&2
	measure warmup 0,3 "$bin/fifolint" "${patterns[@]}"
	measure warmup 0,3 "$bin/noop" "${patterns[@]}"
	for i in $(seq "$runs"); do
		echo "== standalone in $module: run $i of $runs" >&2
		measure module-standalone-fifolint 0,3 "$bin/fifolint" "${patterns[@]}"
		measure module-standalone-noop 0,3 "$bin/noop" "${patterns[@]}"
	done
	echo "== go vet in $module: warm-up (compiles the packages and their dependencies)" >&2
	measure vetwarmup 0,1 go vet -vettool="$(nonce_copy fifolint modwarm)" "${patterns[@]}"
	measure vetwarmup 0,1 go vet -vettool="$(nonce_copy noop modwarm)" "${patterns[@]}"
	for i in $(seq "$runs"); do
		echo "== go vet in $module: run $i of $runs" >&2
		measure module-vet-fifolint 0,1 go vet -vettool="$(nonce_copy fifolint "mod$i")" "${patterns[@]}"
		measure module-vet-noop 0,1 go vet -vettool="$(nonce_copy noop "mod$i")" "${patterns[@]}"
	done
	deps=$(cd "$module" && GOWORK=off GOFLAGS= go list -deps "${patterns[@]}" | wc -l)
	echo
	echo "module $module: $deps packages with dependencies; $(nproc) CPUs; $(go version)"
	report "standalone: BIN ${patterns[*]}" module-standalone-
	report "go vet -vettool=BIN ${patterns[*]} (new tool id per run)" module-vet-
	exit 0
fi

echo "== standalone: warm-up" >&2
measure warmup 0,3 "$bin/fifolint" ./...
measure warmup 0,3 "$bin/noop" ./...
rm -f "$work/warmup.times"
for i in $(seq "$runs"); do
	echo "== standalone: run $i of $runs" >&2
	measure standalone-fifolint 0,3 "$bin/fifolint" ./...
	measure standalone-noop 0,3 "$bin/noop" ./...
done
leaf=./producers/p000
for i in $(seq "$runs"); do
	echo "== standalone, one leaf package: run $i of $runs" >&2
	measure leaf-fifolint 0,3 "$bin/fifolint" "$leaf"
	measure leaf-noop 0,3 "$bin/noop" "$leaf"
done

if $vet; then
	echo "== go vet: warm-up (compiles the corpus and its dependencies)" >&2
	measure vetwarmup 0,1 go vet -vettool="$(nonce_copy fifolint warm)" ./...
	measure vetwarmup 0,1 go vet -vettool="$(nonce_copy noop warm)" ./...
	for i in $(seq "$runs"); do
		echo "== go vet: run $i of $runs" >&2
		measure vet-fifolint 0,1 go vet -vettool="$(nonce_copy fifolint "$i")" ./...
		measure vet-noop 0,1 go vet -vettool="$(nonce_copy noop "$i")" ./...
	done
	here=$kubecorpus
	echo "== go vet, corpus with Kubernetes: warm-up" >&2
	measure vetwarmup 0,1 go vet -vettool="$(nonce_copy fifolint kubewarm)" ./...
	measure vetwarmup 0,1 go vet -vettool="$(nonce_copy noop kubewarm)" ./...
	for i in $(seq "$runs"); do
		echo "== go vet, corpus with Kubernetes: run $i of $runs" >&2
		measure kube-fifolint 0,1 go vet -vettool="$(nonce_copy fifolint "kube$i")" ./...
		measure kube-noop 0,1 go vet -vettool="$(nonce_copy noop "kube$i")" ./...
	done
	kube_deps=$(cd "$kubecorpus" && GOWORK=off GOFLAGS= go list -deps ./... | wc -l)
	unset here
fi

go_files=$(find "$corpus" -name '*.go' | wc -l)
go_lines=$(find "$corpus" -name '*.go' -exec cat {} + | wc -l)
echo
echo "corpus: $packages packages, $go_files files, $go_lines lines; $(nproc) CPUs; $(go version)"
report "standalone: BIN ./..." standalone-
report "standalone: BIN $leaf" leaf-
if $vet; then
	report "go vet -vettool=BIN ./... (new tool id per run)" vet-
	report "go vet -vettool=BIN ./... with Kubernetes ($kube_deps packages with dependencies; new tool id per run)" kube-
fi
