package driver

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/fifolint/fifolint/internal/testmodules"
)

// The end-to-end tests run the test binary itself as the command: with
// modeEnv set, TestMain becomes the main function of a driver (or, for
// comparison, of multichecker) over testAnalyzers.
const modeEnv = "FIFOLINT_DRIVER_TEST_MODE"

func TestMain(m *testing.M) {
	switch os.Getenv(modeEnv) {
	case "driver":
		Main(testAnalyzers()...)
	case "multichecker":
		multichecker.Main(testAnalyzers()...)
	}
	os.Exit(m.Run())
}

// A result is what one run of the command did.
type result struct {
	stdout, stderr string
	code           int
}

// runCommand runs the test binary as the command of the given mode in dir.
// Modules have no dependencies, so the network is never needed.
func runCommand(t *testing.T, mode, dir string, extraEnv []string, args ...string) result {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return runProgram(t, dir, append([]string{modeEnv + "=" + mode}, extraEnv...), exe, args...)
}

// runProgram runs name in dir, offline, with env added.
func runProgram(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	stdout, stderr, code := testmodules.Run(t, dir, append([]string{"GOWORK=off", "GOFLAGS=", "GOPROXY=off"}, env...), name, args...)
	return result{stdout, stderr, code}
}

func runDriver(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runCommand(t, "driver", dir, nil, args...)
}

// writeModule writes a throwaway module and returns its directory, with
// symbolic links resolved so that it matches the file names go list
// reports.
func writeModule(t *testing.T, path string, files map[string]string) string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	files["go.mod"] = "module " + path + "\n\ngo 1.22\n"
	for name, content := range files {
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// factsModule has a chain of calls across three packages: c calls
// b.Relay, which calls the marked a.Send. b has an internal test, so
// b.go is analyzed twice, as "b" and "b [b.test]".
func factsModule(t *testing.T) string {
	return writeModule(t, "example.com/facts", map[string]string{
		"a/a.go": `package a

// Send pretends to send msg.
//
//marked
func Send(msg string) error { return nil }
`,
		"b/b.go": `package b

import "example.com/facts/a"

// Relay forwards msg.
func Relay(msg string) error {
	return a.Send(msg)
}
`,
		"b/b_test.go": `package b

import "testing"

func TestRelay(t *testing.T) { _ = Relay("x") }
`,
		"c/c.go": `package c

import (
	"strings"

	"example.com/facts/b"
)

// Shout forwards msg loudly.
func Shout(msg string) error {
	return b.Relay(strings.ToUpper(msg))
}
`,
	})
}

func TestStandaloneFactsCrossRoots(t *testing.T) {
	t.Parallel()
	dir := factsModule(t)
	runLog := filepath.Join(t.TempDir(), "runs")
	res := runCommand(t, "driver", dir, []string{runLogEnv + "=" + runLog}, "-test", "./...")

	// Each diagnostic once (b.go belongs to "b" and "b [b.test]"), in file
	// order, naming its pass. The one in c needs the fact that b.Relay got
	// from a.Send.
	want := dir + "/b/b.go:7:9: call to example.com/facts/a.Send reaches marked example.com/facts/a.Send (marker)\n" +
		dir + "/c/c.go:11:9: call to example.com/facts/b.Relay reaches marked example.com/facts/a.Send (marker)\n"
	if res.code != exitDiagnostics || res.stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 3, stderr:\n%s", res.code, res.stderr, want)
	}

	// Only the roots were analyzed: not strings, testing or their deps.
	expectAnalyzed(t, runLog, "example.com/facts/a", "example.com/facts/b", "example.com/facts/b.test", "example.com/facts/c")
}

func TestStandaloneLoadsFactCarriers(t *testing.T) {
	t.Parallel()
	dir := factsModule(t)
	runLog := filepath.Join(t.TempDir(), "runs")
	res := runCommand(t, "driver", dir, []string{runLogEnv + "=" + runLog}, "./c")

	// a and b belong to the main module, so they are analysed for their
	// facts, as go vet would: the call in c is reported, and what b
	// itself calls is not, since b was not named.
	want := dir + "/c/c.go:11:9: call to example.com/facts/b.Relay reaches marked example.com/facts/a.Send (marker)\n"
	if res.code != exitDiagnostics || res.stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 3, stderr:\n%s", res.code, res.stderr, want)
	}
	// Neither std nor the test variant of a dependency is analysed.
	expectAnalyzed(t, runLog, "example.com/facts/a", "example.com/facts/b", "example.com/facts/c")
}

