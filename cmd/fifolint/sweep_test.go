package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/fifolint/fifolint/internal/testmodules"
)

// TestSweep runs the CI part of the robustness sweep, scripts/sweep.sh ci:
// fifolint standalone and under go vet over the Go standard library (with
// tests) and the AWS SDK's SQS, SNS, aws and config packages (v2) and
// SQS, SNS and aws packages (v1). It fails on any panic or analyzer error,
// and on any diagnostic there. The script's header documents the details.
//
// It takes minutes: about 3 on 2 cores with a warm build cache, and with a
// cold one far more (std's test variants are compiled for export data:
// about 26 minutes of CPU), so it is skipped with -short or
// FIFOLINT_SKIP_SWEEP=1. Its first run needs
// the module proxy for github.com/aws/aws-sdk-go-v2/config.
func TestSweep(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the robustness sweep in -short mode")
	}
	if os.Getenv("FIFOLINT_SKIP_SWEEP") == "1" {
		t.Skip("skipping the robustness sweep: FIFOLINT_SKIP_SWEEP=1")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	script := filepath.Join(testmodules.RepoRoot(t), "scripts", "sweep.sh")
	out := t.TempDir()
	cmd := exec.Command("bash", script, "-o", out, "ci")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	t.Logf("scripts/sweep.sh ci:\n%s", stdout.String())
	if err != nil {
		t.Errorf("scripts/sweep.sh ci: %v\n%s", err, ctClip(stderr.String()))
	}
}
