package plugin

// Integration test: build a real golangci-lint with this plugin by running
// the by-hand recipe of docs/golangci-lint.md as the doc gives it (the way
// `golangci-lint custom` does but without git, which clones golangci-lint
// from GitHub: a throwaway main module whose main.go is golangci-lint's own
// cmd/golangci-lint/main.go from the module cache, plus a plugins.go that
// imports this package, with fifolint replaced by this checkout). Then run
// the binary on a copy of examples/orders and compare what it reports with
// the // BUG(pass[,pass]): markers in the example's sources.
//
// With cold caches the build downloads about 76 MiB of modules through
// GOPROXY and takes 4-6 minutes on an idle 2-core machine (8-15 minutes
// were measured on a busy one): run go test with -timeout 30m or more.
// The binary is cached across runs, under $FIFOLINT_GCL_CACHE or
// <user cache dir>/fifolint/golangci-lint, keyed on the golangci-lint
// version, the recipe's text, the Go toolchain and the contents of every
// file of this module that the plugin compiles (plus go.mod and go.sum):
// without source changes a rerun only runs golangci-lint, about a minute in
// all.
//
// go test -short and FIFOLINT_SKIP_GOLANGCI=1 skip the test.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"go/version"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fifolint/fifolint/internal/testmodules"
)

const (
	gclModule  = "github.com/golangci/golangci-lint/v2"
	gclVersion = "v2.15.0"
	thisModule = "github.com/fifolint/fifolint"
	// keepBinaries is how many cached binaries (the most recently used)
	// stay in the cache directory; each is about 50 MB.
	keepBinaries = 3
)

