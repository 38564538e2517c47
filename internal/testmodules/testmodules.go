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
)

// Download runs `go mod download` in each module directory.
func Download(dirs ...string) error {
	for _, dir := range dirs {
		cmd := exec.Command("go", "mod", "download")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
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
