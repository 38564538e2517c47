package dedupid_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fifolint/fifolint/internal/origin"
	"github.com/fifolint/fifolint/internal/testmodules"
	"github.com/fifolint/fifolint/passes/dedupid"
)

func TestMain(m *testing.M) { testmodules.Main(m.Run, "testdata", "testdata/go123") }

func TestDedupID(t *testing.T) {
	analysistest.Run(t, "testdata", dedupid.Analyzer, "./dedup", "./safe", "./ids", "./queue", "./optional", "./batch", "./startup", "./announce")
}

// TestGeneric: ids from instantiated generic functions and methods, of this
// package and of another, as results and as sinks.
func TestGeneric(t *testing.T) {
	analysistest.Run(t, "testdata", dedupid.Analyzer, "./generic/...")
}

// TestFuncValue: ids computed and sent through function values.
func TestFuncValue(t *testing.T) {
	analysistest.Run(t, "testdata", dedupid.Analyzer, "./funcvalue/...")
}

// TestCounter: ids from in-process counters in every spelling of the step.
func TestCounter(t *testing.T) {
	analysistest.Run(t, "testdata", dedupid.Analyzer, "./counter")
}

// TestSeededGenerator: a math/rand generator seeded with the clock in the
// call that draws from it is the clock (clock-seeded-prng-dedup), in both
// SDK majors. rand.Seed counts only in a module that says go < 1.24
// (testdata/go123); in ./prng (go 1.25) it does nothing.
func TestSeededGenerator(t *testing.T) {
	analysistest.Run(t, "testdata", dedupid.Analyzer, "./prng")
	analysistest.Run(t, "testdata/go123", dedupid.Analyzer, "./...")
}

// TestClockFlag names a clock fifolint cannot see into, on an instance of
// its own: the default instance (TestDedupID) stays unconfigured.
func TestClockFlag(t *testing.T) {
	cfg := new(origin.Config)
	a := dedupid.New(origin.New(cfg), cfg)
	if err := a.Flags.Set("clock", "example.com/dedupid/hlc.Now"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, "testdata", a, "./custom")
	if len(origin.DefaultConfig.Clock) != 0 {
		t.Errorf("configuring a new instance changed the default configuration: %v", origin.DefaultConfig.Clock)
	}
}

func TestFlagRejectsMalformedNames(t *testing.T) {
	cfg := new(origin.Config)
	if err := dedupid.New(origin.New(cfg), cfg).Flags.Set("clock", "Now"); err == nil {
		t.Error(`-dedupid.clock=Now was accepted; want an error for a name without a package`)
	}
}

// TestBatchReusedBuffer: an entries slice declared outside the loop but
// emptied at every iteration holds one batch per iteration (a fan-out):
// quiet. Emptied only when a chunk is full, it still collects a batch.
func TestBatchReusedBuffer(t *testing.T) {
	analysistest.Run(t, "testdata", dedupid.Analyzer, "./batchreuse")
}

// TestInstanceSequence: an id drawn once per process joined with the
// process's own counter is unique (quiet); joined with a loop index or the
// clock, or a host name joined with a counter, it is not.
func TestInstanceSequence(t *testing.T) {
	analysistest.Run(t, "testdata", dedupid.Analyzer, "./instance")
}

// TestTestHelpers: ids sent by a function that takes a *testing.T or
// testing.TB (a fixture loader outside _test.go files) are test data.
func TestTestHelpers(t *testing.T) {
	analysistest.Run(t, "testdata", dedupid.Analyzer, "./fixtures")
}

// TestFunctionalOptions: what a functional option passed to a wrapper
// writes into its options is the id at that call.
func TestFunctionalOptions(t *testing.T) {
	analysistest.Run(t, "testdata", dedupid.Analyzer, "./funcopts")
}