func TestGolangciLint(t *testing.T) {
	if os.Getenv("FIFOLINT_SKIP_GOLANGCI") == "1" {
		t.Skip("FIFOLINT_SKIP_GOLANGCI=1: skipping the golangci-lint integration test")
	}
	if testing.Short() {
		t.Skip("skipping the golangci-lint integration test in -short mode: it builds golangci-lint (minutes with cold caches)")
	}
	ctx := testmodules.Context(t)
	root := testmodules.RepoRoot(t)
	if v := goVersion(t, ctx, root); version.Compare(v, "go1.26") < 0 {
		testmodules.SkipMissingTool(t, "golangci-lint %s needs Go 1.26 or later; go is %s", gclVersion, v)
	}

	bin := customGCL(t, ctx, root)

	// The example, with the extra file of testdata/orders-overlay.
	base := filepath.Join(t.TempDir(), "orders")
	copyDir(t, filepath.Join(root, "examples", "orders"), base)
	copyDir(t, filepath.Join(root, "plugin", "testdata", "orders-overlay"), base)
	if out, err := command(t, ctx, base, testmodules.Env(), "go", "mod", "download").CombinedOutput(); err != nil {
		t.Fatalf("go mod download in the copy of examples/orders: %v\n%s", err, out)
	}
	bugs := markers(t, base, "BUG")
	strictOnly := markers(t, base, "STRICT")
	if len(bugs) == 0 || len(strictOnly) == 0 {
		t.Fatalf("no markers found: %d BUG, %d STRICT", len(bugs), len(strictOnly))
	}
	t.Logf("examples/orders: %d expected findings (BUG markers), %d more with errswallow-strict", len(bugs), len(strictOnly))

	sample, err := os.ReadFile(filepath.Join(root, "plugin", "testdata", "sample", ".golangci.yml"))
	if err != nil {
		t.Fatal(err)
	}
	g := &gcl{ctx: ctx, bin: bin, cache: t.TempDir()}

	// Every subtest runs in order and shares one GOLANGCI_LINT_CACHE, as a
	// user's runs would: golangci-lint salts its cache with the linter
	// settings, so each configuration is analysed afresh.
	var sampleRun gclResult
	t.Run("sample config", func(t *testing.T) {
		sampleRun = g.run(t, base, string(sample))
		sampleRun.expect(t, 1, bugs, allPasses())
	})
	t.Run("no settings", func(t *testing.T) {
		res := g.run(t, base, config(""))
		res.expect(t, 1, bugs, allPasses())
	})
	t.Run("errswallow-strict", func(t *testing.T) {
		res := g.run(t, base, config("errswallow-strict: true"))
		res.expect(t, 1, union(bugs, strictOnly), allPasses())
	})
	t.Run("enable groupid", func(t *testing.T) {
		res := g.run(t, base, config("enable: [groupid]"))
		res.expect(t, 1, only(bugs, "groupid"), []string{"groupid"})
	})
	t.Run("enable dedupid errswallow", func(t *testing.T) {
		res := g.run(t, base, config("enable: [dedupid, errswallow]"))
		res.expect(t, 1, only(bugs, "dedupid", "errswallow"), []string{"dedupid", "errswallow"})
	})

	t.Run("nolint", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "orders")
		copyDir(t, base, dir)
		want := clone(bugs)
		// //nolint:fifolint suppresses what fifolint reports on the line.
		nolint := markerFor(t, bugs, "groupid")
		editMarker(t, dir, nolint, "//nolint:fifolint // checked by TestGolangciLint")
		delete(want, nolint)
		// fifolint's own directive works in golangci-lint too.
		ignored := markerFor(t, bugs, "errswallow")
		editMarker(t, dir, ignored, "//fifolint:ignore errswallow checked by TestGolangciLint")
		delete(want, ignored)
		// A pass name is not a linter name for golangci-lint: it warns
		// and suppresses nothing.
		perPass := markerFor(t, bugs, "dedupid")
		editMarker(t, dir, perPass, "//nolint:dedupid // checked by TestGolangciLint")

		res := g.run(t, dir, string(sample))
		res.expect(t, 1, want, allPasses())
		const warning = "Found unknown linters in //nolint directives: dedupid"
		if !strings.Contains(res.stderr, warning) {
			t.Errorf("stderr does not contain %q:\n%s", warning, res.stderr)
		}
		// The related information of the suppressed groupid finding is an
		// issue on another line (where the group id is fixed), which the
		// //nolint does not cover: docs/golangci-lint.md says so.
		if sampleRun.issues == nil { // the sample subtest did not run (-run)
			sampleRun = g.run(t, base, string(sample))
		}
		if got, want := res.related(), sampleRun.related(); !reflect.DeepEqual(got, want) {
			t.Errorf("related-information issues: got %v, want %v as without the //nolint (docs/golangci-lint.md says //nolint leaves them)", got, want)
		}
	})

	for _, tc := range []struct{ name, settings, want string }{
		{"unknown key", "bogus: true", `plugin(fifolint): newPlugin fifolint settings: unknown key "bogus" (the keys are enable, dedupid-clock, dedupid-entropy, errswallow-strict)`},
		{"unknown pass", "enable: [groupid, errswalow]", `plugin(fifolint): newPlugin fifolint settings: enable[1]: unknown pass "errswalow" (the passes are groupid, dedupid, errswallow, fifoparams)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := g.run(t, base, config(tc.settings))
			if res.code != 3 {
				t.Errorf("exit code %d, want 3 (failure)", res.code)
			}
			if !strings.Contains(res.stderr, tc.want) {
				t.Errorf("stderr does not contain\n\t%s\nstderr:\n%s", tc.want, res.stderr)
			}
			if len(res.issues) > 0 {
				t.Errorf("%d issues reported despite the configuration error", len(res.issues))
			}
		})
	}
}

// config returns a .golangci.yml that enables fifolint with settings, YAML
// lines for linters.settings.custom.fifolint.settings ("" for none).
func config(settings string) string {
	var b strings.Builder
	b.WriteString(`version: "2"
linters:
  default: none
  enable:
    - fifolint
  settings:
    custom:
      fifolint:
        type: module
        description: SQS/SNS FIFO producer bugs
`)
	if settings != "" {
		b.WriteString("        settings:\n")
		for line := range strings.Lines(settings) {
			b.WriteString("          " + line)
		}
		b.WriteString("\n")
	}
	b.WriteString(`issues:
  uniq-by-line: false
  max-same-issues: 0
  max-issues-per-linter: 0
`)
	return b.String()
}

// --- Building the custom golangci-lint -----------------------------------

// customGCL returns the path of a golangci-lint binary that includes this
// checkout's plugin, from the cache or built now by the by-hand recipe of
// docs/golangci-lint.md, run as the doc gives it.
func customGCL(t *testing.T, ctx context.Context, root string) string {
	env := testmodules.Env()
	recipe := docRecipe(t, root)
	key := cacheKey(t, ctx, root, env, recipe)
	short := key[:16]
	dir := cacheDir(t)
	name := "custom-gcl-" + strings.TrimPrefix(gclVersion, "v") + "-" + short
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	bin := filepath.Join(dir, name)
	if fi, err := os.Stat(bin); err == nil && fi.Mode().IsRegular() {
		now := time.Now()
		_ = os.Chtimes(bin, now, now) // most recently used, for pruning
		t.Logf("golangci-lint %s with fifolint: cached binary %s", gclVersion, bin)
		logVersion(t, ctx, bin)
		return bin
	}

	if d, ok := t.Deadline(); ok && time.Until(d) < 15*time.Minute {
		t.Logf("warning: %s left before the test timeout; building golangci-lint with cold caches takes 4-15 minutes on 2 cores (go test -timeout 30m or more gives room)", time.Until(d).Round(time.Second))
	}
	t.Logf("golangci-lint %s with fifolint: no cached binary %s, building it with the recipe of docs/golangci-lint.md", gclVersion, bin)

	// The doc's starting point: a directory that holds the clone as
	// "fifolint".
	work := t.TempDir()
	if err := os.Symlink(root, filepath.Join(work, "fifolint")); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	cmd := command(t, ctx, work, env, "sh", "-e", "-c", recipe)
	out, err := cmd.CombinedOutput()
	if err != nil {
		if ctx.Err() != nil {
			t.Fatalf("the recipe of docs/golangci-lint.md: stopped by the test timeout (%v): give go test a longer -timeout, e.g. 30m", ctx.Err())
		}
		t.Fatalf("the recipe of docs/golangci-lint.md failed: %v\n%s", err, clip(string(out)))
	}
	t.Logf("the recipe of docs/golangci-lint.md: %s\n%s", time.Since(start).Round(100*time.Millisecond), bytes.TrimSpace(out))
	built := filepath.Join(work, "custom-gcl", "custom-gcl")
	versions, err := command(t, ctx, filepath.Dir(built), env, "go", "list", "-m", gclModule, thisModule, "golang.org/x/tools", "github.com/golangci/plugin-module-register").Output()
	if err != nil {
		t.Fatalf("go list -m in the recipe's module: %v", err)
	}
	t.Logf("modules:\n%s", bytes.TrimSpace(versions))

	// Copy next to the final name and rename, so that a concurrent or
	// interrupted run never sees half a binary.
	tmp, err := os.MkdirTemp(dir, ".building-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	data, err := os.ReadFile(built)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmp, name), data, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(tmp, name), bin); err != nil {
		t.Fatal(err)
	}
	prune(t, dir)
	logVersion(t, ctx, bin)
	return bin
}

// recipeMarker is the HTML comment in docs/golangci-lint.md before the
// by-hand recipe.
const recipeMarker = "<!-- by-hand recipe: plugin/golangci_test.go runs the next block as it is -->"

// docRecipe returns the shell block after recipeMarker in
// docs/golangci-lint.md, which must build the golangci-lint release the
// test expects.
func docRecipe(t *testing.T, root string) string {
	doc, err := os.ReadFile(filepath.Join(root, "docs", "golangci-lint.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), recipeMarker+"\n```sh\n")
	if !ok {
		t.Fatalf("docs/golangci-lint.md: no sh block right after %q", recipeMarker)
	}
	block, _, ok := strings.Cut(rest, "\n```\n")
	if !ok {
		t.Fatal("docs/golangci-lint.md: the by-hand recipe's block does not end")
	}
	if !strings.Contains(block, gclModule+"@"+gclVersion) {
		t.Fatalf("docs/golangci-lint.md: the by-hand recipe does not build %s@%s:\n%s", gclModule, gclVersion, block)
	}
	return block + "\n"
}

// cacheKey hashes what the binary depends on: the recipe's text,
// golangci-lint's version, the Go toolchain and target, go.mod and go.sum,
// and the files of every package of this module that the plugin compiles.
func cacheKey(t *testing.T, ctx context.Context, root string, env []string, recipe string) string {
	h := sha256.New()
	fmt.Fprintf(h, "recipe %q\ngolangci-lint %s\n", recipe, gclVersion)
	goenv, err := command(t, ctx, root, env, "go", "env", "GOVERSION", "GOOS", "GOARCH", "GOEXPERIMENT", "CGO_ENABLED").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	fmt.Fprintf(h, "go env %q\n", goenv)

	out, err := command(t, ctx, root, env, "go", "list", "-deps", "-json=ImportPath,Dir,Module,GoFiles,CgoFiles,EmbedFiles,SFiles,HFiles,CFiles", "./plugin").Output()
	if err != nil {
		t.Fatalf("go list -deps ./plugin: %v", err)
	}
	files := []string{"go.mod", "go.sum"}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			Dir                                                   string
			Module                                                *struct{ Path string }
			GoFiles, CgoFiles, EmbedFiles, SFiles, HFiles, CFiles []string
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if p.Module == nil || p.Module.Path != thisModule {
			continue
		}
		for _, f := range slices.Concat(p.GoFiles, p.CgoFiles, p.EmbedFiles, p.SFiles, p.HFiles, p.CFiles) {
			rel, err := filepath.Rel(root, filepath.Join(p.Dir, f))
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, filepath.ToSlash(rel))
		}
	}
	slices.Sort(files)
	for _, f := range slices.Compact(files) {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f)))
		if err != nil && !(f == "go.sum" && errors.Is(err, fs.ErrNotExist)) {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "file %s %x\n", f, sha256.Sum256(data))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// goVersion returns the version of the go command, e.g. "go1.26.8".
