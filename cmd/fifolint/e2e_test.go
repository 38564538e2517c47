package main

// End-to-end test: build the fifolint command, run it on whole modules in
// both of its modes (standalone and as a go vet tool), and compare what it
// reports with the // BUG(...) markers written in the modules' sources.
//
// A marker is a line comment at the end of the line where a diagnostic is
// reported:
//
//	MessageGroupId: aws.String(p.groupID), // BUG(groupid): fixed at construction
//	return p.send(ctx, p.groupID, ids.Uniqid(), body) // BUG(groupid,dedupid): ...
//
// Each named pass must report at least one diagnostic on that line, and no
// pass may report anything on a line without a marker naming it. Markers for
// passes the binary does not have (yet) are ignored; the passes are
// discovered from `fifolint -flags`.
//
// It also checks that the modes agree whatever the patterns: for every
// package P of these modules and of the analysistest modules
// (agreementModules), `fifolint P` reports inside P what go vet reports
// there for ./... (see checkEachPackage).
//
// The test uses the package's one build of fifolint and the shared build
// cache; go vet runs a copy of the binary of its own (see vetTool), so its
// results are fresh without compiling std and the AWS SDK again.
// `go test -short` skips it.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fifolint/fifolint/internal/testmodules"
)

// e2eModules are the modules the end-to-end test checks, relative to the
// repository root. Each is its own Go module with committed go.mod and go.sum;
// a missing directory is a test failure.
var e2eModules = []string{
	"examples/orders",
	"testdata/corpus",
}

// plannedPasses are pass names a marker may use even when the binary does
// not have that pass yet. Any other name in a marker is an error (a typo
// would otherwise silently disable the marker).
var plannedPasses = []string{"groupid", "dedupid", "errswallow", "fifoparams"}

// driverFlags are the boolean flags of the driver (multichecker and
// unitchecker), as opposed to the per-analyzer enable switches.
var driverFlags = map[string]bool{
	"V": true, "all": true, "c": true, "diff": true, "fix": true, "flags": true,
	"json": true, "source": true, "tags": true, "test": true, "v": true,
	"debug": true, "cpuprofile": true, "memprofile": true, "trace": true,
}

// finding is one reported (or expected) diagnostic, identified by the file
// (slash-separated, relative to the module root), the line and the pass.
type finding struct {
	File     string
	Line     int
	Analyzer string
}

func (f finding) String() string { return fmt.Sprintf("%s:%d: [%s]", f.File, f.Line, f.Analyzer) }

// findings maps each finding to the messages reported (or, for markers, the
// marker text) on that line.
type findings map[finding][]string

func TestE2E(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the end-to-end test in -short mode: it runs fifolint and go vet on whole modules")
	}
	root := testmodules.RepoRoot(t)
	bin := fifolintBinary(t)
	analyzers := binaryAnalyzers(t, bin)
	t.Logf("analyzers in the binary: %v", analyzers)

	// go vet runs a copy of the binary of its own, so that its results are
	// computed afresh but the build cache is shared: see vetTool.
	vet := vetTool(t, bin)

	for _, rel := range e2eModules {
		t.Run(rel, func(t *testing.T) {
			dir := filepath.Join(root, filepath.FromSlash(rel))
			// Reading go.mod and go.sum (like every source file, in
			// markers) lets go test's result cache notice their changes.
			if _, err := os.ReadFile(filepath.Join(dir, "go.mod")); err != nil {
				t.Fatalf("module %s is listed in e2eModules but: %v", rel, err)
			}
			if _, err := os.ReadFile(filepath.Join(dir, "go.sum")); err != nil && !errors.Is(err, os.ErrNotExist) {
				t.Fatal(err)
			}
			checkModule(t, bin, vet, dir, analyzers)
		})
	}
	for _, rel := range agreementModules {
		t.Run(rel, func(t *testing.T) {
			checkAgreement(t, bin, vet, filepath.Join(root, filepath.FromSlash(rel)))
		})
	}
}

