#!/usr/bin/env bash
# test.sh runs fifolint's whole test suite on a fresh machine: it installs
# what the integration tests need, downloads every module, then runs
# go test ./... (without -short, so the end-to-end, go vet, golangci-lint,
# pre-commit, SARIF-schema and sweep tests run too). .ci/run runs this.
#
# Needs Go (see go.mod), a Go module proxy, npm, and root for apt-get when
# Debian's pre-commit is not installed yet.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

go version

# --- System packages and test inputs ----------------------------------------
# pre-commit (Debian's package) for cmd/fifolint TestPrecommitHooks.
if ! command -v pre-commit >/dev/null; then
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit >/dev/null
fi
# The SARIF 2.1.0 schema (OASIS, shipped in an MIT npm package) for
# internal/sarif TestSchemaValidation; fetched here, never committed.
if [ -z "${FIFOLINT_SARIF_SCHEMA:-}" ]; then
	sarif_dir=$(mktemp -d)
	(cd "$sarif_dir" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null 2>&1 &&
		tar -xzf microsoft-jest-sarif-1.0.0-beta.0.tgz package/lib/schemas/sarif-2.1.0-rtm.5.json)
	export FIFOLINT_SARIF_SCHEMA="$sarif_dir/package/lib/schemas/sarif-2.1.0-rtm.5.json"
fi

# --- Go modules --------------------------------------------------------------
# Fetch everything up front, so that a network failure shows up here and not
# as a test failure. Nested modules (examples, testdata) use their own go.mod.
go mod download
find . -name go.mod -not -path ./go.mod -not -path './.git/*' -not -path './bin/*' -not -path '*/vendor/*' -print0 |
	sort -z |
	while IFS= read -r -d '' gomod; do
		dir=$(dirname "$gomod")
		(cd "$dir" && GOWORK=off GOFLAGS= go mod download)
	done

# --- Tests -------------------------------------------------------------------
# The timeout is an upper bound for a machine three times as loaded as an
# idle 2-core one, not a budget: the integration tests end their child
# processes (whole process groups) before it strikes.
go test -timeout 75m ./...