func goVersion(t *testing.T, ctx context.Context, root string) string {
	out, err := command(t, ctx, root, testmodules.Env(), "go", "env", "GOVERSION").Output()
	if err != nil {
		t.Fatalf("go env GOVERSION: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// cacheDir returns $FIFOLINT_GCL_CACHE, or fifolint/golangci-lint in the
// user's cache directory, creating it.
func cacheDir(t *testing.T) string {
	dir := os.Getenv("FIFOLINT_GCL_CACHE")
	if dir == "" {
		ucd, err := os.UserCacheDir()
		if err != nil {
			t.Logf("no user cache directory (%v) and FIFOLINT_GCL_CACHE is unset: the binary is not cached", err)
			return t.TempDir()
		}
		dir = filepath.Join(ucd, "fifolint", "golangci-lint")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// prune removes all but the keepBinaries most recently used binaries, and
// build directories that interrupted runs left behind.
func prune(t *testing.T, dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Logf("pruning %s: %v", dir, err)
		return
	}
	type bin struct {
		path string
		used time.Time
	}
	var bins []bin
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			continue
		}
		path := filepath.Join(dir, e.Name())
		switch {
		case strings.HasPrefix(e.Name(), "custom-gcl-") && info.Mode().IsRegular():
			bins = append(bins, bin{path, info.ModTime()})
		case strings.HasPrefix(e.Name(), ".building-") && time.Since(info.ModTime()) > 24*time.Hour:
			_ = os.RemoveAll(path)
		}
	}
	slices.SortFunc(bins, func(a, b bin) int { return b.used.Compare(a.used) })
	for _, b := range bins[min(len(bins), keepBinaries):] {
		if err := os.Remove(b.path); err == nil {
			t.Logf("removed old cached binary %s", b.path)
		}
	}
}

func logVersion(t *testing.T, ctx context.Context, bin string) {
	out, err := command(t, ctx, "", os.Environ(), bin, "version").CombinedOutput()
	if err != nil {
		t.Fatalf("%s version: %v\n%s", bin, err, out)
	}
	t.Logf("%s", bytes.TrimSpace(out))
}

// --- Running it ------------------------------------------------------------

type gcl struct {
	ctx   context.Context
	bin   string
	cache string // GOLANGCI_LINT_CACHE
}

// A gclResult is what one golangci-lint run printed.
type gclResult struct {
	code   int
	issues []gclIssue
	stderr string
}

type gclIssue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename     string
		Line, Column int
	}
}

