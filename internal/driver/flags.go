package driver

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// testFlagUsage is multichecker's wording, which go vet shows to users
// through "-flags"; see runUnitchecker.
const testFlagUsage = "indicates whether test files should be analyzed, too"

// standaloneTestUsage documents -test for the standalone command, where
// it is off by default: the fifolint passes report nothing in _test.go
// files (tests send fixed ids on purpose), so loading the test variants
// would only cost time. With -test they are type-checked and analyzed too,
// which matters for analyzers that do look at tests.
const standaloneTestUsage = "also load and analyze test files (fifolint's passes report nothing in _test.go files)"

const shortUsage = `PROGNAME is a tool for static analysis of Go programs.

Usage: PROGNAME [-flag] [package]

Run 'PROGNAME help' for more detail,
 or 'PROGNAME help name' for details and flags of a specific analyzer.
`

// A commandLine is a parsed standalone command line.
type commandLine struct {
	version  bool   // -version: print the version and exit
	dir      string // -C: the directory in which to load the patterns
	json     bool   // -json: print JSON on stdout, exit 0 despite diagnostics
	sarif    bool   // -sarif: print SARIF 2.1.0 on stdout, exit as text mode does
	context  int    // -c=N: print N lines of context around each diagnostic
	tests    bool   // -test: analyze test variants too
	fix      bool   // -fix: apply the first fix of each diagnostic
	diff     bool   // -diff: with -fix, print a unified diff instead of writing
	patterns []string

	allAnalyzers []*analysis.Analyzer
	analyzers    []*analysis.Analyzer // those selected by the -NAME switches
}

