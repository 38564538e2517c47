package errswallow_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fifolint/fifolint/internal/testmodules"
	"github.com/fifolint/fifolint/passes/errswallow"
)

func TestMain(m *testing.M) { testmodules.Main(m.Run, "testdata") }

func TestErrSwallow(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, "testdata", errswallow.Analyzer, "./sends", "./wrap", "./use", "./v1", "./fixes", "./nothing", "./nilerr", "./loops", "./batchwrap", "./batchuse", "./failwrap", "./failuse")
}

// TestStrict reports failure paths that only log; by default they count
// as handled (package sends, Logged, stays quiet above). A strict instance
// beside a default one shows that instances do not share configuration,
// as nogo and golangci-lint need.
func TestStrict(t *testing.T) {
	strict := errswallow.New()
	if err := strict.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, "testdata", strict, "./strict")
	if got := errswallow.Analyzer.Flags.Lookup("strict").Value.String(); got != "false" {
		t.Errorf("setting -strict on a new instance changed the default one: strict=%s", got)
	}
}
