// Package driver is the main function of the fifolint command.
//
// It has two modes:
//
//   - Under "go vet -vettool" and "go fix -fixtool" (arguments -V=full,
//     -flags, or a single *.cfg file) it hands over to unitchecker, so the
//     command behaves exactly like a multichecker binary there.
//
//   - Standalone ("fifolint [flags] packages...") it loads from source the
//     named packages and the dependencies that can carry a fifolint fact
//     (the main modules' packages, and packages that import SQS or SNS),
//     analyses them all, and reports on the named ones. multichecker, as
//     soon as one analyzer declares fact types, loads every dependency
//     (std, the AWS SDK, ...) from source and analyzes it too, which costs
//     several times the time and memory of the analysis the user asked
//     for. The fifolint passes describe std and SDK functions with built-in
//     tables, and third-party clock and id libraries with tables and flags,
//     so facts only need to flow from the packages loaded from source.
package driver

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/unitchecker"
	"golang.org/x/tools/go/packages"
)

// Exit codes of the standalone command, as multichecker uses them.
// exitFailure wins over exitDiagnostics: a run that could not analyze
// everything must not look like an ordinary list of findings.
const (
	exitOK          = 0
	exitFailure     = 1 // load, type or analysis errors; fixes not applied
	exitUsage       = 2 // bad command line
	exitDiagnostics = 3 // findings printed (text or SARIF), or left after -fix
)

// Main runs the analyzers as the fifolint command and exits.
// It never returns.
func Main(analyzers ...*analysis.Analyzer) {
	progname := filepath.Base(os.Args[0])
	log.SetFlags(0)
	log.SetPrefix(progname + ": ")

	if err := analysis.Validate(analyzers); err != nil {
		log.Fatal(err)
	}

	args := os.Args[1:]
	if len(args) == 1 && strings.TrimLeft(args[0], "-") == "V=full" {
		// go vet and go fix key their caches on this line.
		if err := printVetVersion(os.Stdout, progname); err != nil {
			log.Fatal(err)
		}
		os.Exit(exitOK)
	}
	if isVetInvocation(analyzers, args) {
		runUnitchecker(withPassNames(analyzers))
		panic("unreachable") // unitchecker.Main exits
	}
	os.Exit(runStandalone(progname, analyzers, args))
}

// runUnitchecker serves the go vet / go fix protocol.
//
// multichecker registers its driver flags on flag.CommandLine before it
// parses, and "-test" is the only one of them that "-flags" lists. go vet
// reads that list (and caches on -V=full), so we register the same flag to
// make our answers byte-for-byte those of a multichecker binary.
func runUnitchecker(analyzers []*analysis.Analyzer) {
	flag.Bool("test", true, testFlagUsage)
	unitchecker.Main(analyzers...)
}

// runStandalone implements "fifolint [flags] packages..." and returns the
// exit code.
func runStandalone(progname string, analyzers []*analysis.Analyzer, args []string) int {
	cmd, err := parseCommandLine(progname, analyzers, args, os.Stderr)
	if err == flag.ErrHelp {
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\nRun '%s -h' for the list of flags.\n", progname, err, progname)
		return exitUsage
	}

	switch {
	case cmd.version:
		printVersion(os.Stdout, progname)
		return exitOK
	case len(cmd.patterns) == 0:
		fmt.Fprint(os.Stderr, strings.ReplaceAll(shortUsage, "PROGNAME", progname))
		return exitFailure
	case cmd.patterns[0] == "help":
		if err := printHelp(os.Stdout, progname, cmd.allAnalyzers, cmd.patterns[1:]); err != nil {
			log.Print(err)
			return exitFailure
		}
		return exitOK
	}

	return analyzePackages(cmd)
}

// analyzePackages loads the packages named on the command line, analyzes
// them, and prints the results or applies the fixes.
func analyzePackages(cmd *commandLine) int {
	prog, err := loadProgram(cmd.dir, cmd.patterns, cmd.tests)
	if err != nil {
		log.Print(err)
		return exitFailure
	}

	// As multichecker does: report load and type errors but carry on, since
	// analyzers that set RunDespiteErrors still run and the others are
	// skipped by checker.Analyze (collectResults drops those skips, whose
	// cause is printed here).
	loadErrs := loadErrors(prog.named)
	for _, msg := range loadErrs {
		fmt.Fprintln(os.Stderr, msg)
	}

	graph, err := checker.Analyze(cmd.analyzers, rootOnlyPackages(analyzable(prog.analysed())), nil)
	if err != nil {
		log.Print(err)
		return exitFailure
	}
	results := collectResults(graph, prog.namedIDs())

	var exit int
	switch {
	case cmd.fix:
		exit = applyFixesCommand(results, prog.named, cmd.diff)
	case cmd.sarif:
		exit = printSARIF(os.Stdout, results, cmd.analyzers, loadErrs)
	default:
		exit = printResults(results, cmd.json, cmd.context)
	}
	if len(loadErrs) > 0 {
		return exitFailure // whatever else was found or fixed
	}
	return exit
}

// loadErrors returns the errors of every package, dependencies first, and
// the error of each module, each message once: a file shared by "p" and
// "p [p.test]" has its type errors in both. A message with a position
// reads "file:line:col: message", as the compiler's; one without is the
// message alone (packages.Error.Error would start it with "-: ").
func loadErrors(roots []*packages.Package) []string {
	var msgs []string
	seen := make(map[string]bool)
	add := func(msg string) {
		if !seen[msg] {
			seen[msg] = true
			msgs = append(msgs, msg)
		}
	}
	for pkg := range packages.Postorder(roots) {
		typeErrs := slices.ContainsFunc(pkg.Errors, func(err packages.Error) bool { return err.Kind == packages.TypeError })
		for _, err := range pkg.Errors {
			switch {
			case typeErrs && err.Kind != packages.TypeError && strings.HasPrefix(err.Msg, "# "):
				// The compiler's report of the same type errors, from go
				// list -export: "# pkg" and then relative positions.
			case err.Pos == "" || err.Pos == "-":
				add(err.Msg)
			default:
				add(err.Pos + ": " + err.Msg)
			}
		}
		if mod := pkg.Module; mod != nil && mod.Error != nil {
			add(mod.Error.Err)
		}
	}
	return msgs
}

// analyzable drops the roots that could not be loaded at all, such as a
// pattern naming a missing directory: their errors are printed already,
// and an analysis would only add "analysis skipped" noise (or, for an
// analyzer with RunDespiteErrors, a pass without a package).
func analyzable(roots []*packages.Package) []*packages.Package {
	var keep []*packages.Package
	for _, pkg := range roots {
		if pkg.Types != nil && (len(pkg.Syntax) > 0 || len(pkg.Errors) == 0) {
			keep = append(keep, pkg)
		}
	}
	return keep
}
