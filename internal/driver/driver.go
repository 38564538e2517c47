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
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/unitchecker"
	"golang.org/x/tools/go/packages"
)

// Exit codes, as multichecker uses them.
const (
	exitOK          = 0
	exitFailure     = 1 // load errors, analysis errors, fixes not applied
	exitUsage       = 2 // bad command line
	exitDiagnostics = 3 // text mode printed at least one diagnostic
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
	if isVetInvocation(analyzers, args) {
		runUnitchecker(analyzers)
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
	prog, err := loadProgram(cmd.patterns, cmd.tests)
	if err != nil {
		log.Print(err)
		return exitFailure
	}

	exit := exitOK
	// As multichecker does: report load and type errors but carry on, since
	// analyzers that set RunDespiteErrors still run and the others are
	// skipped (with an error) by checker.Analyze.
	loadErrs := loadErrors(prog.named)
	for _, msg := range loadErrs {
		fmt.Fprintln(os.Stderr, msg)
	}
	if len(loadErrs) > 0 {
		exit = exitFailure
	}

	graph, err := checker.Analyze(cmd.analyzers, rootOnlyPackages(analyzable(prog.analysed())), nil)
	if err != nil {
		log.Print(err)
		return exitFailure
	}
	results := collectResults(graph, prog.namedIDs())

	switch {
	case cmd.fix:
		return max(exit, applyFixesCommand(results, prog.named, cmd.diff))
	case cmd.sarif:
		return max(exit, printSARIF(os.Stdout, results, cmd.analyzers, loadErrs))
	}
	return max(exit, printResults(results, cmd.json, cmd.context))
}

// loadErrors returns the messages that packages.PrintErrors would print:
// the errors of every package, dependencies first, and the error of each
// module once.
func loadErrors(roots []*packages.Package) []string {
	var msgs []string
	seenModules := make(map[*packages.Module]bool)
	for pkg := range packages.Postorder(roots) {
		for _, err := range pkg.Errors {
			msgs = append(msgs, err.Error())
		}
		if mod := pkg.Module; mod != nil && mod.Error != nil && !seenModules[mod] {
			seenModules[mod] = true
			msgs = append(msgs, mod.Error.Err)
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