// TestStandaloneWorkspace runs the driver in one module of a go.work
// workspace whose other module holds the marked function: every module
// of a workspace is a main module, so its packages carry facts.
func TestStandaloneWorkspace(t *testing.T) {
	t.Parallel()
	lib := writeModule(t, "example.com/lib", map[string]string{
		"send/send.go":   "package send\n\n// Send pretends to send msg.\n//\n//marked\nfunc Send(msg string) error { return nil }\n",
		"relay/relay.go": "package relay\n\nimport \"example.com/lib/send\"\n\n// Relay forwards msg.\nfunc Relay(msg string) error { return send.Send(msg) }\n",
	})
	app := writeModule(t, "example.com/app", map[string]string{
		"app.go": "package app\n\nimport \"example.com/lib/relay\"\n\nfunc Run() error { return relay.Relay(\"x\") }\n",
	})
	work := filepath.Join(t.TempDir(), "go.work")
	if err := os.WriteFile(work, []byte("go 1.22\n\nuse (\n\t"+lib+"\n\t"+app+"\n)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	runLog := filepath.Join(t.TempDir(), "runs")
	res := runCommand(t, "driver", app, []string{"GOWORK=" + work, runLogEnv + "=" + runLog}, "./...")
	want := app + "/app.go:5:27: call to example.com/lib/relay.Relay reaches marked example.com/lib/send.Send (marker)\n"
	if res.code != exitDiagnostics || res.stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 3, stderr:\n%s", res.code, res.stderr, want)
	}
	expectAnalyzed(t, runLog, "example.com/app", "example.com/lib/relay", "example.com/lib/send")
}

// TestStandaloneThirdPartyNotAnalyzed runs the driver on a module that
// requires another module (through a replace directive): a dependency
// that is neither in a main module nor imports SQS or SNS comes from
// export data, so its facts are absent.
func TestStandaloneThirdPartyNotAnalyzed(t *testing.T) {
	t.Parallel()
	lib := writeModule(t, "example.com/lib", map[string]string{
		"send/send.go": "package send\n\n// Send pretends to send msg.\n//\n//marked\nfunc Send(msg string) error { return nil }\n\n// Relay forwards msg.\nfunc Relay(msg string) error { return Send(msg) }\n",
	})
	app := writeModule(t, "example.com/app", map[string]string{
		"app.go": "package app\n\nimport \"example.com/lib/send\"\n\nfunc Run() error { return send.Relay(\"x\") }\n",
	})
	gomod := "module example.com/app\n\ngo 1.22\n\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => " + lib + "\n"
	if err := os.WriteFile(filepath.Join(app, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	runLog := filepath.Join(t.TempDir(), "runs")
	res := runCommand(t, "driver", app, []string{runLogEnv + "=" + runLog}, "./...")
	if res.code != exitOK || res.stderr != "" {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 0 and no output", res.code, res.stderr)
	}
	expectAnalyzed(t, runLog, "example.com/app")
}

// expectAnalyzed fails the test unless the run log names exactly the
// packages want, sorted.
func expectAnalyzed(t *testing.T, runLog string, want ...string) {
	t.Helper()
	if analyzed := readRunLog(t, runLog); !slices.Equal(analyzed, want) {
		t.Errorf("analyzed packages %q, want %q", analyzed, want)
	}
}

// readRunLog returns the sorted distinct package paths in the run log.
func readRunLog(t *testing.T, name string) []string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	paths := strings.Fields(string(data))
	slices.Sort(paths)
	return slices.Compact(paths)
}

func TestStandaloneJSON(t *testing.T) {
	t.Parallel()
	dir := factsModule(t)
	res := runDriver(t, dir, "-json", "-test", "./...")
	if res.code != exitOK || res.stderr != "" {
		t.Fatalf("exit %d, stderr:\n%s\nwant exit 0 and no stderr", res.code, res.stderr)
	}
	var tree map[string]map[string][]struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &tree); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, res.stdout)
	}
	var got []string
	for pkg, byAnalyzer := range tree {
		for analyzer, diags := range byAnalyzer {
			for _, d := range diags {
				got = append(got, pkg+" "+analyzer+" "+strings.TrimPrefix(d.Posn, dir+"/"))
			}
		}
	}
	slices.Sort(got)
	// b.go's diagnostic appears once, under "b" rather than its test variant.
	want := []string{
		"example.com/facts/b marker b/b.go:7:9",
		"example.com/facts/c marker c/c.go:11:9",
	}
	if !slices.Equal(got, want) {
		t.Errorf("JSON diagnostics %q, want %q\n%s", got, want, res.stdout)
	}
}