// run writes cfg to dir/.golangci.yml and runs golangci-lint run ./... in
// dir, with JSON output.
func (g *gcl) run(t *testing.T, dir, cfg string) gclResult {
	t.Helper()
	writeFile(t, filepath.Join(dir, ".golangci.yml"), []byte(cfg))
	env := append(testmodules.Env(), "GOLANGCI_LINT_CACHE="+g.cache)
	cmd := command(t, g.ctx, dir, env, g.bin, "run",
		"--config=.golangci.yml",
		"--output.json.path=stdout",
		"--show-stats=false",       // printed on stdout after the JSON otherwise
		"--allow-parallel-runners", // the lock file is in os.TempDir, shared with other runs
		"./...")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	elapsed := time.Since(start).Round(100 * time.Millisecond)
	res := gclResult{stderr: stderr.String()}
	var exitErr *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exitErr) && g.ctx.Err() == nil:
		res.code = exitErr.ExitCode()
	default:
		t.Fatalf("golangci-lint run: %v (context: %v)\nstderr:\n%s", err, g.ctx.Err(), clip(stderr.String()))
	}
	if stdout.Len() > 0 {
		var doc struct{ Issues []gclIssue }
		if err := json.NewDecoder(bytes.NewReader(stdout.Bytes())).Decode(&doc); err != nil {
			t.Fatalf("golangci-lint run: cannot parse the JSON output: %v\n%s", err, clip(stdout.String()))
		}
		res.issues = doc.Issues
	}
	t.Logf("golangci-lint run ./...: %s, exit %d, %d issues", elapsed, res.code, len(res.issues))
	for _, is := range res.issues {
		t.Logf("\t%s:%d:%d: %s (%s)", is.Pos.Filename, is.Pos.Line, is.Pos.Column, is.Text, is.FromLinter)
	}
	if s := strings.TrimSpace(res.stderr); s != "" {
		t.Logf("stderr:\n%s", clip(s))
	}
	return res
}

