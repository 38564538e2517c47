package fifoparams_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fifolint/fifolint/internal/testmodules"
	"github.com/fifolint/fifolint/passes/fifoparams"
)

func TestMain(m *testing.M) { testmodules.Main(m.Run, "testdata") }

func TestResolver(t *testing.T) {
	analysistest.Run(t, "testdata", fifoparams.Analyzer, "./resolver", "./queues")
}

func TestDelay(t *testing.T) {
	analysistest.Run(t, "testdata", fifoparams.Analyzer, "./delay", "./delayv1")
}

func TestMissingGroup(t *testing.T) {
	analysistest.Run(t, "testdata", fifoparams.Analyzer, "./missinggroup", "./missinggroupv1")
}

func TestIDs(t *testing.T) {
	analysistest.Run(t, "testdata", fifoparams.Analyzer, "./idformat", "./batchid")
}

func TestLimits(t *testing.T) {
	analysistest.Run(t, "testdata", fifoparams.Analyzer, "./batchsize", "./ranges", "./limitsv1")
}

func TestCreateAttrs(t *testing.T) {
	analysistest.Run(t, "testdata", fifoparams.Analyzer, "./createattrs")
}

func TestStandardDedup(t *testing.T) {
	analysistest.Run(t, "testdata", fifoparams.Analyzer, "./standarddedup")
}

func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, "testdata", fifoparams.Analyzer, "./fixes")
}

func TestWrapper(t *testing.T) {
	analysistest.Run(t, "testdata", fifoparams.Analyzer, "./wrapper/...")
}

func TestSuppressed(t *testing.T) {
	analysistest.Run(t, "testdata", fifoparams.Analyzer, "./suppressed", "./testfiles")
}

func TestConstructs(t *testing.T) {
	analysistest.Run(t, "testdata", fifoparams.Analyzer, "./constructs", "./resolverv1")
}