// TestStandaloneTypeErrors: a package with a type error in a file shared
// with its test variant is reported once, as "file:line:col: message",
// without the compiler's copy of it or the skipped analyzers; the other
// packages are still analyzed; and the errors win the exit code (1) over
// the findings (3).
func TestStandaloneTypeErrors(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, "example.com/broken", map[string]string{
		"bad/bad.go":      "package bad\n\nvar X int = \"not an int\"\n",
		"bad/bad_test.go": "package bad\n\nimport \"testing\"\n\nfunc TestX(t *testing.T) {}\n",
		"ok/ok.go":        "package ok\n\nfunc legacy() int { return 0 }\n\nvar Y = legacy()\n",
	})
	want := dir + `/bad/bad.go:3:13: cannot use "not an int" (untyped string constant) as int value in variable declaration` + "\n" +
		dir + "/ok/ok.go:5:9: call to legacy (renamer)\n"
	for _, args := range [][]string{{"./..."}, {"-test", "./..."}} {
		res := runDriver(t, dir, args...)
		if res.code != exitFailure || res.stderr != want {
			t.Errorf("%q: exit %d, stderr:\n%s\nwant exit 1, stderr:\n%s", args, res.code, res.stderr, want)
		}
	}
	// -fix fixes ok.go and still exits 1 for bad.go.
	typeErr, _, _ := strings.Cut(want, "\n")
	if res := runDriver(t, dir, "-fix", "./..."); res.code != exitFailure || res.stderr != typeErr+"\n" {
		t.Errorf("-fix: exit %d, stderr:\n%s\nwant exit 1, stderr:\n%s", res.code, res.stderr, typeErr)
	}
}

// TestStandaloneLoadErrorPositions: an error without a position is
// printed as its message alone, not after "-: ".
func TestStandaloneLoadErrorPositions(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, "example.com/imports", map[string]string{
		"p/p.go": "package p\n\nimport _ \"example.com/imports/missing\"\n",
	})
	res := runDriver(t, dir, "./...")
	if res.code != exitFailure || strings.Contains(res.stderr, "-: ") || !strings.Contains(res.stderr, "example.com/imports/missing") {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and the error without \"-: \"", res.code, res.stderr)
	}
}

func fixModule(t *testing.T) string {
	return writeModule(t, "example.com/fixes", map[string]string{
		"p/p.go": `package p

func legacy() int { return 1 }

func modern() int { return 2 }

// Use uses legacy twice.
func Use() int {
	x := legacy()
	return x + legacy()
}
`,
		"p/p_test.go": `package p

import "testing"

func TestUse(t *testing.T) { _ = legacy() }
`,
	})
}

// fixedP and fixedPTest are the files of fixModule after -fix: gofmt has
// tidied "modern( )".
const (
	fixedP = `package p

func legacy() int { return 1 }

func modern() int { return 2 }

// Use uses legacy twice.
func Use() int {
	x := modern()
	return x + modern()
}
`
	fixedPTest = `package p

import "testing"

func TestUse(t *testing.T) { _ = modern() }
`
)

func TestStandaloneFix(t *testing.T) {
	t.Parallel()
	dir := fixModule(t)
	res := runDriver(t, dir, "-fix", "-test", "./...")
	if res.code != exitOK || res.stderr != "" || res.stdout != "" {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s\nwant exit 0 and no output", res.code, res.stdout, res.stderr)
	}
	checkFile(t, filepath.Join(dir, "p/p.go"), fixedP)
	checkFile(t, filepath.Join(dir, "p/p_test.go"), fixedPTest)

	if res := runDriver(t, dir, "-test", "./..."); res.code != exitOK || res.stderr != "" {
		t.Errorf("after -fix: exit %d, stderr:\n%s\nwant a clean run", res.code, res.stderr)
	}
}

func TestStandaloneFixDiff(t *testing.T) {
	t.Parallel()
	dir := fixModule(t)
	before := map[string]string{"p/p.go": readFile(t, filepath.Join(dir, "p/p.go")), "p/p_test.go": readFile(t, filepath.Join(dir, "p/p_test.go"))}
	res := runDriver(t, dir, "-fix", "-diff", "-test", "./...")
	if res.code != exitOK || res.stderr != "" {
		t.Fatalf("exit %d, stderr:\n%s\nwant exit 0 and no stderr", res.code, res.stderr)
	}
	// Nothing written.
	for name, content := range before {
		checkFile(t, filepath.Join(dir, name), content)
	}
	// The diff has one section per file, in order, and patches each file
	// to what -fix writes.
	sections := strings.SplitAfter(res.stdout, "\n--- ")
	if len(sections) != 2 || !strings.HasPrefix(res.stdout, "--- a/p/p.go\n+++ b/p/p.go\n") || !strings.HasPrefix(sections[1], "a/p/p_test.go\n+++ b/p/p_test.go\n") {
		t.Fatalf("unexpected diff layout:\n%s", res.stdout)
	}
	sections[0] = strings.TrimSuffix(sections[0], "--- ")
	sections[1] = "--- " + sections[1]
	for i, want := range map[int]string{0: fixedP, 1: fixedPTest} {
		name := []string{"p/p.go", "p/p_test.go"}[i]
		got, err := applyUnifiedDiff(before[name], sections[i])
		if err != nil || got != want {
			t.Errorf("patching %s: %v\ngot:\n%s\nwant:\n%s", name, err, got, want)
		}
	}
}