// related counts the related-information issues by position and pass.
func (r gclResult) related() map[string]int {
	n := make(map[string]int)
	for _, is := range r.issues {
		if m := relatedText.FindStringSubmatch(is.Text); m != nil {
			n[fmt.Sprintf("%s:%d [%s]", filepath.ToSlash(is.Pos.Filename), is.Pos.Line, m[1])]++
		}
	}
	return n
}

var (
	primaryText = regexp.MustCompile(`^(groupid|dedupid|errswallow|fifoparams): \S`)
	relatedText = regexp.MustCompile(`^(groupid|dedupid|errswallow|fifoparams)\(related information\): \S`)
)

// expect checks the exit code, that the issues from the passes are exactly
// want, and that the others are related information of the enabled passes.
//
// golangci-lint reports a diagnostic's related positions (where a group or
// deduplication id was fixed) as separate issues, "groupid(related
// information): ...", on their own lines; those lines have no marker.
func (r gclResult) expect(t *testing.T, code int, want findings, enabled []string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit code %d, want %d\nstderr:\n%s", r.code, code, clip(r.stderr))
	}
	got := findings{}
	related := 0
	for _, is := range r.issues {
		where := fmt.Sprintf("%s:%d", is.Pos.Filename, is.Pos.Line)
		if is.FromLinter != Name {
			t.Errorf("%s: issue from linter %q, want %q: %s", where, is.FromLinter, Name, is.Text)
			continue
		}
		if m := primaryText.FindStringSubmatch(is.Text); m != nil {
			got[finding{filepath.ToSlash(is.Pos.Filename), is.Pos.Line, m[1]}] = is.Text
			continue
		}
		if m := relatedText.FindStringSubmatch(is.Text); m != nil && slices.Contains(enabled, m[1]) {
			related++
			continue
		}
		t.Errorf("%s: unexpected issue text %q: want \"PASS: message\" from an enabled pass (%v)", where, is.Text, enabled)
	}
	for _, k := range sorted(want) {
		if _, ok := got[k]; !ok {
			t.Errorf("missing: %s (marker %q)", k, want[k])
		}
	}
	for _, k := range sorted(got) {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected: %s %s", k, got[k])
		}
	}
	// Related information belongs to a reported diagnostic.
	if related > 0 && len(got) == 0 {
		t.Errorf("%d related-information issues but no finding", related)
	}
}

