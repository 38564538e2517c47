// Package suppress implements fifolint's suppression directive,
//
//	//fifolint:ignore PASS[,PASS...] REASON
//
// A PASS may name one rule of a pass, PASS.CATEGORY (fifoparams.delay):
// the directive then covers only the diagnostics of that Category.
//
// written at the end of the reported line or alone on the line above it.
// The passes apply it themselves, so it works the same in every driver
// (standalone, go vet, golangci-lint, nogo). The reason is required: a
// directive without one suppresses nothing and is itself reported.
package suppress

import (
	"bytes"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

const prefix = "//fifolint:ignore"

// Passes are the analyzers a directive may name.
var Passes = []string{"groupid", "dedupid", "errswallow", "fifoparams"}

// A directive is one parsed //fifolint:ignore comment.
type directive struct {
	pos    token.Pos
	passes []string
	reason string
	line   int  // line of the comment
	alone  bool // nothing but the comment on its line: it covers the next line
	used   bool // it suppressed a diagnostic of this pass
	test   bool // in a _test.go file, which the passes do not check
}

// A Reporter reports one pass's diagnostics, dropping those a directive
// suppresses.
type Reporter struct {
	pass   *analysis.Pass
	name   string
	byFile map[*token.File][]*directive
	all    []*directive // in source order
}

// NewReporter collects the directives of the package's files for the pass
// named name.
func NewReporter(pass *analysis.Pass, name string) *Reporter {
	r := &Reporter{pass: pass, name: name, byFile: make(map[*token.File][]*directive)}
	for _, f := range pass.Files {
		r.scan(f)
	}
	return r
}

func (r *Reporter) scan(f *ast.File) {
	var tf *token.File
	var src []byte
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if !strings.HasPrefix(c.Text, prefix) {
				continue
			}
			if tf == nil {
				tf = r.pass.Fset.File(f.FileStart)
				src, _ = r.pass.ReadFile(tf.Name())
			}
			d, ok := parse(c.Text)
			if !ok {
				continue
			}
			d.pos = c.Pos()
			d.line = tf.Line(c.Pos())
			d.alone = aloneOnLine(tf, src, c.Pos())
			d.test = isTestName(tf.Name())
			r.byFile[tf] = append(r.byFile[tf], &d)
			r.all = append(r.all, &d)
		}
	}
}

// InTestFile reports whether pos lies in a _test.go file. fifolint's
// passes report nothing there: tests send fixed and invalid values on
// purpose, and fakes and mocks are not the code that runs.
func InTestFile(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	return f != nil && isTestName(f.Name())
}

func isTestName(name string) bool { return strings.HasSuffix(name, "_test.go") }

// parse splits a directive into its pass list and reason.
func parse(text string) (directive, bool) {
	rest := strings.TrimPrefix(text, prefix)
	if i := strings.Index(rest, "//"); i >= 0 {
		rest = rest[:i] // a further comment is not the reason
	}
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return directive{}, false // //fifolint:ignoreXYZ is something else
	}
	fields := strings.Fields(rest)
	var d directive
	if len(fields) > 0 {
		d.passes = strings.Split(fields[0], ",")
		d.reason = strings.Join(fields[1:], " ")
	}
	return d, true
}

// aloneOnLine reports whether only blanks precede pos on its line.
func aloneOnLine(tf *token.File, src []byte, pos token.Pos) bool {
	off := tf.Offset(pos)
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	if src == nil || off > len(src) || start > off {
		return false
	}
	return len(bytes.TrimSpace(src[start:off])) == 0
}

// Report reports d unless a directive for this pass covers its line.
func (r *Reporter) Report(d analysis.Diagnostic) {
	tf := r.pass.Fset.File(d.Pos)
	if tf != nil {
		line := tf.Line(d.Pos)
		for _, dir := range r.byFile[tf] {
			covers := dir.line == line || dir.alone && dir.line == line-1
			if covers && dir.reason != "" && (slices.Contains(dir.passes, r.name) || d.Category != "" && slices.Contains(dir.passes, r.name+"."+d.Category)) {
				dir.used = true
				return
			}
		}
	}
	r.pass.Report(d)
}

// Finish reports, once the pass has reported everything, the directives
// that name it but suppressed nothing (stale ones hide future findings),
// and the malformed directives it owns: no reason, or no known pass. A
// malformed directive belongs to the first known pass it names; one that
// names none belongs to the first of Passes.
func (r *Reporter) Finish() {
	for _, d := range r.all {
		if !d.used && !d.test && d.reason != "" && slices.ContainsFunc(d.passes, func(p string) bool { return passOf(p) == r.name }) {
			r.pass.Reportf(d.pos, "//fifolint:ignore directive for %s suppresses nothing here: remove it", r.name)
		}
		if owner(d.passes) != r.name {
			continue
		}
		switch {
		case len(d.passes) == 0:
			r.pass.Reportf(d.pos, "malformed //fifolint:ignore directive: name the passes and give a reason, e.g. //fifolint:ignore %s %s", r.name, exampleReason(r.name))
		case d.reason == "":
			r.pass.Reportf(d.pos, "//fifolint:ignore directive has no reason, so it suppresses nothing: say why the finding does not apply, e.g. //fifolint:ignore %s %s", strings.Join(d.passes, ","), exampleReason(owner(d.passes)))
		}
		for _, p := range d.passes {
			if !slices.Contains(Passes, passOf(p)) {
				r.pass.Reportf(d.pos, "//fifolint:ignore names unknown pass %q (known: %s)", p, strings.Join(Passes, ", "))
			}
		}
	}
}

// exampleReason is a reason that fits a finding of pass, for the examples
// in messages about malformed directives.
func exampleReason(pass string) string {
	switch pass {
	case "dedupid":
		return "one message per tenant every five minutes by design"
	case "errswallow":
		return "best effort: the next tick sends it again"
	}
	return "one ordered stream by design"
}

func owner(passes []string) string {
	for _, p := range passes {
		if slices.Contains(Passes, passOf(p)) {
			return passOf(p)
		}
	}
	return Passes[0]
}

// passOf returns the pass a directive's name refers to: PASS for
// PASS.CATEGORY.
func passOf(name string) string {
	pass, _, _ := strings.Cut(name, ".")
	return pass
}
