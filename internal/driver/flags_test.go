package driver

import (
	"flag"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// flagTestAnalyzers returns fresh analyzers (flag values are per
// analyzer, and parsing sets them). alpha has a -mode flag.
func flagTestAnalyzers() (alpha, beta, gamma *analysis.Analyzer) {
	run := func(*analysis.Pass) (any, error) { return nil, nil }
	alpha = &analysis.Analyzer{Name: "alpha", Doc: "report alphas\n\nAlpha details.", Run: run}
	alpha.Flags.String("mode", "strict", "how to report")
	beta = &analysis.Analyzer{Name: "beta", Doc: "report betas", Run: run}
	gamma = &analysis.Analyzer{Name: "gamma", Doc: "report gammas", Run: run}
	return alpha, beta, gamma
}

func names(analyzers []*analysis.Analyzer) []string {
	var out []string
	for _, a := range analyzers {
		out = append(out, a.Name)
	}
	return out
}

func TestParseCommandLineDefaults(t *testing.T) {
	alpha, beta, gamma := flagTestAnalyzers()
	cmd, err := parseCommandLine("fifolint", []*analysis.Analyzer{alpha, beta, gamma}, []string{"./..."}, new(strings.Builder))
	if err != nil {
		t.Fatal(err)
	}
	if cmd.json || cmd.sarif || cmd.fix || cmd.diff || cmd.tests || cmd.version || cmd.dir != "" || cmd.context != -1 {
		t.Errorf("defaults: %+v", cmd)
	}
	if !slices.Equal(cmd.patterns, []string{"./..."}) {
		t.Errorf("patterns = %q", cmd.patterns)
	}
	if got := names(cmd.analyzers); !slices.Equal(got, []string{"alpha", "beta", "gamma"}) {
		t.Errorf("analyzers = %v", got)
	}
}

func TestParseCommandLineFlags(t *testing.T) {
	alpha, beta, gamma := flagTestAnalyzers()
	args := []string{"-json", "-c=2", "-test", "-fix", "-diff", "-C", "sub/mod", "-version", "-alpha.mode", "lenient", "./a", "./b"}
	cmd, err := parseCommandLine("fifolint", []*analysis.Analyzer{alpha, beta, gamma}, args, new(strings.Builder))
	if err != nil {
		t.Fatal(err)
	}
	if !cmd.json || !cmd.fix || !cmd.diff || !cmd.tests || !cmd.version || cmd.dir != "sub/mod" || cmd.context != 2 {
		t.Errorf("flags not set: %+v", cmd)
	}
	if got := alpha.Flags.Lookup("mode").Value.String(); got != "lenient" {
		t.Errorf("alpha.mode = %q, want lenient", got)
	}
	if !slices.Equal(cmd.patterns, []string{"./a", "./b"}) {
		t.Errorf("patterns = %q", cmd.patterns)
	}
}

func TestParseCommandLineSARIF(t *testing.T) {
	alpha, beta, gamma := flagTestAnalyzers()
	cmd, err := parseCommandLine("fifolint", []*analysis.Analyzer{alpha, beta, gamma}, []string{"-sarif", "-c=1", "./..."}, new(strings.Builder))
	if err != nil {
		t.Fatal(err)
	}
	if !cmd.sarif || cmd.json || cmd.fix {
		t.Errorf("flags: %+v", cmd)
	}
}

func TestParseCommandLineEnableSwitches(t *testing.T) {
	for _, test := range []struct {
		args []string
		want []string
	}{
		{[]string{"-alpha"}, []string{"alpha"}},
		{[]string{"-alpha=true", "-gamma"}, []string{"alpha", "gamma"}},
		{[]string{"-beta=false"}, []string{"alpha", "gamma"}},
		{[]string{"-alpha", "-beta=false"}, []string{"alpha"}},
		{[]string{"-alpha=false", "-beta=false", "-gamma=false"}, nil},
	} {
		alpha, beta, gamma := flagTestAnalyzers()
		cmd, err := parseCommandLine("fifolint", []*analysis.Analyzer{alpha, beta, gamma}, append(test.args, "."), new(strings.Builder))
		if err != nil {
			t.Fatalf("%q: %v", test.args, err)
		}
		if got := names(cmd.analyzers); !slices.Equal(got, test.want) {
			t.Errorf("%q: analyzers = %v, want %v", test.args, got, test.want)
		}
	}
}

func TestParseCommandLineErrors(t *testing.T) {
	for _, test := range []struct {
		args []string
		want string
	}{
		{[]string{"-bogus", "."}, "flag provided but not defined: -bogus"},
		// Analyzer flags exist only with their prefix.
		{[]string{"-mode=x", "."}, "flag provided but not defined: -mode"},
		{[]string{"-alpha=maybe", "."}, `invalid boolean value "maybe" for -alpha`},
		{[]string{"-c=many", "."}, `invalid value "many" for flag -c`},
		{[]string{"-diff", "."}, "-diff requires -fix"},
		{[]string{"-sarif", "-json", "."}, "-sarif and -json are mutually exclusive"},
		{[]string{"-json", "-sarif=true", "."}, "-sarif and -json are mutually exclusive"},
		{[]string{"-sarif", "-fix", "."}, "-sarif and -fix are mutually exclusive"},
		{[]string{"-sarif", "-fix", "-diff", "."}, "-sarif and -fix are mutually exclusive"},
	} {
		alpha, beta, gamma := flagTestAnalyzers()
		var stderr strings.Builder
		_, err := parseCommandLine("fifolint", []*analysis.Analyzer{alpha, beta, gamma}, test.args, &stderr)
		if err == nil || !strings.Contains(err.Error(), test.want) {
			t.Errorf("%q: error %v, want %q", test.args, err, test.want)
		}
		if stderr.Len() > 0 {
			t.Errorf("%q: the error must be left to the caller, got output %q", test.args, stderr.String())
		}
	}
}

func TestParseCommandLineHelpFlag(t *testing.T) {
	alpha, beta, gamma := flagTestAnalyzers()
	var stderr strings.Builder
	_, err := parseCommandLine("fifolint", []*analysis.Analyzer{alpha, beta, gamma}, []string{"-h"}, &stderr)
	if err != flag.ErrHelp {
		t.Fatalf("error %v, want flag.ErrHelp", err)
	}
	for _, want := range []string{"Usage: fifolint [-flag] [package]", "-alpha.mode", "-json", "-sarif", "-test"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("usage lacks %q:\n%s", want, stderr.String())
		}
	}
}