func checkModule(t *testing.T, bin, vetTool, dir string, analyzers []string) {
	env := testmodules.Env()

	// Fetch the module's dependencies with the caller's GOPROXY, so that the
	// test works on a machine with an empty module cache.
	if _, stderr, code := run(t, dir, env, "go", "mod", "download"); code != 0 {
		t.Fatalf("go mod download in %s: exit %d\n%s", dir, code, clip(stderr))
	}

	want := markers(t, dir, env, analyzers)
	t.Logf("%d expected diagnostics", len(want))

	// Standalone, JSON: one document, exit 0 even with findings.
	stdout, stderr, code := run(t, dir, env, bin, "-json", "./...")
	if code != 0 {
		t.Fatalf("fifolint -json ./...: exit %d, want 0\nstderr:\n%s", code, clip(stderr))
	}
	standalone := parseJSONStream(t, dir, "fifolint -json", stdout)
	compare(t, "fifolint -json ./...", want, standalone)

	// go vet, JSON: one object per package, exit 0 even with findings.
	stdout, stderr, code = run(t, dir, env, "go", "vet", "-vettool="+vetTool, "-json", "./...")
	if code != 0 {
		t.Fatalf("go vet -vettool=fifolint -json ./...: exit %d, want 0\nstderr:\n%s", code, clip(stderr))
	}
	vet := parseJSONStream(t, dir, "go vet -json", stdout)
	compare(t, "go vet -vettool=fifolint -json ./...", want, vet)

	if onlyStandalone, onlyVet := diff(standalone, vet); len(onlyStandalone)+len(onlyVet) > 0 {
		t.Errorf("standalone and go vet disagree:\nonly standalone:\n%s\nonly go vet:\n%s",
			list(standalone, onlyStandalone), list(vet, onlyVet))
	}
	checkEachPackage(t, bin, dir, env, vet)

	// Text mode exit codes: standalone exits 3 with findings, go vet 1.
	wantStandalone, wantVet := 0, 0
	if len(want) > 0 {
		wantStandalone, wantVet = 3, 1
	}
	if _, stderr, code := run(t, dir, env, bin, "./..."); code != wantStandalone {
		t.Errorf("fifolint ./...: exit %d, want %d\nstderr:\n%s", code, wantStandalone, clip(stderr))
	}
	if _, stderr, code := run(t, dir, env, "go", "vet", "-vettool="+vetTool, "./..."); code != wantVet {
		t.Errorf("go vet -vettool=fifolint ./...: exit %d, want %d\nstderr:\n%s", code, wantVet, clip(stderr))
	}
}

// run runs name args in dir and returns its stdout, stderr and exit code. It
// fails the test if the command cannot be started.
func run(t *testing.T, dir string, env []string, name string, args ...string) (stdout, stderr []byte, code int) {
	t.Helper()
	cmd := testmodules.Command(t, testmodules.Context(t), name, args...)
	cmd.Dir = dir
	cmd.Env = env
	var outBuf, errBuf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &outBuf, &errBuf
	start := time.Now()
	err := cmd.Run()
	t.Logf("%s %s: %.1fs", filepath.Base(name), strings.Join(args, " "), time.Since(start).Seconds())
	var exitErr *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exitErr):
		code = exitErr.ExitCode()
	default:
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return outBuf.Bytes(), errBuf.Bytes(), code
}

// clip shortens command output for a failure message: a crashing analyzer
// prints every goroutine's stack, and the first lines say what happened.
func clip(out []byte) string {
	const head, tail = 6000, 1000
	if len(out) <= head+tail {
		return string(out)
	}
	return fmt.Sprintf("%s\n... [%d bytes omitted] ...\n%s", out[:head], len(out)-head-tail, out[len(out)-tail:])
}

// binaryAnalyzers returns the names of the analyzers in bin, read from
// `bin -flags`: each analyzer has a boolean enable switch without a dot in
// its name (its own flags are "<analyzer>.<flag>").
func binaryAnalyzers(t *testing.T, bin string) []string {
	out, err := testmodules.Command(t, testmodules.Context(t), bin, "-flags").Output()
	if err != nil {
		t.Fatalf("%s -flags: %v", bin, err)
	}
	var flags []struct {
		Name string
		Bool bool
	}
	if err := json.Unmarshal(out, &flags); err != nil {
		t.Fatalf("%s -flags: %v\n%s", bin, err, out)
	}
	var names []string
	for _, f := range flags {
		if f.Bool && !strings.Contains(f.Name, ".") && !driverFlags[f.Name] {
			names = append(names, f.Name)
		}
	}
	if len(names) == 0 {
		t.Fatalf("%s -flags lists no analyzers:\n%s", bin, out)
	}
	slices.Sort(names)
	return names
}

