package groupid

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

// Analyzer is a placeholder until the pass lands.
var Analyzer = &analysis.Analyzer{
	Name:     "groupid",
	Doc:      "report MessageGroupId values fixed for the whole process",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      func(*analysis.Pass) (any, error) { return nil, nil },
}