func TestIsVetInvocation(t *testing.T) {
	alpha, beta, gamma := flagTestAnalyzers()
	analyzers := []*analysis.Analyzer{alpha, beta, gamma}
	for _, test := range []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"/tmp/b001/vet.cfg"}, true},
		{[]string{"-json", "-alpha.mode=x", "-beta=false", "vet.cfg"}, true},
		{[]string{"./..."}, false},
		{[]string{"a.cfg", "b.cfg"}, false},
		{[]string{"-json", "./..."}, false},
		{[]string{"-sarif", "./..."}, false},
		// "-flags" is the value of -alpha.mode here.
		{[]string{"-alpha.mode", "-flags", "./..."}, false},
		// Unknown flags are for the standalone parser to report.
		{[]string{"-bogus", "vet.cfg"}, false},
		{nil, false},
	} {
		if got := isVetInvocation(analyzers, test.args); got != test.want {
			t.Errorf("isVetInvocation(%q) = %v, want %v", test.args, got, test.want)
		}
	}
	if got := alpha.Flags.Lookup("mode").Value.String(); got != "strict" {
		t.Errorf("probing set alpha.mode to %q", got)
	}
}

func TestPrintHelp(t *testing.T) {
	alpha, beta, gamma := flagTestAnalyzers()
	analyzers := []*analysis.Analyzer{gamma, alpha, beta}

	var overview strings.Builder
	if err := printHelp(&overview, "fifolint", analyzers, nil); err != nil {
		t.Fatal(err)
	}
	out := overview.String()
	for _, want := range []string{"    alpha        report alphas\n    beta", "Core flags:", "-json"} {
		if !strings.Contains(out, want) {
			t.Errorf("overview lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "alpha.mode") || strings.Contains(out, "Alpha details") {
		t.Errorf("overview shows analyzer details:\n%s", out)
	}

	var detail strings.Builder
	if err := printHelp(&detail, "fifolint", analyzers, []string{"alpha"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"alpha: report alphas\n", "-alpha.mode string", `(default "strict")`, "\nAlpha details.\n"} {
		if !strings.Contains(detail.String(), want) {
			t.Errorf("help alpha lacks %q:\n%s", want, detail.String())
		}
	}

	if err := printHelp(new(strings.Builder), "fifolint", analyzers, []string{"delta"}); err == nil {
		t.Error("help delta: no error")
	}
}