// markers returns the expected diagnostics of the module in dir: one per pass
// named in a // BUG(pass,...): marker, for the passes in analyzers. Only the
// files that ./... analyses (including tests) are read.
func markers(t *testing.T, dir string, env, analyzers []string) findings {
	stdout, stderr, code := run(t, dir, env, "go", "list", "-e", "-json=ImportPath,Dir,GoFiles,CgoFiles,TestGoFiles,XTestGoFiles,Error", "./...")
	if code != 0 {
		t.Fatalf("go list ./... in %s: exit %d\n%s", dir, code, clip(stderr))
	}
	known := slices.Concat(plannedPasses, analyzers)
	want := findings{}
	fset := token.NewFileSet()
	dec := json.NewDecoder(bytes.NewReader(stdout))
	for {
		var pkg struct {
			ImportPath, Dir                              string
			GoFiles, CgoFiles, TestGoFiles, XTestGoFiles []string
			Error                                        *struct{ Err string }
		}
		if err := dec.Decode(&pkg); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("go list ./... in %s: %v", dir, err)
		}
		if pkg.Error != nil {
			t.Fatalf("go list: package %s: %s", pkg.ImportPath, pkg.Error.Err)
		}
		for _, name := range slices.Concat(pkg.GoFiles, pkg.CgoFiles, pkg.TestGoFiles, pkg.XTestGoFiles) {
			filename := filepath.Join(pkg.Dir, name)
			src, err := os.ReadFile(filename)
			if err != nil {
				t.Fatal(err)
			}
			f, err := parser.ParseFile(fset, filename, src, parser.ParseComments|parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			rel := relFile(dir, filename)
			for _, group := range f.Comments {
				for _, c := range group.List {
					passes, ok := parseMarker(t, fset, src, c)
					if !ok {
						continue
					}
					line := fset.Position(c.Slash).Line
					for _, p := range passes {
						if !slices.Contains(known, p) {
							t.Errorf("%s:%d: marker names unknown pass %q (known: %v)", rel, line, p, known)
							continue
						}
						if slices.Contains(analyzers, p) {
							k := finding{rel, line, p}
							want[k] = append(want[k], c.Text)
						}
					}
				}
			}
		}
	}
	return want
}

// parseMarker reports whether c is a "// BUG(p1,p2): why" marker and returns
// its pass names. Malformed markers fail the test.
func parseMarker(t *testing.T, fset *token.FileSet, src []byte, c *ast.Comment) ([]string, bool) {
	rest, ok := strings.CutPrefix(c.Text, "// BUG(")
	if !ok {
		return nil, false
	}
	posn := fset.Position(c.Slash)
	list, why, ok := strings.Cut(rest, "):")
	if !ok || strings.TrimSpace(why) == "" {
		t.Errorf("%s: malformed marker %q: want // BUG(pass[,pass...]): reason", posn, c.Text)
		return nil, false
	}
	// The marker must trail the code of the reported line.
	lineStart := fset.File(c.Slash).LineStart(posn.Line)
	if strings.TrimSpace(string(src[fset.Position(lineStart).Offset:posn.Offset])) == "" {
		t.Errorf("%s: marker %q must be at the end of the reported line, not on a line of its own", posn, c.Text)
		return nil, false
	}
	var passes []string
	for p := range strings.SplitSeq(list, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			t.Errorf("%s: malformed marker %q: empty pass name", posn, c.Text)
			continue
		}
		passes = append(passes, p)
	}
	return passes, true
}