func TestStandaloneFixConflict(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, "example.com/clash", map[string]string{
		"p/p.go": "package p\n\nfunc clash() int { return 0 }\n\nfunc other() int { return 1 }\n\nfunc renamed() int { return 2 }\n\nvar X = clash()\n",
	})
	res := runDriver(t, dir, "-fix", "./...")
	// Both analyzers fix the same call; clasher comes first by name.
	wantStderr := dir + `/p/p.go:9:9: renamer: skipped fix "replace clash": it conflicts with an earlier fix in ` + dir + "/p/p.go\n" +
		progname(t) + ": applied 1 of 2 fixes; run again with -fix to apply the others\n" +
		dir + "/p/p.go:9:9: call to clash (renamer)\n" +
		progname(t) + ": 1 of 2 findings have no fix applied (listed above)\n"
	if res.code != exitFailure || res.stderr != wantStderr {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1, stderr:\n%s", res.code, res.stderr, wantStderr)
	}
	if got := readFile(t, filepath.Join(dir, "p/p.go")); !strings.HasSuffix(got, "var X = other()\n") {
		t.Errorf("clasher's fix not applied:\n%s", got)
	}
}

func TestStandaloneCommandLineErrors(t *testing.T) {
	t.Parallel()
	dir := factsModule(t)
	if err := os.Mkdir(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, test := range []struct {
		args       []string
		wantCode   int
		wantStderr string
	}{
		{[]string{"-bogus", "./..."}, exitUsage, "flag provided but not defined: -bogus"},
		{[]string{"./empty/..."}, exitFailure, "./empty/... matched no packages"},
		{[]string{"./missing/..."}, exitFailure, "lstat ./missing/: no such file or directory"},
		{nil, exitFailure, "Usage: "},
	} {
		res := runDriver(t, dir, test.args...)
		if res.code != test.wantCode || !strings.Contains(res.stderr, test.wantStderr) || strings.Contains(res.stderr, "analysis skipped") {
			t.Errorf("%q: exit %d, stderr:\n%s\nwant exit %d and %q", test.args, res.code, res.stderr, test.wantCode, test.wantStderr)
		}
	}
}

func TestHelpCommand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	res := runDriver(t, dir, "help")
	if res.code != exitOK || !strings.Contains(res.stdout, "    marker       report calls to functions") {
		t.Errorf("help: exit %d, stdout:\n%s", res.code, res.stdout)
	}
	res = runDriver(t, dir, "help", "nosuch")
	if res.code != exitFailure || !strings.Contains(res.stderr, `no analyzer named "nosuch"`) {
		t.Errorf("help nosuch: exit %d, stderr:\n%s", res.code, res.stderr)
	}
}

// TestVetProtocolMatchesMultichecker compares the flag list go vet relies
// on with multichecker's.
func TestVetProtocolMatchesMultichecker(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, args := range [][]string{{"-flags"}, {"-marker=false", "-json", "-flags"}} {
		got := runCommand(t, "driver", dir, nil, args...)
		want := runCommand(t, "multichecker", dir, nil, args...)
		if got != want {
			t.Errorf("%q: driver and multichecker differ\ndriver: %+v\nmultichecker: %+v", args, got, want)
		}
	}
	// The flag list includes the enable switch of each analyzer and -test.
	res := runCommand(t, "driver", dir, nil, "-flags")
	for _, want := range []string{`"Name": "marker"`, `"Name": "test"`, `"Name": "json"`} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("-flags lacks %s:\n%s", want, res.stdout)
		}
	}
}

