package main

import (
	"crypto/rand"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/fifolint/fifolint/internal/testmodules"
)

// The fifolint binary that every test of this package runs, built once.
var shared struct {
	dir  string // removed after the tests
	once sync.Once
	bin  string
	err  error
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "fifolint-cmd-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	shared.dir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// fifolintBinary returns the fifolint command built from this checkout,
// building it on the first call: the tests share one build.
func fifolintBinary(t *testing.T) string {
	t.Helper()
	shared.once.Do(func() {
		bin := filepath.Join(shared.dir, "fifolint")
		cmd := testmodules.Command(t, testmodules.Context(t), "go", "build", "-o", bin, ".")
		if out, err := cmd.CombinedOutput(); err != nil {
			shared.err = fmt.Errorf("go build -o %s .: %v\n%s", bin, err, out)
			return
		}
		shared.bin = bin
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.bin
}

// vetTool returns a copy of bin with a unique nonce appended, for go vet
// -vettool. go vet keys its result cache on a hash of the tool's contents
// (its -V=full line), and Go 1.26's vet cache does not record whether a
// package was vetted as a root or only as a dependency, so a result cached
// by another vet run could be replayed with diagnostics lost. A unique
// tool makes every vet result fresh while the compiled export data, the
// expensive part, still comes from the shared build cache.
func vetTool(t *testing.T, bin string) string {
	t.Helper()
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	tool := filepath.Join(t.TempDir(), "fifolint")
	data = fmt.Appendf(data, "\nfifolint-test-nonce %s %s\n", t.Name(), rand.Text())
	if err := os.WriteFile(tool, data, 0o755); err != nil {
		t.Fatal(err)
	}
	return tool
}