// parseJSONStream parses the JSON output of fifolint -json (one document) or
// go vet -json (one document per package):
//
//	{"pkg": {"analyzer": [{"posn": "file:line:col", "message": "..."}, ...]}}
//
// An analyzer may have {"error": "..."} instead of a list; that fails the
// test.
func parseJSONStream(t *testing.T, dir, what string, out []byte) findings {
	got := findings{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var doc map[string]map[string]json.RawMessage
		if err := dec.Decode(&doc); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("%s: cannot parse output: %v\n%s", what, err, out)
		}
		for pkg, byAnalyzer := range doc {
			for analyzer, raw := range byAnalyzer {
				var diags []struct {
					Posn    string `json:"posn"`
					Message string `json:"message"`
				}
				if err := json.Unmarshal(raw, &diags); err != nil {
					var e struct {
						Error string `json:"error"`
					}
					if json.Unmarshal(raw, &e) == nil && e.Error != "" {
						t.Errorf("%s: %s: analyzer %s failed: %s", what, pkg, analyzer, e.Error)
					} else {
						t.Errorf("%s: %s: analyzer %s: unexpected output %s", what, pkg, analyzer, raw)
					}
					continue
				}
				for _, d := range diags {
					file, line, ok := splitPosn(d.Posn)
					if !ok {
						t.Errorf("%s: %s: bad position %q", what, pkg, d.Posn)
						continue
					}
					k := finding{relFile(dir, file), line, analyzer}
					got[k] = append(got[k], d.Message)
				}
			}
		}
	}
	return got
}

// splitPosn splits "file:line:col" (or "file:line").
func splitPosn(posn string) (file string, line int, ok bool) {
	rest, last, ok := cutLast(posn)
	if !ok {
		return "", 0, false
	}
	if file, l, ok := cutLast(rest); ok {
		if n, err := strconv.Atoi(l); err == nil {
			return file, n, true
		}
	}
	n, err := strconv.Atoi(last)
	return rest, n, err == nil
}

func cutLast(s string) (before, after string, ok bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return "", "", false
	}
	return s[:i], s[i+1:], true
}

// relFile returns file relative to the module directory dir, with forward
// slashes. Relative names are relative to dir already (the commands run in
// dir).
func relFile(dir, file string) string {
	if !filepath.IsAbs(file) {
		return filepath.ToSlash(filepath.Clean(file))
	}
	for _, base := range []string{dir, evalSymlinks(dir)} {
		if rel, err := filepath.Rel(base, evalSymlinks(file)); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
		if rel, err := filepath.Rel(base, file); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(file)
}

func evalSymlinks(path string) string {
	if p, err := filepath.EvalSymlinks(path); err == nil {
		return p
	}
	return path
}

// compare fails the test unless got reports exactly the findings in want.
func compare(t *testing.T, mode string, want, got findings) {
	t.Helper()
	missing, unexpected := diff(want, got)
	if len(missing) > 0 {
		t.Errorf("%s: %d missing diagnostics (marker without a report):\n%s", mode, len(missing), list(want, missing))
	}
	if len(unexpected) > 0 {
		t.Errorf("%s: %d unexpected diagnostics (report without a marker):\n%s", mode, len(unexpected), list(got, unexpected))
	}
}

// diff returns the findings only in a and only in b, sorted.
func diff(a, b findings) (onlyA, onlyB []finding) {
	for k := range a {
		if _, ok := b[k]; !ok {
			onlyA = append(onlyA, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			onlyB = append(onlyB, k)
		}
	}
	return sortFindings(onlyA), sortFindings(onlyB)
}

func sortFindings(fs []finding) []finding {
	slices.SortFunc(fs, func(x, y finding) int {
		if c := strings.Compare(x.File, y.File); c != 0 {
			return c
		}
		if x.Line != y.Line {
			return x.Line - y.Line
		}
		return strings.Compare(x.Analyzer, y.Analyzer)
	})
	return fs
}

// list formats keys with their messages from m, one per line.
func list(m findings, keys []finding) string {
	var b strings.Builder
	for _, k := range keys {
		msgs := slices.Compact(slices.Sorted(slices.Values(m[k])))
		fmt.Fprintf(&b, "\t%s %s\n", k, strings.Join(msgs, " | "))
	}
	if b.Len() == 0 {
		return "\t(none)\n"
	}
	return b.String()
}
