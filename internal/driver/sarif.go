package driver

import (
	"bytes"
	"fmt"
	"go/token"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/fifolint/fifolint/internal/sarif"
)

// The tool as SARIF names it, whatever the binary is called.
const (
	sarifToolName = "fifolint"
	sarifToolURI  = "https://github.com/fifolint/fifolint"
)

// printSARIF writes the results as a SARIF log on w and returns the exit
// code, which is that of text mode: 1 if an analysis failed, else 3 if
// there is a finding, else 0. Failures and load errors (already printed)
// also go to stderr as text and into the log as tool notifications.
func printSARIF(w io.Writer, r *results, analyzers []*analysis.Analyzer, loadErrs []string) int {
	wd, err := os.Getwd()
	if err != nil {
		log.Print(err)
		return exitFailure
	}
	if len(r.failures) > 0 {
		if err := printFailures(os.Stderr, r); err != nil {
			log.Print(err)
			return exitFailure
		}
	}

	var buf bytes.Buffer
	if err := sarifLog(r, analyzers, loadErrs, wd, toolVersion()).Encode(&buf); err != nil {
		log.Print(err)
		return exitFailure
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		log.Print(err)
		return exitFailure
	}
	return r.exitCode()
}

// sarifLog converts the results; file names are made relative to wd.
func sarifLog(r *results, analyzers []*analysis.Analyzer, loadErrs []string, wd, version string) *sarif.Log {
	var rules []sarif.Rule
	for _, a := range analyzers {
		rules = append(rules, sarif.Rule{ID: a.Name, Doc: a.Doc, HelpURI: a.URL})
	}

	paths := &pathMapper{root: wd, memo: make(map[string]string)}
	position := func(p token.Position) sarif.Position {
		if !p.IsValid() {
			return sarif.Position{}
		}
		return sarif.Position{Filename: paths.under(p.Filename), Line: p.Line, Column: p.Column}
	}
	var diags []sarif.Diagnostic
	for _, f := range r.findings {
		d := sarif.Diagnostic{
			RuleID:  f.act.Analyzer.Name,
			Message: f.diag.Message,
			Pos:     position(f.posn),
			End:     position(f.end),
		}
		fset := f.act.Package.Fset
		for _, rel := range f.diag.Related {
			related := sarif.Related{Pos: position(fset.Position(rel.Pos)), Message: rel.Message}
			if rel.End.IsValid() {
				related.End = position(fset.Position(rel.End))
			}
			d.Related = append(d.Related, related)
		}
		diags = append(diags, d)
	}

	var errs []sarif.Error
	for _, msg := range loadErrs {
		errs = append(errs, sarif.Error{Message: msg})
	}
	for _, act := range r.failures {
		errs = append(errs, sarif.Error{Message: fmt.Sprintf("%s: %s: %v", act.Analyzer.Name, act.Package.ID, act.Err)})
	}

	return sarif.Build(sarifToolInfo(version), rules, diags, errs, sarif.Options{SrcRoot: wd, ReadFile: os.ReadFile})
}

// sarifToolInfo describes the tool of the given module version. SARIF
// wants versions that start with a number: a Go module version, which is
// always semantic, loses its "v"; a development build is "devel".
func sarifToolInfo(version string) sarif.ToolInfo {
	tool := sarif.ToolInfo{Name: sarifToolName, Version: "devel", InformationURI: sarifToolURI}
	if v, ok := strings.CutPrefix(version, "v"); ok && v != "" && v[0] >= '0' && v[0] <= '9' {
		tool.Version, tool.SemanticVersion = v, v
	}
	return tool
}

// A pathMapper spells file names under root the way root is spelled: go
// list may report /real/dir/x.go for a working directory /link/dir.
type pathMapper struct {
	root     string
	realRoot string // root with symbolic links resolved, computed on demand
	memo     map[string]string
}

func (m *pathMapper) under(name string) string {
	if mapped, ok := m.memo[name]; ok {
		return mapped
	}
	mapped := name
	if rel, err := filepath.Rel(m.root, name); err != nil || !filepath.IsLocal(rel) {
		if m.realRoot == "" {
			m.realRoot = evalSymlinksOr(m.root)
		}
		if rel, err := filepath.Rel(m.realRoot, evalSymlinksOr(name)); err == nil && filepath.IsLocal(rel) {
			mapped = filepath.Join(m.root, rel)
		}
	}
	m.memo[name] = mapped
	return mapped
}

func evalSymlinksOr(name string) string {
	if real, err := filepath.EvalSymlinks(name); err == nil {
		return real
	}
	return name
}
