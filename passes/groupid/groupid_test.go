package groupid_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fifolint/fifolint/internal/testmodules"
	"github.com/fifolint/fifolint/passes/groupid"
)

func TestMain(m *testing.M) { testmodules.Main(m.Run, "testdata") }

func TestGroupID(t *testing.T) {
	analysistest.Run(t, "testdata", groupid.Analyzer, "./...")
}
