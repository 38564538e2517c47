package sendfailure_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fifolint/fifolint/internal/sendfailure"
	"github.com/fifolint/fifolint/internal/testmodules"
)

func TestMain(m *testing.M) { testmodules.Main(m.Run, "testdata") }

// TestFacts checks which functions carry a send's outcome to their callers
// (WrapsSend) and which only log (LogsOnly). The errswallow tests check
// what callers in other packages make of them.
func TestFacts(t *testing.T) {
	analysistest.Run(t, "testdata", sendfailure.Analyzer, "./facts", "./logx")
}
