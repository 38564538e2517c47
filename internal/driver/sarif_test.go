package driver

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/fifolint/fifolint/internal/sarif"
)

// decodeSARIF parses the command's stdout strictly into sarif.Log.
func decodeSARIF(t *testing.T, stdout string) *sarif.Log {
	t.Helper()
	var l sarif.Log
	dec := json.NewDecoder(strings.NewReader(stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&l); err != nil {
		t.Fatalf("stdout is not a SARIF log: %v\n%s", err, stdout)
	}
	if l.Version != "2.1.0" || len(l.Runs) != 1 {
		t.Fatalf("version %q, %d runs", l.Version, len(l.Runs))
	}
	return &l
}

func TestStandaloneSARIF(t *testing.T) {
	t.Parallel()
	dir := factsModule(t)
	res := runDriver(t, dir, "-sarif", "./...")
	if res.code != exitDiagnostics || res.stderr != "" {
		t.Fatalf("exit %d, stderr:\n%s\nwant exit 3 (as text mode) and no stderr", res.code, res.stderr)
	}
	run := decodeSARIF(t, res.stdout).Runs[0]

	driver := run.Tool.Driver
	if driver.Name != "fifolint" || driver.InformationURI != sarifToolURI || driver.Version == "" {
		t.Errorf("driver: %+v", driver)
	}
	// One rule per analyzer, by name, described by its doc.
	var ids []string
	for _, r := range driver.Rules {
		ids = append(ids, r.ID)
	}
	if !slices.Equal(ids, []string{"clasher", "marker", "renamer"}) {
		t.Errorf("rules %q", ids)
	}
	if r := driver.Rules[1]; r.ShortDescription.Text != markerAnalyzer.Doc {
		t.Errorf("marker rule: %+v", r)
	}

	// Each diagnostic once, relative to the working directory, which
	// originalUriBaseIds gives.
	if run.OriginalURIBaseIDs == nil || run.OriginalURIBaseIDs.SrcRoot.URI != "file://"+filepath.ToSlash(dir)+"/" {
		t.Errorf("originalUriBaseIds: %+v, want %%SRCROOT%% = file://%s/", run.OriginalURIBaseIDs, dir)
	}
	var got []string
	for _, r := range run.Results {
		loc := r.Locations[0].PhysicalLocation
		got = append(got, strings.Join([]string{r.RuleID, r.Level, loc.ArtifactLocation.URIBaseID, loc.ArtifactLocation.URI,
			jsonString(t, loc.Region), r.Message.Text}, " "))
		if driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("ruleIndex %d for %s", r.RuleIndex, r.RuleID)
		}
	}
	want := []string{
		`marker warning %SRCROOT% b/b.go {"startLine":7,"startColumn":9} call to example.com/facts/a.Send reaches marked example.com/facts/a.Send`,
		`marker warning %SRCROOT% c/c.go {"startLine":11,"startColumn":9} call to example.com/facts/b.Relay reaches marked example.com/facts/a.Send`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("results:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(run.Invocations) != 1 || !run.Invocations[0].ExecutionSuccessful {
		t.Errorf("invocations: %+v", run.Invocations)
	}

	// The same run, the same bytes.
	if again := runDriver(t, dir, "-sarif", "./..."); again.stdout != res.stdout {
		t.Errorf("a second run differs:\n%s\nthen:\n%s", res.stdout, again.stdout)
	}
}

func TestStandaloneSARIFRangesAndNoFindings(t *testing.T) {
	t.Parallel()
	dir := fixModule(t)
	// Only the renamer: its diagnostics have an end.
	res := runDriver(t, dir, "-sarif", "-renamer", "-test", "./...")
	if res.code != exitDiagnostics {
		t.Fatalf("exit %d, stderr:\n%s", res.code, res.stderr)
	}
	run := decodeSARIF(t, res.stdout).Runs[0]
	var got []string
	for _, r := range run.Results {
		loc := r.Locations[0].PhysicalLocation
		got = append(got, loc.ArtifactLocation.URI+" "+jsonString(t, loc.Region))
	}
	want := []string{
		`p/p.go {"startLine":9,"startColumn":7,"endLine":9,"endColumn":15}`,
		`p/p.go {"startLine":10,"startColumn":13,"endLine":10,"endColumn":21}`,
		`p/p_test.go {"startLine":5,"startColumn":34,"endLine":5,"endColumn":42}`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("results:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// No findings: exit 0, and "results" is there, empty.
	res = runDriver(t, dir, "-sarif", "-marker", "./...")
	if res.code != exitOK || res.stderr != "" || !strings.Contains(res.stdout, `"results": []`) {
		t.Errorf("clean run: exit %d, stderr:\n%s\nstdout:\n%s", res.code, res.stderr, res.stdout)
	}
	if run := decodeSARIF(t, res.stdout).Runs[0]; len(run.Results) != 0 || len(run.Tool.Driver.Rules) != 1 {
		t.Errorf("clean run: %+v", run)
	}
}

func TestStandaloneSARIFErrors(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, "example.com/broken", map[string]string{
		"bad/bad.go": "package bad\n\nvar X int = \"not an int\"\n",
		"ok/ok.go":   "package ok\n\nfunc legacy() int { return 0 }\n\nvar Y = legacy()\n",
	})
	res := runDriver(t, dir, "-sarif", "-renamer", "./...")
	// As in text mode: the errors on stderr, and exit 1.
	text := runDriver(t, dir, "-renamer", "./...")
	if res.code != exitFailure || text.code != exitFailure {
		t.Errorf("exit %d, text mode %d, want 1", res.code, text.code)
	}
	// The type error once, and not the analysis it made skip.
	if strings.Count(res.stderr, `cannot use "not an int"`) != 1 || strings.Contains(res.stderr, "analysis skipped") {
		t.Errorf("stderr, want the type error once and nothing else:\n%s", res.stderr)
	}
	// The log still has the findings, and the errors as notifications.
	run := decodeSARIF(t, res.stdout).Runs[0]
	if len(run.Results) != 1 || run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "ok/ok.go" {
		t.Errorf("results: %+v", run.Results)
	}
	inv := run.Invocations
	if len(inv) != 1 || inv[0].ExecutionSuccessful {
		t.Fatalf("invocations: %s", jsonString(t, inv))
	}
	var notes []string
	for _, n := range inv[0].ToolExecutionNotifications {
		notes = append(notes, n.Level+": "+n.Message.Text)
	}
	if len(notes) != 1 || !strings.Contains(notes[0], `cannot use "not an int"`) {
		t.Errorf("notifications:\n%s", strings.Join(notes, "\n"))
	}

	// Without the broken package: exit 3.
	res = runDriver(t, dir, "-sarif", "-renamer", "./ok")
	if res.code != exitDiagnostics {
		t.Errorf("./ok: exit %d, want 3\n%s", res.code, res.stderr)
	}
}

func TestStandaloneSARIFCommandLine(t *testing.T) {
	t.Parallel()
	dir := factsModule(t)
	for _, args := range [][]string{{"-sarif", "-json", "./..."}, {"-sarif", "-fix", "./..."}} {
		res := runDriver(t, dir, args...)
		if res.code != exitUsage || !strings.Contains(res.stderr, "mutually exclusive") || res.stdout != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr:\n%s\nwant exit 2 and an error", args, res.code, res.stdout, res.stderr)
		}
	}
}

func TestSARIFToolInfo(t *testing.T) {
	for _, test := range []struct{ version, want, wantSemantic string }{
		{"v0.3.0", "0.3.0", "0.3.0"},
		{"v0.0.0-20260101000000-abcdefabcdef+dirty", "0.0.0-20260101000000-abcdefabcdef+dirty", "0.0.0-20260101000000-abcdefabcdef+dirty"},
		{"(devel)", "devel", ""},
		{"", "devel", ""},
	} {
		tool := sarifToolInfo(test.version)
		if tool.Version != test.want || tool.SemanticVersion != test.wantSemantic || tool.Name != "fifolint" {
			t.Errorf("sarifToolInfo(%q) = %+v, want version %q, semantic %q", test.version, tool, test.want, test.wantSemantic)
		}
	}
}

// TestPathMapper: go list may spell the files of a symlinked working
// directory through the link's target; the URIs must still be relative.
func TestPathMapper(t *testing.T) {
	real, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(real, "x.go"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skip(err)
	}
	m := &pathMapper{root: link, memo: make(map[string]string)}
	for name, want := range map[string]string{
		filepath.Join(real, "x.go"): filepath.Join(link, "x.go"),
		filepath.Join(link, "x.go"): filepath.Join(link, "x.go"),
		"/elsewhere/y.go":           "/elsewhere/y.go",
	} {
		if got := m.under(name); got != want {
			t.Errorf("under(%s) = %s, want %s", name, got, want)
		}
	}
}

func jsonString(t *testing.T, v any) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(buf.String(), "\n")
}