// TestVersion: -V=full has the form go vet keys its cache on ("devel",
// then the hash of the executable last), with the module version and the
// Go release in between instead of multichecker's placeholder; -version
// prints the module version, the VCS revision if the build has one, and
// the Go release.
func TestVersion(t *testing.T) {
	t.Parallel()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	res := runDriver(t, dir, "-V=full")
	want := fmt.Sprintf("%s version devel %s ", progname(t), toolVersion())
	wantEnd := fmt.Sprintf(" %s buildID=%x\n", runtime.Version(), sha256.Sum256(data))
	if res.code != exitOK || !strings.HasPrefix(res.stdout, want) || !strings.HasSuffix(res.stdout, wantEnd) || strings.Contains(res.stdout, "comments-go-here") {
		t.Errorf("-V=full: exit %d, stdout %q, want %q...%q", res.code, res.stdout, want, wantEnd)
	}

	res = runDriver(t, dir, "-version")
	want = strings.Join(append(append([]string{progname(t), toolVersion()}, vcsInfo()...), runtime.Version()), " ") + "\n"
	if res.code != exitOK || res.stdout != want || res.stderr != "" {
		t.Errorf("-version: exit %d, stdout %q, stderr %q, want %q", res.code, res.stdout, res.stderr, want)
	}
}

// TestVetNamesPasses: under go vet, text output names the pass of each
// finding as standalone does. go vet -json shows the same message (the
// tool cannot tell the two apart).
func TestVetNamesPasses(t *testing.T) {
	t.Parallel()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := factsModule(t)
	vet := func(args ...string) result {
		t.Helper()
		return runProgram(t, dir, []string{modeEnv + "=driver"}, "go", append([]string{"vet", "-vettool=" + exe}, args...)...)
	}
	const msg = "call to example.com/facts/b.Relay reaches marked example.com/facts/a.Send"
	res := vet("./c")
	if res.code != 1 || !strings.Contains(res.stderr, "c.go:11:9: "+msg+" (marker)\n") {
		t.Errorf("go vet: exit %d, stderr:\n%s\nwant exit 1 and %q", res.code, res.stderr, msg+" (marker)")
	}
	res = vet("-json", "./c")
	if res.code != 0 || !strings.Contains(res.stdout, `"message": "`+msg+` (marker)"`) {
		t.Errorf("go vet -json: exit %d, stdout:\n%s\nwant exit 0 and %q", res.code, res.stdout, msg+" (marker)")
	}
}

// progname is the name the command uses in its messages.
func progname(t *testing.T) string {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Base(exe)
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func checkFile(t *testing.T, name, want string) {
	t.Helper()
	if got := readFile(t, name); got != want {
		t.Errorf("%s:\n%s\nwant:\n%s", name, got, want)
	}
}

// TestStandaloneFixLeavesFindings: -fix prints the findings it could not
// fix (the marker analyzer offers no fix) and exits 3, so a hook or CI job
// does not look clean.
func TestStandaloneFixLeavesFindings(t *testing.T) {
	t.Parallel()
	dir := factsModule(t)
	want := dir + "/b/b.go:7:9: call to example.com/facts/a.Send reaches marked example.com/facts/a.Send (marker)\n" +
		dir + "/c/c.go:11:9: call to example.com/facts/b.Relay reaches marked example.com/facts/a.Send (marker)\n" +
		progname(t) + ": 2 of 2 findings have no fix applied (listed above)\n"
	for _, args := range [][]string{{"-fix", "./..."}, {"-fix", "-diff", "./..."}} {
		res := runDriver(t, dir, args...)
		if res.code != exitDiagnostics || res.stderr != want || res.stdout != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr:\n%s\nwant exit 3, stderr:\n%s", args, res.code, res.stdout, res.stderr, want)
		}
	}
}

// TestStandaloneDirFlag: -C dir loads the patterns in dir, as go -C does,
// for a module that sits in a subdirectory of the repository.
func TestStandaloneDirFlag(t *testing.T) {
	t.Parallel()
	dir := factsModule(t)
	parent := filepath.Dir(dir)
	want := runDriver(t, dir, "./...")
	if want.code != exitDiagnostics {
		t.Fatalf("in the module: exit %d, stderr:\n%s", want.code, want.stderr)
	}
	for _, args := range [][]string{{"-C", filepath.Base(dir), "./..."}, {"-C=" + dir, "./..."}} {
		if got := runDriver(t, parent, args...); got != want {
			t.Errorf("%q from %s: %+v\nwant the same as in the module: %+v", args, parent, got, want)
		}
	}
	if res := runDriver(t, parent, "./..."); res.code != exitFailure {
		t.Errorf("./... outside the module: exit %d, want 1\n%s", res.code, res.stderr)
	}
	if res := runDriver(t, parent, "-C", "nosuch", "./..."); res.code != exitFailure || !strings.Contains(res.stderr, "nosuch") {
		t.Errorf("-C nosuch: exit %d, want 1 and an error naming the directory\n%s", res.code, res.stderr)
	}
}