// parseCommandLine parses the standalone flags. Analyzer flags are bound
// to each Analyzer.Flags value, as -NAME.FLAG, so parsing sets them.
// It returns flag.ErrHelp after printing the usage for -h.
func parseCommandLine(progname string, analyzers []*analysis.Analyzer, args []string, stderr io.Writer) (*commandLine, error) {
	cmd := &commandLine{context: -1, allAnalyzers: analyzers}
	switches := make(map[*analysis.Analyzer]*enableSwitch)
	fs := newFlagSet(progname, analyzers, cmd, switches)

	// Report errors ourselves: the flag package would follow each one
	// with the full flag list, which buries the message.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	err := fs.Parse(args)
	if err == flag.ErrHelp {
		printUsage(stderr, progname, fs)
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	if cmd.diff && !cmd.fix {
		return nil, errors.New("-diff requires -fix")
	}
	if cmd.sarif && cmd.json {
		return nil, errors.New("-sarif and -json are mutually exclusive: choose one output format")
	}
	if cmd.sarif && cmd.fix {
		return nil, errors.New("-sarif and -fix are mutually exclusive: -fix prints no diagnostics")
	}
	cmd.patterns = fs.Args()
	cmd.analyzers = selectAnalyzers(analyzers, switches)
	return cmd, nil
}

// newFlagSet declares the driver flags into cmd, one -NAME switch per
// analyzer into switches, and each analyzer flag as -NAME.FLAG.
func newFlagSet(progname string, analyzers []*analysis.Analyzer, cmd *commandLine, switches map[*analysis.Analyzer]*enableSwitch) *flag.FlagSet {
	fs := flag.NewFlagSet(progname, flag.ContinueOnError)
	fs.BoolVar(&cmd.version, "version", cmd.version, "print the version (module version, VCS revision, Go release) and exit")
	fs.StringVar(&cmd.dir, "C", cmd.dir, "load the packages from `dir`, as go -C does: patterns such as ./... are relative to it (for a module in a subdirectory)")
	fs.BoolVar(&cmd.json, "json", cmd.json, "emit JSON output")
	fs.BoolVar(&cmd.sarif, "sarif", cmd.sarif, "emit SARIF 2.1.0 output (for GitHub code scanning) on stdout")
	fs.IntVar(&cmd.context, "c", cmd.context, "display offending line with this many lines of context")
	fs.BoolVar(&cmd.tests, "test", cmd.tests, standaloneTestUsage)
	fs.BoolVar(&cmd.fix, "fix", cmd.fix, "apply the first suggested fix of each diagnostic")
	fs.BoolVar(&cmd.diff, "diff", cmd.diff, "with -fix, don't update the files, but print a unified diff")

	for _, a := range analyzers {
		enable := new(enableSwitch)
		switches[a] = enable
		fs.Var(enable, a.Name, fmt.Sprintf("enable %q analysis", a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	return fs
}

// selectAnalyzers applies the -NAME switches: if any is true, only those
// analyzers run; otherwise all but those switched off run.
func selectAnalyzers(analyzers []*analysis.Analyzer, switches map[*analysis.Analyzer]*enableSwitch) []*analysis.Analyzer {
	anyOn := false
	for _, s := range switches {
		anyOn = anyOn || *s == switchedOn
	}
	var selected []*analysis.Analyzer
	for _, a := range analyzers {
		s := *switches[a]
		if s == switchedOn || !anyOn && s != switchedOff {
			selected = append(selected, a)
		}
	}
	return selected
}

// An enableSwitch is a boolean flag that remembers whether it was given
// at all, so that "-a" (only a) differs from no flag (everything).
type enableSwitch int

const (
	notGiven enableSwitch = iota
	switchedOn
	switchedOff
)

func (s *enableSwitch) IsBoolFlag() bool { return true }
func (s *enableSwitch) Get() any         { return *s != switchedOff }

func (s *enableSwitch) String() string {
	if s != nil && *s == switchedOff {
		return "false"
	}
	return "true"
}

func (s *enableSwitch) Set(value string) error {
	on, err := strconv.ParseBool(value)
	if err != nil {
		return errors.New("want true or false")
	}
	*s = switchedOff
	if on {
		*s = switchedOn
	}
	return nil
}

// isVetInvocation reports whether args follow the go vet / go fix tool
// protocol: -V=full, -flags, or a single *.cfg file after the flags.
//
// It parses a copy of the standalone flags whose values ignore what they
// are given, so that a flag value such as "-a.name -flags" is not taken
// for the protocol and no analyzer flag is set twice (unitchecker parses
// the same arguments again).
func isVetInvocation(analyzers []*analysis.Analyzer, args []string) bool {
	fs := newFlagSet("", analyzers, new(commandLine), make(map[*analysis.Analyzer]*enableSwitch))
	probe := flag.NewFlagSet("", flag.ContinueOnError)
	probe.SetOutput(io.Discard)
	probe.Usage = func() {}
	fs.VisitAll(func(f *flag.Flag) {
		probe.Var(inertValue{isBool: isBoolFlag(f.Value)}, f.Name, "")
	})
	var version, printFlags givenFlag
	probe.Var(&version, "V", "")
	probe.Var(&printFlags, "flags", "")
	// unitchecker's -flags lists vet's no-op legacy flags, so go vet
	// forwards them (go vet -tags=X passes -tags=X to the tool).
	for name, isBool := range map[string]bool{"source": true, "v": true, "all": true, "tags": false} {
		if probe.Lookup(name) == nil {
			probe.Var(inertValue{isBool: isBool}, name, "")
		}
	}

	if err := probe.Parse(args); err != nil {
		return false // the standalone parser will report it
	}
	if version || printFlags {
		return true
	}
	return probe.NArg() == 1 && strings.HasSuffix(probe.Arg(0), ".cfg")
}

func isBoolFlag(v flag.Value) bool {
	b, ok := v.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// An inertValue accepts any value and keeps none.
type inertValue struct{ isBool bool }

func (v inertValue) IsBoolFlag() bool { return v.isBool }
func (inertValue) String() string     { return "" }
func (inertValue) Set(string) error   { return nil }

// A givenFlag records that a boolean-style flag appeared.
type givenFlag bool

func (*givenFlag) IsBoolFlag() bool     { return true }
func (g *givenFlag) String() string     { return "" }
func (g *givenFlag) Set(v string) error { *g = true; return nil }

// printUsage prints the -h text: the short usage and every flag.
func printUsage(w io.Writer, progname string, fs *flag.FlagSet) {
	fmt.Fprint(w, strings.ReplaceAll(shortUsage, "PROGNAME", progname))
	fmt.Fprintf(w, "\nFlags:\n")
	fs.SetOutput(w)
	fs.PrintDefaults()
}

// printHelp implements "PROGNAME help [name...]".
func printHelp(w io.Writer, progname string, analyzers []*analysis.Analyzer, names []string) error {
	if len(names) == 0 {
		printOverview(w, progname, analyzers)
		return nil
	}
	byName := make(map[string]*analysis.Analyzer)
	for _, a := range analyzers {
		byName[a.Name] = a
	}
	for _, name := range names {
		a, ok := byName[name]
		if !ok {
			return fmt.Errorf("no analyzer named %q; run '%s help' for the list", name, progname)
		}
		printAnalyzerHelp(w, a)
	}
	return nil
}

func printOverview(w io.Writer, progname string, analyzers []*analysis.Analyzer) {
	fmt.Fprint(w, strings.ReplaceAll(shortUsage, "PROGNAME", progname))
	fmt.Fprintf(w, "\nRegistered analyzers:\n\n")
	sorted := append([]*analysis.Analyzer(nil), analyzers...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	for _, a := range sorted {
		fmt.Fprintf(w, "    %-12s %s\n", a.Name, docTitle(a))
	}
	fmt.Fprint(w, `
By default all analyzers are run.
To select specific analyzers, use the -NAME flag for each one,
 or -NAME=false to run all analyzers not explicitly disabled.

Core flags:

`)
	// Analyzer flags (-NAME.FLAG) belong to "help NAME".
	all := newFlagSet(progname, analyzers, &commandLine{context: -1}, make(map[*analysis.Analyzer]*enableSwitch))
	core := flag.NewFlagSet(progname, flag.ContinueOnError)
	all.VisitAll(func(f *flag.Flag) {
		if !strings.Contains(f.Name, ".") {
			core.Var(f.Value, f.Name, f.Usage)
		}
	})
	core.SetOutput(w)
	core.PrintDefaults()
}

func printAnalyzerHelp(w io.Writer, a *analysis.Analyzer) {
	paragraphs := strings.Split(a.Doc, "\n\n")
	fmt.Fprintf(w, "%s: %s\n", a.Name, docTitle(a))

	own := flag.NewFlagSet(a.Name, flag.ContinueOnError)
	a.Flags.VisitAll(func(f *flag.Flag) {
		own.Var(f.Value, a.Name+"."+f.Name, f.Usage)
	})
	if hasFlags(own) {
		fmt.Fprintf(w, "\nAnalyzer flags:\n\n")
		own.SetOutput(w)
		own.PrintDefaults()
	}
	if len(paragraphs) > 1 {
		fmt.Fprintf(w, "\n%s\n", strings.Join(paragraphs[1:], "\n\n"))
	}
}

func hasFlags(fs *flag.FlagSet) bool {
	found := false
	fs.VisitAll(func(*flag.Flag) { found = true })
	return found
}

// docTitle is the first paragraph of an analyzer's documentation.
func docTitle(a *analysis.Analyzer) string {
	return strings.Split(a.Doc, "\n\n")[0]
}
