//go:build fifolintbench

// The noop command is the baseline of scripts/bench.sh: the fifolint
// driver with a single analyzer that does nothing but build the
// inspector, which every fifolint pass requires. The difference between
// fifolint and noop is the cost of the passes themselves.
//
// It is built only with -tags fifolintbench, so that "go install ./..."
// leaves it out.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/fifolint/fifolint/internal/driver"
)

var analyzer = &analysis.Analyzer{
	Name:     "noop",
	Doc:      "do nothing: the baseline for benchmarking fifolint",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { driver.Main(analyzer) }
