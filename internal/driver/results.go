package driver

import (
	"cmp"
	"fmt"
	"go/token"
	"io"
	"log"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
)

// results is the outcome of an analysis run, prepared for output.
type results struct {
	findings []finding         // root diagnostics, without repeats, in output order
	failures []*checker.Action // actions that failed, by package ID and analyzer
}

// A finding is one diagnostic to show, with the root action that reported
// it first.
type finding struct {
	act       *checker.Action
	diag      analysis.Diagnostic
	posn, end token.Position
}

// findingKey identifies a diagnostic independently of the package that
// reported it: a file shared by "p" and "p [p.test]" is parsed twice, so
// its diagnostics have different token.Pos values but equal positions.
type findingKey struct {
	posn, end token.Position
	analyzer  *analysis.Analyzer
	message   string
}

// collectResults gathers the diagnostics of the root actions of graph
// whose package is named (by ID), drops repeats, and sorts them by file,
// line, column and analyzer; the other roots were analysed for their facts
// only. It also gathers the failed actions. Both orders are deterministic,
// unlike the action graph.
func collectResults(graph *checker.Graph, named map[string]bool) *results {
	var roots []*checker.Action
	for _, act := range graph.Roots {
		if named[act.Package.ID] {
			roots = append(roots, act)
		}
	}
	slices.SortFunc(roots, compareActions)

	r := new(results)
	seen := make(map[findingKey]bool)
	for _, act := range roots {
		fset := act.Package.Fset
		for _, diag := range act.Diagnostics {
			f := finding{act: act, diag: diag, posn: fset.Position(diag.Pos), end: fset.Position(diag.End)}
			key := findingKey{f.posn, f.end, act.Analyzer, diag.Message}
			if !seen[key] {
				seen[key] = true
				r.findings = append(r.findings, f)
			}
		}
	}
	// Stable: for equal keys, keep the order of the sorted roots.
	slices.SortStableFunc(r.findings, compareFindings)

	for act := range graph.All() {
		if act.Err != nil && !skippedForLoadErrors(act) {
			r.failures = append(r.failures, act)
		}
	}
	slices.SortFunc(r.failures, compareActions)
	return r
}

// skippedForLoadErrors reports whether act failed only because its package
// has load or type errors: checker.Analyze skips the analyzers without
// RunDespiteErrors there (fifolint's internal origin analysis among them)
// and fails the analyzers that require them. The driver prints those
// errors already, once each, and exits 1 for them, so the skip would only
// repeat them under an internal analyzer's name.
func skippedForLoadErrors(act *checker.Action) bool {
	if !act.Package.IllTyped {
		return false
	}
	return !act.Analyzer.RunDespiteErrors || strings.HasPrefix(act.Err.Error(), "failed prerequisites")
}

func compareActions(x, y *checker.Action) int {
	return cmp.Or(
		cmp.Compare(x.Package.ID, y.Package.ID),
		cmp.Compare(x.Analyzer.Name, y.Analyzer.Name))
}

func compareFindings(x, y finding) int {
	return cmp.Or(
		cmp.Compare(x.posn.Filename, y.posn.Filename),
		cmp.Compare(x.posn.Line, y.posn.Line),
		cmp.Compare(x.posn.Column, y.posn.Column),
		cmp.Compare(x.act.Analyzer.Name, y.act.Analyzer.Name),
		cmp.Compare(x.end.Offset, y.end.Offset),
		cmp.Compare(x.diag.Message, y.diag.Message))
}

// printResults prints the results as text on stderr or as JSON on stdout
// and returns the exit code: as with multichecker, 1 if an analysis
// failed, else 3 if text mode printed a diagnostic; always 0 with -json.
func printResults(r *results, asJSON bool, contextLines int) int {
	if asJSON {
		if err := jsonView(r).PrintJSON(os.Stdout); err != nil {
			log.Print(err)
			return exitFailure
		}
		return exitOK
	}

	if err := textView(r).PrintText(os.Stderr, contextLines); err != nil {
		log.Print(err)
		return exitFailure
	}
	return r.exitCode()
}

// printFailures prints only the failed actions, as text.
func printFailures(w io.Writer, r *results) error {
	return textView(&results{failures: r.failures}).PrintText(w, -1)
}

// The Print methods of checker.Graph walk the action graph in dependency
// order, which interleaves packages, and PrintJSON repeats the diagnostics
// of a file shared by a package and its test variant. So we print a
// graph of our own: detached actions that carry only what the printers
// read, in the order we want.

// textView returns a graph that PrintText renders as the failures, then
// the findings one by one in file order, each naming its pass.
func textView(r *results) *checker.Graph {
	view := new(checker.Graph)
	for _, act := range r.failures {
		// PrintText names only the analyzer; name the package too.
		err := fmt.Errorf("%s: %w", act.Package.ID, act.Err)
		view.Roots = append(view.Roots, &checker.Action{Analyzer: act.Analyzer, Package: act.Package, Err: err})
	}
	for _, f := range r.findings {
		diag := f.diag
		diag.Message = withPassName(diag.Message, f.act.Analyzer.Name)
		view.Roots = append(view.Roots, &checker.Action{
			Analyzer:    f.act.Analyzer,
			Package:     f.act.Package,
			IsRoot:      true,
			Diagnostics: []analysis.Diagnostic{diag},
		})
	}
	return view
}

// jsonView returns a graph that PrintJSON renders with each finding
// once, under the first package (by ID) that reported it. PrintJSON keeps
// one entry per package and analyzer, so findings are grouped that way.
func jsonView(r *results) *checker.Graph {
	view := new(checker.Graph)
	for _, act := range r.failures {
		view.Roots = append(view.Roots, &checker.Action{Analyzer: act.Analyzer, Package: act.Package, Err: act.Err})
	}
	groups := make(map[*checker.Action]*checker.Action) // reporting action -> its view
	for _, f := range r.findings {
		group, ok := groups[f.act]
		if !ok {
			group = &checker.Action{Analyzer: f.act.Analyzer, Package: f.act.Package, IsRoot: true}
			groups[f.act] = group
			view.Roots = append(view.Roots, group)
		}
		group.Diagnostics = append(group.Diagnostics, f.diag)
	}
	return view
}

// exitCode is the status of a run that printed its findings: failures win
// over findings, as in multichecker.
func (r *results) exitCode() int {
	switch {
	case len(r.failures) > 0:
		return exitFailure
	case len(r.findings) > 0:
		return exitDiagnostics
	}
	return exitOK
}
