package dedupid_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fifolint/fifolint/passes/dedupid"
)

// TestConstructs runs dedupid on the constructs* packages: deduplication
// ids set through generics (in-package and cross-package generic helpers
// and wrappers), method values, function-typed fields, embedded
// interfaces, dot and renamed imports, type aliases and a generated file.
// Each // want is a bug the pass must report; the other sends there take
// the id from the message and must stay quiet.
func TestConstructs(t *testing.T) {
	analysistest.Run(t, "testdata", dedupid.Analyzer, "./constructs/...")
}
