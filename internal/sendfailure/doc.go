// Package sendfailure answers, once per package, where the failure of each
// SQS or SNS send goes: returned, handed on, or lost, and how it is lost.
// The errswallow pass requires its Analyzer and only judges and words the
// answer.
//
// A send is a call whose results carry the outcome of SQS SendMessage or
// SendMessageBatch or SNS Publish or PublishBatch, in aws-sdk-go-v2 and
// aws-sdk-go v1 (recognized by signature, see fifoapi.SendOp), a v1
// req.Send() on a send's request, the Wait of an errgroup or conc pool
// whose goroutines return a send's error, a backoff Retry of such an
// operation, a call of a user's function that carries a send's outcome to
// its caller (a wrapper), or a call through a user's interface whose
// implementations in view are all wrappers.
//
// A function is a wrapper when an error it returns is non-nil on a send's
// failure path (the send's error itself, wrapped, joined, stored through an
// out-parameter, or a sentinel chosen there), or when it returns a batch
// output, or its Failed slice, without reading Failed. Wrappers are found
// to a fixed point within a package and carried to other packages by a
// WrapsSend fact. Functions whose body only logs carry a LogsOnly fact, so
// that a failure path calling the project's own log helper counts as only
// logging.
//
// The flow logic is intraprocedural: the reads of a send's error are
// followed on the function's control-flow graph (golang.org/x/tools/go/cfg),
// only along the failure edge of a nil check (past it the error is nil and
// cannot report anything), and a small must-analysis knows which error
// variables are nil at each return.
package sendfailure
