package errswallow

import (
	_ "embed"
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/fifolint/fifolint/internal/analysisdoc"
	"github.com/fifolint/fifolint/internal/sendfailure"
	"github.com/fifolint/fifolint/internal/suppress"
)

//go:embed doc.go
var doc string

// Analyzer reports dropped SQS/SNS send errors and unread batch failures.
var Analyzer = New()

// New returns an errswallow analyzer with its own flags, for drivers that
// run differently configured instances (nogo, golangci-lint).
func New() *analysis.Analyzer {
	var strict bool
	a := &analysis.Analyzer{
		Name:     "errswallow",
		Doc:      analysisdoc.MustExtract(doc, "errswallow"),
		URL:      "https://github.com/fifolint/fifolint/blob/main/docs/checks/errswallow.md",
		Requires: []*analysis.Analyzer{sendfailure.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[sendfailure.Analyzer].(*sendfailure.Result), strict)
		},
	}
	a.Flags.BoolVar(&strict, "strict", false, "also report failure paths that only log the error (or count it) and carry on")
	return a
}

// run judges the lost failures sendfailure found: all of them in strict
// mode, and those that leave no trace at all by default (a failure path
// that logs, or a dropped error of a wrapper that logs it, leaves one).
func run(pass *analysis.Pass, res *sendfailure.Result, strict bool) (any, error) {
	rep := suppress.NewReporter(pass, "errswallow")
	for _, l := range res.Losses {
		if l.Weak() && !strict {
			continue
		}
		d := analysis.Diagnostic{Pos: l.Send.Call.Pos(), End: l.Send.Call.End(), Message: message(l)}
		if l.Fix != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{*l.Fix}
		}
		rep.Report(d)
	}
	rep.Finish()
	return nil, nil
}

// message says what is lost, why it hurts and what to do.
func message(l sendfailure.Loss) string {
	s := l.Send
	switch l.Kind {
	case sendfailure.Unchecked:
		return fmt.Sprintf("the error from %s is not checked: a failed send looks like a delivered message; handle it or return it%s", s.Name, batchNote(s))
	case sendfailure.InGoroutine:
		return fmt.Sprintf("%s runs in a goroutine and its error is dropped: a failed send looks like a delivered message; collect the error (errgroup, a channel) and handle it", s.Name)
	case sendfailure.Deferred:
		return fmt.Sprintf("the error from deferred %s is dropped: a failed send looks like a delivered message; send outside defer, or capture the error in a named result", s.Name)
	case sendfailure.Blank:
		return fmt.Sprintf("the error from %s is assigned to _: a failed send looks like a delivered message; handle it or return it%s", s.Name, batchNote(s))
	case sendfailure.Unread:
		return fmt.Sprintf("the error from %s is assigned to %s but never read: a failed send looks like a delivered message; handle it or return it", s.Name, l.Var)
	case sendfailure.Overwritten:
		return fmt.Sprintf("the error from %s is overwritten at line %d before it is read: a failed send looks like a delivered message; check it first", s.Name, l.Line)
	case sendfailure.LoopOverwritten:
		return fmt.Sprintf("the error from %s is overwritten by the next iteration before it is read: every failed send but the last looks like a delivered message; check %s inside the loop, or collect the errors with errors.Join", s.Name, l.Var)
	case sendfailure.Swallowed:
		how := l.Path
		switch {
		case l.Logs:
			how = "only logs the error and " + how
		case l.Counts:
			how = "only counts the failure and " + how
		}
		return fmt.Sprintf("the error from %s is dropped: on failure this code %s, so a failed send looks like a delivered message; return or wrap %s", s.Name, how, l.Var)
	case sendfailure.FailedDiscarded:
		return failedMessage(s, "this code discards the output")
	case sendfailure.FailedUnread:
		return failedMessage(s, "this code never reads "+l.Var+".Failed")
	}
	panic(fmt.Sprintf("errswallow: unknown loss kind %d", l.Kind))
}

// batchNote adds the batch consequence to a message about a dropped error.
func batchNote(s sendfailure.Send) string {
	if !s.Batch {
		return ""
	}
	return "; the output's Failed entries are not read either"
}

func failedMessage(s sendfailure.Send, what string) string {
	return fmt.Sprintf("%s reports failed entries in Failed even when err is nil; %s, so those messages are lost; check len(out.Failed) and retry or return them", s.Name, what)
}
