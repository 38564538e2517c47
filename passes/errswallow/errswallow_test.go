package errswallow_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fifolint/fifolint/internal/testmodules"
	"github.com/fifolint/fifolint/passes/errswallow"
)

func TestMain(m *testing.M) { testmodules.Main(m.Run, "testdata") }

func TestErrSwallow(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, "testdata", errswallow.Analyzer, "./sends", "./wrap", "./use", "./v1", "./fixes")
}

// TestStrict reports failure paths that only log; by default they count
// as handled (package sends, Logged, stays quiet above).
func TestStrict(t *testing.T) {
	f := errswallow.Analyzer.Flags.Lookup("strict")
	if err := f.Value.Set("true"); err != nil {
		t.Fatal(err)
	}
	defer f.Value.Set("false")
	analysistest.Run(t, "testdata", errswallow.Analyzer, "./strict")
}
