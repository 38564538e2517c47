package dedupid

import (
	_ "embed"
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/fifolint/fifolint/internal/analysisdoc"
	"github.com/fifolint/fifolint/internal/fifoapi"
	"github.com/fifolint/fifolint/internal/origin"
	"github.com/fifolint/fifolint/internal/suppress"
)

//go:embed doc.go
var doc string

// Analyzer reports MessageDeduplicationId values built from the clock or
// fixed for the process. Its flags configure origin.Analyzer.
var Analyzer = New(origin.Analyzer, &origin.DefaultConfig)

// New returns a dedupid analyzer that takes its origins from orig, made by
// origin.New(cfg); the analyzer's -clock and -entropy flags write cfg.
func New(orig *analysis.Analyzer, cfg *origin.Config) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:     "dedupid",
		Doc:      analysisdoc.MustExtract(doc, "dedupid"),
		URL:      "https://github.com/fifolint/fifolint/blob/main/docs/checks/dedupid.md",
		Requires: []*analysis.Analyzer{orig},
		Run: func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[orig].(*origin.Result))
		},
	}
	a.Flags.Var(cfg.ClockFlag(), "clock", "comma-separated functions (pkgpath.Func or pkgpath.Type.Method) whose result is derived from the clock")
	a.Flags.Var(cfg.EntropyFlag(), "entropy", "comma-separated functions (pkgpath.Func or pkgpath.Type.Method) whose result is random or unique")
	return a
}

func run(pass *analysis.Pass, res *origin.Result) (any, error) {
	if fifoapi.Modeled(pass.Pkg) {
		return nil, nil
	}
	rep := suppress.NewReporter(pass, "dedupid")
	for _, v := range res.Values {
		if v.Field != fifoapi.DedupID {
			continue
		}
		if d, ok := diagnostic(v); ok {
			rep.Report(d)
		}
	}
	rep.Finish()
	return nil, nil
}

const remedy = "use the message's business key (order ID + version), a hash of its content, or a random UUID"

func diagnostic(v origin.Value) (analysis.Diagnostic, bool) {
	if v.InBatch {
		return batchDiagnostic(v), true
	}
	source := v.Origin.Desc
	repeats := "with the next call, after a restart and from other producers"
	if v.Origin.Kind == origin.Counter {
		if v.Origin.Unique { // the process's own counter
			source += ", which restarts at 0"
			repeats = "after a restart and from other producers"
		} else { // a loop index or a counter local to the call
			source += ", which starts over with every call"
		}
	}
	if v.Via != "" {
		source += ", passed to " + v.Via
	}
	var msg string
	switch v.Origin.Kind {
	case origin.Clock:
		msg = fmt.Sprintf("MessageDeduplicationId is built from %s: parallel producers sending in the same instant get the same id, "+
			"and the FIFO queue silently drops all but one within the 5-minute deduplication window; %s", source, remedy)
	case origin.Counter:
		msg = fmt.Sprintf("MessageDeduplicationId is %s: the same ids come back %s, "+
			"and the FIFO queue silently drops those messages within the 5-minute deduplication window; %s", source, repeats, remedy)
	case origin.Const, origin.Fixed:
		msg = fmt.Sprintf("MessageDeduplicationId is %s: every message after the first within 5 minutes has the same id "+
			"and is silently dropped; %s", source, remedy)
	default:
		return analysis.Diagnostic{}, false
	}
	d := analysis.Diagnostic{Pos: v.Expr.Pos(), End: v.Expr.End(), Message: msg}
	if v.Origin.Pos.IsValid() {
		d.Related = []analysis.RelatedInformation{{Pos: v.Origin.Pos, Message: "the deduplication id comes from here"}}
	}
	return d, true
}
