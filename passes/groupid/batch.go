package groupid

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/fifolint/fifolint/internal/origin"
)

// batchDiagnostic reports, once, a batch literal whose entries carry
// different constant groups.
func batchDiagnostic(v origin.Value) analysis.Diagnostic {
	return analysis.Diagnostic{
		Pos: v.Expr.Pos(),
		End: v.Expr.End(),
		Message: fmt.Sprintf("MessageGroupId of these batch entries is one of the constants %s: all messages of a kind, from every producer, "+
			"share one message group, so the FIFO queue delivers each kind one at a time; derive the group from the message's ordering key, "+
			"or if one ordered stream per kind is intended, say so with //fifolint:ignore groupid <reason>", v.Origin.Desc),
		Related: []analysis.RelatedInformation{{Pos: v.Origin.Pos, Message: "the first group is fixed here"}},
	}
}