// --- Markers -----------------------------------------------------------------

// A finding is one reported (or expected) diagnostic of a pass on a line;
// File is slash-separated and relative to the module root.
type finding struct {
	File string
	Line int
	Pass string
}

func (f finding) String() string { return fmt.Sprintf("%s:%d: [%s]", f.File, f.Line, f.Pass) }

// findings maps each finding to the marker, or the reported text.
type findings map[finding]string

// markers returns the findings that "// TAG(pass[,pass]): why" comments at
// the end of lines of the .go files under dir announce.
func markers(t *testing.T, dir, tag string) findings {
	want := findings{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		for _, group := range f.Comments {
			for _, c := range group.List {
				rest, ok := strings.CutPrefix(c.Text, "// "+tag+"(")
				if !ok {
					continue
				}
				list, why, ok := strings.Cut(rest, "):")
				if !ok || strings.TrimSpace(why) == "" {
					t.Errorf("%s: malformed marker %q", fset.Position(c.Slash), c.Text)
					continue
				}
				for p := range strings.SplitSeq(list, ",") {
					p = strings.TrimSpace(p)
					if !slices.Contains(allPasses(), p) {
						t.Errorf("%s: marker names unknown pass %q", fset.Position(c.Slash), p)
						continue
					}
					want[finding{filepath.ToSlash(rel), fset.Position(c.Slash).Line, p}] = c.Text
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return want
}

// markerFor returns the first marker (in file and line order) that names
// only pass, and no other pass on its line.
func markerFor(t *testing.T, all findings, pass string) finding {
	t.Helper()
	for _, k := range sorted(all) {
		if k.Pass != pass {
			continue
		}
		alone := true
		for other := range all {
			if other.File == k.File && other.Line == k.Line && other.Pass != pass {
				alone = false
			}
		}
		if alone {
			return k
		}
	}
	t.Fatalf("examples/orders has no line marked for %s alone", pass)
	return finding{}
}

// editMarker replaces the marker comment on k's line, in the module copy
// dir, with comment.
func editMarker(t *testing.T, dir string, k finding, comment string) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(k.File))
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(src), "\n")
	line := lines[k.Line-1]
	i := strings.Index(line, "// BUG(")
	if i < 0 {
		t.Fatalf("%s: no marker on the line: %q", k, line)
	}
	lines[k.Line-1] = line[:i] + comment + "\n"
	writeFile(t, path, []byte(strings.Join(lines, "")))
	t.Logf("%s: %s", k, strings.TrimSpace(lines[k.Line-1]))
}

func allPasses() []string { return passNames() }

func only(all findings, passes ...string) findings {
	out := findings{}
	for k, v := range all {
		if slices.Contains(passes, k.Pass) {
			out[k] = v
		}
	}
	return out
}

func union(a, b findings) findings {
	out := clone(a)
	for k, v := range b {
		out[k] = v
	}
	return out
}

func clone(all findings) findings {
	out := findings{}
	for k, v := range all {
		out[k] = v
	}
	return out
}

func sorted(all findings) []finding {
	keys := make([]finding, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y finding) int {
		if c := strings.Compare(x.File, y.File); c != 0 {
			return c
		}
		if x.Line != y.Line {
			return x.Line - y.Line
		}
		return strings.Compare(x.Pass, y.Pass)
	})
	return keys
}

// --- Helpers -------------------------------------------------------------

// command is testmodules.Command in dir with env.
func command(t *testing.T, ctx context.Context, dir string, env []string, name string, args ...string) *exec.Cmd {
	cmd := testmodules.Command(t, ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = env
	return cmd
}

// copyDir copies the regular files under src into dst, creating dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// clip shortens long output for a log or failure message.
func clip(s string) string {
	const head, tail = 6000, 1000
	if len(s) <= head+tail {
		return s
	}
	return fmt.Sprintf("%s\n... [%d bytes omitted] ...\n%s", s[:head], len(s)-head-tail, s[len(s)-tail:])
}
