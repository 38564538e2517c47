// Package testmodules prepares the modules under testdata that analysistest
// loads. analysistest runs go/packages with GOPROXY=off, so a test's
// TestMain downloads each module's requirements first, with the caller's
// own proxy settings: `go test ./...` then passes on a fresh machine with an
// empty module cache, and offline once the cache is warm.
package testmodules

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Env is the environment for go commands run inside a nested module: the
// caller's, but with the module's own go.mod only (no go.work) and no
// GOFLAGS such as -mod=vendor.
func Env() []string {
	return append(os.Environ(), "GOWORK=off", "GOFLAGS=")
}

// RepoRoot returns the directory of fifolint's go.mod, above the test's
// working directory.
func RepoRoot(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// Download runs `go mod download` in each module directory.
func Download(dirs ...string) error {
	for _, dir := range dirs {
		cmd := exec.Command("go", "mod", "download")
		cmd.Dir = dir
		cmd.Env = Env()
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go mod download in %s: %v\n%s", dir, err, out)
		}
	}
	return nil
}

// Main is a TestMain body: it downloads the modules, then runs the tests.
func Main(run func() int, dirs ...string) {
	if err := Download(dirs...); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(run())
}

// SkipMissingTool skips the test because a tool it needs is missing,
// saying which and why; under CI=true, where every tool must be there, it
// fails the test instead.
func SkipMissingTool(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (CI=true: a missing tool is a failure, not a skip)", msg)
	}
	t.Skip(msg)
}

// Context returns a context that ends when the test ends, or a little
// before its deadline (go test -timeout), so that the commands started with
// Command are killed, whole process groups, before go test gives up on the
// test binary and leaves its children running.
func Context(t testing.TB) context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	if d, ok := t.(interface{ Deadline() (time.Time, bool) }); ok {
		if deadline, ok := d.Deadline(); ok {
			ctx, cancel = context.WithDeadline(context.Background(), deadline.Add(-deadlineMargin(deadline)))
		}
	}
	t.Cleanup(cancel)
	return ctx
}

// deadlineMargin is the time Context leaves before a test deadline: 30
// seconds, or a tenth of what is left for short timeouts.
func deadlineMargin(deadline time.Time) time.Duration {
	return min(30*time.Second, time.Until(deadline)/10)
}

// Command is exec.CommandContext for a test: the command runs in a
// process group of its own, and when ctx ends (see Context) the whole group
// is killed, not only the command: go build's compilers and go vet's tool
// runs die with it. If the test ends while the command still runs, the
// group is killed too.
func Command(t testing.TB, ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	setProcessGroup(cmd)
	cmd.WaitDelay = 10 * time.Second
	t.Cleanup(func() {
		if cmd.Process != nil && cmd.ProcessState == nil {
			_ = killProcessGroup(cmd)
		}
	})
	return cmd
}

// Run runs name with args in dir, as Command does, with env appended to
// the caller's environment, and returns what it printed and its exit
// code. It fails the test if the command cannot be started.
func Run(t testing.TB, dir string, env []string, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := Command(t, Context(t), name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		code = exitErr.ExitCode()
	case err != nil:
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return out.String(), errOut.String(), code
}
