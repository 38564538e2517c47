package driver

import (
	"errors"
	"fmt"
	"go/ast"
	"go/types"
	"os"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// The analyzers of the end-to-end tests, small stand-ins for the fifolint
// passes: one that needs facts to cross packages, and two that offer
// fixes, which conflict on calls to clash().

// runLogEnv names a file to which the marker analyzer appends the path
// of every package it analyzes, so that tests can see which ran.
const runLogEnv = "FIFOLINT_DRIVER_TEST_RUNLOG"

func testAnalyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{markerAnalyzer, renamerAnalyzer, clasherAnalyzer}
}

// reachesMarked is the fact of a function that calls, directly or through
// functions of other packages, a function whose doc has a //marked line.
type reachesMarked struct{ Marked string }

func (*reachesMarked) AFact()           {}
func (f *reachesMarked) String() string { return "reaches(" + f.Marked + ")" }

var markerAnalyzer = &analysis.Analyzer{
	Name:      "marker",
	Doc:       "report calls to functions of other packages that reach a //marked function",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	FactTypes: []analysis.Fact{new(reachesMarked)},
	Run:       runMarker,
}

func runMarker(pass *analysis.Pass) (any, error) {
	if err := logRun(pass.Pkg.Path()); err != nil {
		return nil, err
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for decl := range insp.PreorderSeq((*ast.FuncDecl)(nil)) {
		decl := decl.(*ast.FuncDecl)
		fn := pass.TypesInfo.Defs[decl.Name].(*types.Func)
		if isMarked(decl) {
			pass.ExportObjectFact(fn, &reachesMarked{Marked: fn.FullName()})
		}
		if decl.Body == nil {
			continue
		}
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			callee := typeutil.StaticCallee(pass.TypesInfo, call)
			var fact reachesMarked
			if callee == nil || callee.Pkg() == pass.Pkg || !pass.ImportObjectFact(callee, &fact) {
				return true
			}
			pass.Reportf(call.Pos(), "call to %s reaches marked %s", callee.FullName(), fact.Marked)
			pass.ExportObjectFact(fn, &reachesMarked{Marked: fact.Marked})
			return true
		})
	}
	return nil, nil
}

func isMarked(decl *ast.FuncDecl) bool {
	if decl.Doc == nil {
		return false
	}
	for _, c := range decl.Doc.List {
		if c.Text == "//marked" {
			return true
		}
	}
	return false
}

var runLogMu sync.Mutex

func logRun(pkgPath string) error {
	name := os.Getenv(runLogEnv)
	if name == "" {
		return nil
	}
	runLogMu.Lock()
	defer runLogMu.Unlock()
	f, err := os.OpenFile(name, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(f, pkgPath)
	return errors.Join(err, f.Close())
}

// renamerAnalyzer replaces legacy() by modern() and clash() by renamed(),
// spaced so that only gofmt makes the result tidy.
var renamerAnalyzer = &analysis.Analyzer{
	Name: "renamer",
	Doc:  "replace calls to legacy functions",
	Run: func(pass *analysis.Pass) (any, error) {
		replaceCalls(pass, map[string]string{"legacy": "modern( )", "clash": "renamed( )"})
		return nil, nil
	},
}

// clasherAnalyzer competes with renamer for the calls to clash().
var clasherAnalyzer = &analysis.Analyzer{
	Name: "clasher",
	Doc:  "replace calls to clash",
	Run: func(pass *analysis.Pass) (any, error) {
		replaceCalls(pass, map[string]string{"clash": "other()"})
		return nil, nil
	},
}

// replaceCalls reports each call f() with f in replacements and offers
// to replace the call with its replacement.
func replaceCalls(pass *analysis.Pass, replacements map[string]string) {
	for _, file := range pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) > 0 {
				return true
			}
			id, ok := call.Fun.(*ast.Ident)
			if !ok || replacements[id.Name] == "" {
				return true
			}
			pass.Report(analysis.Diagnostic{
				Pos:     call.Pos(),
				End:     call.End(),
				Message: "call to " + id.Name,
				SuggestedFixes: []analysis.SuggestedFix{{
					Message:   "replace " + id.Name,
					TextEdits: []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte(replacements[id.Name])}},
				}},
			})
			return true
		})
	}
}
