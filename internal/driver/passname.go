package driver

import "golang.org/x/tools/go/analysis"

// Text output names the pass of every finding at the end of its line, as
// staticcheck names its checks:
//
//	queue/producer.go:47:21: MessageGroupId is ... (groupid)
//
// so that the reader knows what to write in //fifolint:ignore PASS reason.
// The name is added by the drivers, not by the passes: standalone JSON and
// SARIF carry it in a field of their own, and golangci-lint starts each
// issue with "PASS: " already.

// withPassName returns msg followed by the name of the pass.
func withPassName(msg, pass string) string { return msg + " (" + pass + ")" }

// withPassNames returns analyzers that report what the given ones do, with
// withPassName applied to each message, for go vet. The tool cannot tell
// go vet's text output from its -json: since Go 1.26, go vet always runs
// the tool with -json and formats the text itself. So under go vet the
// JSON messages end in the pass name too. Everything else (name, flags,
// facts, requirements, result) is the original's, so the two
// interoperate in one go vet run.
func withPassNames(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	named := make([]*analysis.Analyzer, len(analyzers))
	for i, a := range analyzers {
		wrapped := *a
		wrapped.Run = func(pass *analysis.Pass) (any, error) {
			naming := *pass
			naming.Report = func(d analysis.Diagnostic) {
				d.Message = withPassName(d.Message, a.Name)
				pass.Report(d)
			}
			return a.Run(&naming)
		}
		named[i] = &wrapped
	}
	return named
}
