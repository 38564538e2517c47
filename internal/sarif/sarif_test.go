package sarif

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// testInput is a small set of synthetic diagnostics, in no particular
// order, over files under root and one file outside it.
type testInput struct {
	root, outside string
	tool          ToolInfo
	rules         []Rule
	diags         []Diagnostic
	errs          []Error
	files         map[string]string
}

func newTestInput(t *testing.T) *testInput {
	root := filepath.Join(t.TempDir(), "src root") // a space, to be escaped in URIs
	outside := filepath.Join(t.TempDir(), "other.go")
	a := filepath.Join(root, "a", "a.go")
	b := filepath.Join(root, "b", "b.go")
	pos := func(file string, line, col int) Position { return Position{Filename: file, Line: line, Column: col} }
	return &testInput{
		root:    root,
		outside: outside,
		tool:    ToolInfo{Name: "fifolint", Version: "1.2.3", SemanticVersion: "1.2.3", InformationURI: "https://example.com/fifolint"},
		rules: []Rule{
			{ID: "beta", Doc: "report betas\n\nBeta details.\nMore details.", HelpURI: "https://example.com/beta"},
			{ID: "alpha", Doc: "report alphas"},
		},
		diags: []Diagnostic{
			{RuleID: "beta", Message: "bad map[string]int", Pos: pos(b, 5, 2), End: pos(b, 6, 9)},
			{RuleID: "gamma", Message: "outside", Pos: pos(outside, 1, 0)},
			{
				RuleID: "alpha", Message: "call to f in [x]", Pos: pos(a, 2, 18), End: pos(a, 2, 21),
				Related: []Related{{Pos: pos(a, 1, 1), Message: "fixed [here]"}, {Pos: pos(b, 1, 1), End: pos(b, 1, 8)}},
			},
			{RuleID: "alpha", Message: "empty range", Pos: pos(a, 1, 9), End: pos(a, 1, 9)},
		},
		errs: []Error{{Message: "alpha: example.com/p: boom"}},
		files: map[string]string{
			// Byte column 18 ("f") is UTF-16 column 15: é is 2 bytes
			// and 1 unit, 😀 4 bytes and 2 units.
			a: "package a\n\tx := \"é😀\" + f()\n",
			b: "package b\n",
		},
	}
}

func (in *testInput) build() *Log {
	readFile := func(name string) ([]byte, error) {
		if content, ok := in.files[name]; ok {
			return []byte(content), nil
		}
		return nil, os.ErrNotExist
	}
	return Build(in.tool, in.rules, in.diags, in.errs, Options{SrcRoot: in.root, ReadFile: readFile})
}

func encode(t *testing.T, l *Log) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := l.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func decode(t *testing.T, data []byte) *Log {
	t.Helper()
	var l Log
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&l); err != nil {
		t.Fatalf("decoding the log: %v\n%s", err, data)
	}
	return &l
}

