package groupid_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fifolint/fifolint/passes/groupid"
)

// TestConstructs runs groupid on the constructs* packages: group ids set
// through generics (in-package and cross-package generic wrappers), method
// values, function-typed fields, embedded interfaces, dot and renamed
// imports, type aliases (generic ones too), a generated file and
// build-tagged files. Each // want is a bug the pass must report; the other
// sends there take the group from the message and must stay quiet.
// (TestGroupID's ./... covers these packages too.)
func TestConstructs(t *testing.T) {
	analysistest.Run(t, "testdata", groupid.Analyzer, "./constructs/...")
}
