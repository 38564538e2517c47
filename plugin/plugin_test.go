package plugin

import (
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
)

// The settings below are written as golangci-lint passes them: decoded
// from YAML by viper into map[string]any, lists as []any.

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("fifolint")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := newPlugin(nil); err != nil {
		t.Fatal(err)
	}
}

func TestDefaults(t *testing.T) {
	for _, settings := range []any{nil, map[string]any{}} {
		as := build(t, settings)
		if got, want := names(as), []string{"groupid", "dedupid", "errswallow", "fifoparams"}; !slices.Equal(got, want) {
			t.Errorf("settings %#v: analyzers %v, want %v", settings, got, want)
		}
		if got := flagValue(t, as, "dedupid", "clock"); got != "" {
			t.Errorf("dedupid -clock = %q, want empty", got)
		}
		if got := flagValue(t, as, "dedupid", "entropy"); got != "" {
			t.Errorf("dedupid -entropy = %q, want empty", got)
		}
		if got := flagValue(t, as, "errswallow", "strict"); got != "false" {
			t.Errorf("errswallow -strict = %q, want false", got)
		}
	}
	p, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
}

func TestEnable(t *testing.T) {
	for _, tc := range []struct {
		enable []any
		want   []string
	}{
		{[]any{"groupid"}, []string{"groupid"}},
		{[]any{"dedupid"}, []string{"dedupid"}},
		{[]any{"errswallow"}, []string{"errswallow"}},
		{[]any{"fifoparams", "groupid"}, []string{"groupid", "fifoparams"}},
		{[]any{"errswallow", "groupid"}, []string{"groupid", "errswallow"}},
		{[]any{"groupid", "groupid", "dedupid"}, []string{"groupid", "dedupid"}},
		{[]any{"errswallow", "dedupid", "groupid"}, []string{"groupid", "dedupid", "errswallow"}},
	} {
		as := build(t, map[string]any{"enable": tc.enable})
		if got := names(as); !slices.Equal(got, tc.want) {
			t.Errorf("enable %v: analyzers %v, want %v", tc.enable, got, tc.want)
		}
	}
}

func TestSharedOrigin(t *testing.T) {
	as := build(t, nil)
	g, d := find(t, as, "groupid"), find(t, as, "dedupid")
	if len(g.Requires) != 1 || len(d.Requires) != 1 || g.Requires[0] != d.Requires[0] {
		t.Fatalf("groupid requires %v, dedupid requires %v: want one shared origin analyzer", g.Requires, d.Requires)
	}
	if g.Requires[0].Name != "fifoorigin" {
		t.Errorf("groupid requires %s, want fifoorigin", g.Requires[0].Name)
	}
}

func TestDedupidLists(t *testing.T) {
	as := build(t, map[string]any{
		"dedupid-clock":   []any{"example.com/app/ids.Uniqid", "example.com/app/clock.Clock.Now"},
		"dedupid-entropy": []any{"example.com/app/ids.Token"},
	})
	if got, want := flagValue(t, as, "dedupid", "clock"), "example.com/app/ids.Uniqid,example.com/app/clock.Clock.Now"; got != want {
		t.Errorf("dedupid -clock = %q, want %q", got, want)
	}
	if got, want := flagValue(t, as, "dedupid", "entropy"), "example.com/app/ids.Token"; got != want {
		t.Errorf("dedupid -entropy = %q, want %q", got, want)
	}
	// Without dedupid the lists still configure the origin analyzer that
	// groupid uses; they must not be an error.
	build(t, map[string]any{"enable": []any{"groupid"}, "dedupid-clock": []any{"example.com/app/ids.Uniqid"}})
}

func TestErrswallowStrict(t *testing.T) {
	for _, strict := range []bool{true, false} {
		as := build(t, map[string]any{"errswallow-strict": strict})
		if got, want := flagValue(t, as, "errswallow", "strict"), map[bool]string{true: "true", false: "false"}[strict]; got != want {
			t.Errorf("errswallow-strict %v: errswallow -strict = %q, want %q", strict, got, want)
		}
	}
}

