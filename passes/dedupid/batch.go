package dedupid

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/fifolint/fifolint/internal/origin"
)

// batchDiagnostic reports an id that every entry of one batch shares.
func batchDiagnostic(v origin.Value) analysis.Diagnostic {
	return analysis.Diagnostic{
		Pos: v.Expr.Pos(),
		End: v.Expr.End(),
		Message: fmt.Sprintf("MessageDeduplicationId %s is the same for every entry of the batch this loop builds: "+
			"SQS and SNS treat entries 2..n as duplicates of the first, report them as successful and never deliver them; "+
			"give each entry its own id (the item's key or a hash of its body), or leave it out for content-based deduplication", v.Origin.Desc),
		Related: []analysis.RelatedInformation{{Pos: v.Origin.Pos, Message: "the loop that builds the batch"}},
	}
}
