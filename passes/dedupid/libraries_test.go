package dedupid_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fifolint/fifolint/internal/testmodules"
	"github.com/fifolint/fifolint/passes/dedupid"
)

// TestLibraries checks deduplication ids set in the metadata of
// gocloud.dev pubsub and watermill-aws messages, against the real modules
// (a module of their own, so the other tests do not load them).
func TestLibraries(t *testing.T) {
	if err := testmodules.Download("testdata/libraries"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, "testdata/libraries", dedupid.Analyzer, "./...")
}
