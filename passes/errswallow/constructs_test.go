package errswallow_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fifolint/fifolint/passes/errswallow"
)

// TestConstructs runs errswallow on the constructs* packages: sends reached
// through generics, method values and expressions, function-typed fields,
// embedded interfaces and structs, dot and renamed imports, type aliases
// (generic ones too), a generated file and build-tagged files. Each
// // want is a bug the pass must report; every other send there is handled
// and must stay quiet.
func TestConstructs(t *testing.T) {
	analysistest.Run(t, "testdata", errswallow.Analyzer, "./constructs/...")
}
