package groupid

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

// Analyzer reports MessageGroupId values that are fixed for the process.
var Analyzer = New(origin.Analyzer)

// New returns a groupid analyzer that takes its origins from orig, an
// analyzer made by origin.New (shared with dedupid where both run).
func New(orig *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "groupid",
		Doc:      analysisdoc.MustExtract(doc, "groupid"),
		URL:      "https://github.com/fifolint/fifolint/blob/main/docs/checks/groupid.md",
		Requires: []*analysis.Analyzer{orig},
		Run: func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[orig].(*origin.Result))
		},
	}
}

func run(pass *analysis.Pass, res *origin.Result) (any, error) {
	if fifoapi.Modeled(pass.Pkg) {
		return nil, nil
	}
	rep := suppress.NewReporter(pass, "groupid")
	for _, v := range res.Values {
		if v.Field != fifoapi.GroupID || (v.Origin.Kind != origin.Const && v.Origin.Kind != origin.Fixed) {
			continue
		}
		rep.Report(diagnostic(v))
	}
	rep.Finish()
	return nil, nil
}

func diagnostic(v origin.Value) analysis.Diagnostic {
	if v.InBatch {
		return batchDiagnostic(v)
	}
	what := "every message this process sends"
	if v.Origin.Kind == origin.Const {
		what = "every message"
	}
	source := v.Origin.Desc
	if v.Via != "" {
		source += ", passed to " + v.Via
	}
	d := analysis.Diagnostic{
		Pos: v.Expr.Pos(),
		End: v.Expr.End(),
		Message: fmt.Sprintf("MessageGroupId is %s: %s shares one message group, so the FIFO queue delivers them one at a time; "+
			"derive it from the message's ordering key (customer, order, tenant), or if one ordered stream is intended, "+
			"say so with //fifolint:ignore groupid <reason>", source, what),
	}
	if v.Origin.Pos.IsValid() {
		d.Related = []analysis.RelatedInformation{{Pos: v.Origin.Pos, Message: "the group id is fixed here"}}
	}
	return d
}
