package dedupid_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fifolint/fifolint/internal/testmodules"
	"github.com/fifolint/fifolint/passes/dedupid"
)

func TestMain(m *testing.M) { testmodules.Main(m.Run, "testdata") }

func TestDedupID(t *testing.T) {
	analysistest.Run(t, "testdata", dedupid.Analyzer, "./dedup", "./safe", "./ids", "./queue")
}

// TestClockFlag names a clock fifolint cannot see into.
func TestClockFlag(t *testing.T) {
	setFlag(t, "clock", "example.com/dedupid/hlc.Now")
	analysistest.Run(t, "testdata", dedupid.Analyzer, "./custom")
}

func TestFlagRejectsMalformedNames(t *testing.T) {
	if err := dedupid.Analyzer.Flags.Set("clock", "Now"); err == nil {
		t.Error(`-dedupid.clock=Now was accepted; want an error for a name without a package`)
	}
}

func setFlag(t *testing.T, name, value string) {
	t.Helper()
	f := dedupid.Analyzer.Flags.Lookup(name)
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Value.Set(old) })
}