// TestIndependentInstances checks that nothing is shared between plugin
// instances or between BuildAnalyzers calls: golangci-lint may build the
// linter more than once, and tests build differently configured ones.
func TestIndependentInstances(t *testing.T) {
	strict := build(t, map[string]any{"errswallow-strict": true, "dedupid-clock": []any{"a.B"}})
	plain := build(t, nil)
	if got := flagValue(t, strict, "errswallow", "strict"); got != "true" {
		t.Errorf("first instance's errswallow -strict = %q after building a second one, want true", got)
	}
	if got := flagValue(t, strict, "dedupid", "clock"); got != "a.B" {
		t.Errorf("first instance's dedupid -clock = %q after building a second one, want a.B", got)
	}
	if got := flagValue(t, plain, "dedupid", "clock"); got != "" {
		t.Errorf("second instance's dedupid -clock = %q, want empty", got)
	}
	for i := range strict {
		if strict[i] == plain[i] {
			t.Errorf("both instances returned the same %s analyzer", strict[i].Name)
		}
	}
	if find(t, strict, "groupid").Requires[0] == find(t, plain, "groupid").Requires[0] {
		t.Error("both instances share one origin analyzer")
	}

	p, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	a1, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	a2, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if a1[0] == a2[0] {
		t.Error("BuildAnalyzers returned the same analyzer twice")
	}
}

func TestBadSettings(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings any
		want     []string // substrings of the error
	}{
		{"unknown key", map[string]any{"bogus": true},
			[]string{`fifolint settings: unknown key "bogus" (the keys are enable, dedupid-clock, dedupid-entropy, errswallow-strict)`}},
		{"per-pass key", map[string]any{"strict": true}, // errswallow's flag name, not a setting
			[]string{`fifolint settings: unknown key "strict"`}},
		{"unknown pass", map[string]any{"enable": []any{"groupid", "fifoorigin"}},
			[]string{`enable[1]: unknown pass "fifoorigin"`, "the passes are groupid, dedupid, errswallow"}},
		{"misspelt pass", map[string]any{"enable": []any{"group-id"}},
			[]string{`unknown pass "group-id"`}},
		{"empty enable", map[string]any{"enable": []any{}},
			[]string{"enable is empty"}},
		{"enable not a list", map[string]any{"enable": "groupid"},
			[]string{"fifolint settings: enable: got a string, want a list of strings"}},
		{"strict not a bool", map[string]any{"errswallow-strict": "yes"},
			[]string{"fifolint settings: errswallow-strict: got a string, want true or false"}},
		{"list item not a string", map[string]any{"dedupid-clock": []any{1}},
			[]string{"fifolint settings: dedupid-clock"}},
		{"clock not a function", map[string]any{"dedupid-clock": []any{"Uniqid"}},
			[]string{`dedupid-clock[0]`, `"Uniqid" is not a function name`}},
		{"entropy with a comma", map[string]any{"dedupid-entropy": []any{"a.B,c.D"}},
			[]string{`dedupid-entropy[0]`, "one function per list item"}},
		{"entropy empty item", map[string]any{"dedupid-entropy": []any{"a.B", ""}},
			[]string{`dedupid-entropy[1]: empty function name`}},
		{"settings not a map", "groupid",
			[]string{"fifolint settings", "cannot unmarshal", "the keys are"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := New(tc.settings)
			if err == nil {
				t.Fatalf("New(%#v) = %v, nil; want an error", tc.settings, p)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("New(%#v) error %q does not contain %q", tc.settings, err, w)
				}
			}
		})
	}
}

// build returns the analyzers of a plugin made with settings, after
// checking that they form a valid analysis (which also catches two origin
// analyzers: their fact types would be registered twice).
func build(t *testing.T, settings any) []*analysis.Analyzer {
	t.Helper()
	p, err := New(settings)
	if err != nil {
		t.Fatalf("New(%#v): %v", settings, err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatalf("BuildAnalyzers with %#v: %v", settings, err)
	}
	if err := analysis.Validate(as); err != nil {
		t.Fatalf("settings %#v: invalid analyzers: %v", settings, err)
	}
	return as
}

func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func find(t *testing.T, as []*analysis.Analyzer, name string) *analysis.Analyzer {
	t.Helper()
	for _, a := range as {
		if a.Name == name {
			return a
		}
	}
	t.Fatalf("no %s analyzer in %v", name, names(as))
	return nil
}

func flagValue(t *testing.T, as []*analysis.Analyzer, analyzer, flag string) string {
	t.Helper()
	f := find(t, as, analyzer).Flags.Lookup(flag)
	if f == nil {
		t.Fatalf("%s has no -%s flag", analyzer, flag)
	}
	return f.Value.String()
}
