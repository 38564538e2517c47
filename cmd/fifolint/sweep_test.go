package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/fifolint/fifolint/internal/testmodules"
)

// TestSweep runs the suite's part of the robustness sweep,
// scripts/sweep.sh suite, on the package's one build of fifolint: fifolint
// standalone and under go vet over a slice of the Go standard library that
// uses every construct the analysis follows, the AWS SDK's SQS, SNS, aws
// and config packages (v2) and SQS, SNS and aws packages (v1), and this
// repository's own modules, all with their tests. It fails on any panic or
// analyzer error, and on any diagnostic in std or the SDK. The script's
// header documents the details.
//
// The full sweep, all of std with its tests, is scripts/sweep.sh all: it
// compiles every test variant of std (about 26 minutes of CPU with a cold
// build cache), so it is not part of go test; .ci/run runs it after the
// suite when CI=true.
//
// go test -short and FIFOLINT_SKIP_SWEEP=1 skip it. Its first run needs
// the module proxy for github.com/aws/aws-sdk-go-v2/config.
func TestSweep(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the robustness sweep in -short mode")
	}
	if os.Getenv("FIFOLINT_SKIP_SWEEP") == "1" {
		t.Skip("skipping the robustness sweep: FIFOLINT_SKIP_SWEEP=1")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		testmodules.SkipMissingTool(t, "bash is not on PATH: scripts/sweep.sh needs it")
	}
	script := filepath.Join(testmodules.RepoRoot(t), "scripts", "sweep.sh")
	out := t.TempDir()
	cmd := testmodules.Command(t, testmodules.Context(t), "bash", script, "-o", out, "suite")
	cmd.Env = append(os.Environ(), "FIFOLINT_BIN="+fifolintBinary(t))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	t.Logf("scripts/sweep.sh suite:\n%s", stdout.String())
	if err != nil {
		t.Errorf("scripts/sweep.sh suite: %v\n%s", err, ctClip(stderr.String()))
	}
}
