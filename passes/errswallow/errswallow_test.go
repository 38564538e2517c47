package errswallow_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fifolint/fifolint/internal/testmodules"
	"github.com/fifolint/fifolint/passes/errswallow"
)

func TestMain(m *testing.M) { testmodules.Main(m.Run, "testdata") }

// TestErrSwallow loads all packages at once (loading the SDK dominates):
// nothing (handling that does nothing), nilerr (nil on the failure path,
// with its fixes), loops (overwritten by the next iteration), batchwrap and
// batchuse (Failed owed across packages), failwrap and failuse (sentinels,
// out-parameters), groups (errgroup, backoff), iface/... (interfaces with
// their implementations in view, or not; iface/faked: fakes in test files
// do not count), captured (errors a closure assigns to a variable of the
// function around it), recorded (a failure remembered in a local variable
// and acted on later), successful (batch outputs checked through
// Successful), logwrap (wrappers that log the failure before returning it:
// dropping their error is weak, like logging), deferred (errors a deferred
// function reads when the function returns), redeliver (a failure that
// skips deleting the received message, which SQS delivers again).
func TestErrSwallow(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, "testdata", errswallow.Analyzer, "./sends", "./wrap", "./use", "./v1", "./fixes", "./nothing", "./nilerr", "./loops", "./batchwrap", "./batchuse", "./failwrap", "./failuse", "./groups", "./iface/...", "./captured", "./recorded", "./successful", "./logwrap", "./deferred", "./redeliver")
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
	analysistest.Run(t, "testdata", strict, "./strict", "./strictlog", "./logwrap/strict")
	if got := errswallow.Analyzer.Flags.Lookup("strict").Value.String(); got != "false" {
		t.Errorf("setting -strict on a new instance changed the default one: strict=%s", got)
	}
}

// TestStrictOnly runs the default instance on the strict-only package: it
// must report nothing there (its // want lines are for strict mode, so
// analysistest's complaints about them are expected and ignored).
func TestStrictOnly(t *testing.T) {
	results := analysistest.Run(ignoreWants{}, "testdata", errswallow.Analyzer, "./strictlog")
	if len(results) != 1 || results[0].Err != nil {
		t.Fatalf("strictlog did not load and run: %d results", len(results))
	}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			t.Errorf("%s: default mode reported %q", r.Pass.Fset.Position(d.Pos), d.Message)
		}
	}
}

type ignoreWants struct{}

func (ignoreWants) Errorf(string, ...any) {}