func TestBuild(t *testing.T) {
	in := newTestInput(t)
	data := encode(t, in.build())
	l := decode(t, data)

	if l.Schema != SchemaURI || l.Version != "2.1.0" || len(l.Runs) != 1 {
		t.Fatalf("header: $schema %q, version %q, %d runs", l.Schema, l.Version, len(l.Runs))
	}
	run := l.Runs[0]
	driver := run.Tool.Driver
	if driver.Name != "fifolint" || driver.Version != "1.2.3" || driver.SemanticVersion != "1.2.3" || driver.InformationURI != "https://example.com/fifolint" {
		t.Errorf("driver: %+v", driver)
	}

	// Rules sorted by id; gamma, used but not declared, gets a bare rule.
	var ids []string
	for _, r := range driver.Rules {
		ids = append(ids, r.ID)
	}
	if !slices.Equal(ids, []string{"alpha", "beta", "gamma"}) {
		t.Fatalf("rule ids %q", ids)
	}
	alpha, beta, gamma := driver.Rules[0], driver.Rules[1], driver.Rules[2]
	if beta.ShortDescription.Text != "report betas" || beta.FullDescription.Text != "Beta details.\nMore details." ||
		beta.HelpURI != "https://example.com/beta" || beta.Help.Text != "Beta details.\nMore details.\n\nSee https://example.com/beta" ||
		beta.DefaultConfiguration.Level != "warning" {
		t.Errorf("beta rule: %s", mustJSON(beta))
	}
	// A one-line doc is its own full description.
	if alpha.ShortDescription.Text != "report alphas" || alpha.FullDescription.Text != "report alphas" || alpha.HelpURI != "" {
		t.Errorf("alpha rule: %s", mustJSON(alpha))
	}
	if gamma.ShortDescription.Text != "gamma" || gamma.FullDescription.Text != "gamma" || gamma.Help.Text != "gamma" {
		t.Errorf("gamma rule: %s", mustJSON(gamma))
	}

	// The source root, as an absolute directory URI.
	wantRoot := "file://" + filepath.ToSlash(strings.ReplaceAll(in.root, " ", "%20")) + "/"
	if run.OriginalURIBaseIDs == nil || run.OriginalURIBaseIDs.SrcRoot.URI != wantRoot {
		t.Errorf("originalUriBaseIds: %s, want %%SRCROOT%% = %s", mustJSON(run.OriginalURIBaseIDs), wantRoot)
	}
	// The errors.
	if len(run.Invocations) != 1 || run.Invocations[0].ExecutionSuccessful ||
		len(run.Invocations[0].ToolExecutionNotifications) != 1 ||
		run.Invocations[0].ToolExecutionNotifications[0].Message.Text != "alpha: example.com/p: boom" {
		t.Errorf("invocations: %s", mustJSON(run.Invocations))
	}

	// Results sorted by location; URIs relative to the root where
	// possible; columns in UTF-16 code units.
	type row struct {
		rule, uri, base string
		index           int
		region          Region
	}
	var rows []row
	for _, r := range run.Results {
		if r.Level != "warning" || len(r.Locations) != 1 {
			t.Errorf("result: %s", mustJSON(r))
		}
		pl := r.Locations[0].PhysicalLocation
		rows = append(rows, row{r.RuleID, pl.ArtifactLocation.URI, pl.ArtifactLocation.URIBaseID, r.RuleIndex, regionOrZero(pl.Region)})
	}
	outsideURI := "file://" + filepath.ToSlash(in.outside)
	want := []row{
		{"gamma", outsideURI, "", 2, Region{StartLine: 1}},
		{"alpha", "a/a.go", SrcRoot, 0, Region{StartLine: 1, StartColumn: 9}},
		{"alpha", "a/a.go", SrcRoot, 0, Region{StartLine: 2, StartColumn: 15, EndLine: 2, EndColumn: 18}},
		{"beta", "b/b.go", SrcRoot, 1, Region{StartLine: 5, StartColumn: 2, EndLine: 6, EndColumn: 9}},
	}
	if !slices.Equal(rows, want) {
		t.Errorf("results:\n%+v\nwant:\n%+v", rows, want)
	}

	// Messages are the diagnostics', except that links to the related
	// locations are appended, and then brackets are escaped.
	var messages []string
	for _, r := range run.Results {
		messages = append(messages, r.Message.Text)
	}
	wantMessages := []string{
		"outside",
		"empty range",
		`call to f in \[x\] ([fixed \[here\]](1), [related location](2))`,
		"bad map[string]int",
	}
	if !slices.Equal(messages, wantMessages) {
		t.Errorf("messages:\n%q\nwant:\n%q", messages, wantMessages)
	}
	related := run.Results[2].RelatedLocations
	if len(related) != 2 ||
		related[0].ID != 1 || related[0].Message.Text != "fixed [here]" ||
		related[0].PhysicalLocation.ArtifactLocation.URI != "a/a.go" ||
		*related[0].PhysicalLocation.Region != (Region{StartLine: 1, StartColumn: 1}) ||
		related[1].ID != 2 || related[1].PhysicalLocation.ArtifactLocation.URI != "b/b.go" ||
		*related[1].PhysicalLocation.Region != (Region{StartLine: 1, StartColumn: 1, EndLine: 1, EndColumn: 8}) {
		t.Errorf("related locations: %s", mustJSON(related))
	}

	checkGitHubRequirements(t, data)
}

func TestBuildIsDeterministic(t *testing.T) {
	in := newTestInput(t)
	first := encode(t, in.build())
	slices.Reverse(in.diags)
	slices.Reverse(in.rules)
	if second := encode(t, in.build()); !bytes.Equal(first, second) {
		t.Errorf("the order of the input changed the output:\n%s\nthen:\n%s", first, second)
	}
	// Struct order, not map order: the keys come as SARIF lists them.
	for _, prefix := range []string{"{\n  \"$schema\": ", "\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": {\n          \"name\": \"fifolint\",\n"} {
		if !bytes.Contains(first, []byte(prefix)) {
			t.Errorf("output lacks %q:\n%s", prefix, first)
		}
	}
	if !bytes.HasSuffix(first, []byte("}\n")) {
		t.Errorf("no final newline")
	}
}

func TestBuildEmpty(t *testing.T) {
	data := encode(t, Build(ToolInfo{Name: "fifolint"}, nil, nil, nil, Options{}))
	// GitHub wants "results" even when empty; rules may be empty too.
	for _, want := range []string{`"results": []`, `"rules": []`, `"executionSuccessful": true`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("output lacks %s:\n%s", want, data)
		}
	}
	if bytes.Contains(data, []byte("originalUriBaseIds")) {
		t.Errorf("originalUriBaseIds without a source root:\n%s", data)
	}
	checkGitHubRequirements(t, data)
}

func TestUTF16Column(t *testing.T) {
	content := []byte("ab\n\tx := \"é😀\" + f()\nlast")
	for _, test := range []struct {
		line, col, want int
		ok              bool
	}{
		{1, 1, 1, true},
		{1, 3, 3, true}, // the end of the line
		{2, 18, 15, true},
		{2, 9, 9, true},   // before é
		{2, 11, 10, true}, // after é
		{3, 5, 5, true},   // end of file
		{3, 6, 0, false},  // past it
		{1, 5, 0, false},  // across a newline
		{4, 1, 0, false},  // no such line
	} {
		got, ok := utf16Column(content, test.line, test.col)
		if got != test.want || ok != test.ok {
			t.Errorf("utf16Column(%d:%d) = %d, %v; want %d, %v", test.line, test.col, got, ok, test.want, test.ok)
		}
	}
}

func mustJSON(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(data)
}
