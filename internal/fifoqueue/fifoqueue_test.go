package fifoqueue_test

import (
	"fmt"
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fifolint/fifolint/internal/fifoapi"
	"github.com/fifolint/fifolint/internal/fifoqueue"
	"github.com/fifolint/fifolint/internal/testmodules"
)

func TestMain(m *testing.M) { testmodules.Main(m.Run, "testdata") }

// evidence reports, at every send, what the resolver proves about its
// queue and the line of the evidence, so that the tests check the kind and
// the position the passes point their related information at.
var evidence = &analysis.Analyzer{
	Name: "evidence",
	Doc:  "report the resolver's evidence at every send",
	Run: func(pass *analysis.Pass) (any, error) {
		r := fifoqueue.New(pass)
		line := func(ev fifoqueue.Evidence) int { return pass.Fset.Position(ev.Pos).Line }
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sig := fifoqueue.Signature(pass.TypesInfo, call)
				op, _, ok := fifoapi.SendOp(sig)
				if !ok {
					return true
				}
				in := r.Input(call.Args[op.InputArg(sig)])
				if ev := r.FIFO(call, in, nil); ev.Kind != fifoqueue.None {
					pass.Reportf(call.Pos(), "%s at line %d", ev.Describe(op.Service()), line(ev))
				} else if ev, ok := r.Standard(in); ok {
					pass.Reportf(call.Pos(), "standard queue %q at line %d", ev.Queue, line(ev))
				} else {
					pass.Reportf(call.Pos(), "unknown")
				}
				return true
			})
		}
		return nil, nil
	},
}

func TestEvidence(t *testing.T) {
	analysistest.Run(t, "testdata", evidence, "./evidence")
}

func TestParseFormat(t *testing.T) {
	for _, tc := range []struct {
		format string
		want   string
	}{
		{"%s/orders.fifo", `["" "/orders.fifo"] [s] true`},
		{"100%% %d-%s", `["100% " "-" ""] [d s] true`},
		{"%-10s.fifo", `["" ".fifo"] [s] true`},
		{"%[2]s.fifo", `[] [] false`},
		{"%*d", `[] [] false`},
	} {
		lits, verbs, ok := fifoqueue.ParseFormat(tc.format)
		if got := fmt.Sprintf("%q %c %t", lits, verbs, ok); got != tc.want {
			t.Errorf("ParseFormat(%q) = %s, want %s", tc.format, got, tc.want)
		}
	}
}
