// Package testmodules prepares the modules under testdata that analysistest
// loads. analysistest runs go/packages with GOPROXY=off, so a test's
// TestMain downloads each module's requirements first, with the caller's
// own proxy settings: `go test ./...` then passes on a fresh machine with an
// empty module cache, and offline once the cache is warm.
package testmodules

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
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
