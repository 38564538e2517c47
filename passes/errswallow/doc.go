// Package errswallow defines an Analyzer that reports SQS and SNS send
// errors and batch failures that the code drops.
//
// # Analyzer errswallow
//
// errswallow: report dropped SQS/SNS send errors and unread batch failures
//
// A producer that drops the error of a send turns an outage into silent
// data loss: the message is gone and nothing says so. The check covers SQS
// SendMessage and SendMessageBatch and SNS Publish and PublishBatch, in
// aws-sdk-go-v2 and aws-sdk-go v1 (also the WithContext forms, and for the
// Request forms the error of req.Send()), recognized by their input and
// output types, so calls through the user's own interfaces, mocks, method
// values and function-typed fields count. It also covers, in any package,
// the user's own functions whose returned error is non-nil on a send's
// failure path (the error itself, wrapped, a sentinel, an out-parameter)
// or that return a batch output unread; the Wait of an errgroup or a conc
// pool and the Retry of cenkalti/backoff running such functions; and
// methods of the user's interfaces whose implementations in view all wrap
// a send.
//
// It reports a send whose error is
//
//   - discarded: assigned to _, an expression statement, run by go or defer;
//   - assigned and never read, or overwritten before it is read, by a later
//     statement or by the next iteration of a loop;
//   - only compared with nil, while the failure path reports success or
//     nothing: it returns nil (or an error variable that is nil there),
//     true or false, returns without a value, continues the loop or carries
//     on, and the error reaches nothing (_ = err and err = nil do not count).
//
// Batch sends succeed even when some entries fail: SendMessageBatch and
// PublishBatch list those in the output's Failed field. A batch send whose
// output's Failed is never read is reported even when the error is handled;
// a function that returns the output unread passes that duty to its
// callers.
//
// The error counts as handled when it is returned (directly, wrapped with
// %w, joined), passed to any function (panic, t.Fatal, a logger, errgroup),
// sent on a channel or stored; the failure path counts as reporting when it
// returns a non-nil error, panics, calls a function, or records the
// failure in a local variable the function reads afterwards (failed++,
// then `if failed > 0 { return ... }`), or skips the SQS DeleteMessage of
// the success side (the message is delivered again). Failed counts as
// read when it is used in any way, or when the output is passed on;
// Successful counts when its length is compared with a count that is not a
// constant, or when the code ranges over it.
//
// Logging the error and carrying on keeps the failure visible but still
// loses the message. By default logging counts as handling; with
// -errswallow.strict a failure path that only logs (also err.Error() or
// fmt.Sprint(err) to a logger, or the project's own helper whose body only
// logs) or only counts the failure is reported too, and so is a dropped
// error of a wrapper that logs the failure itself before returning it.
//
// Where the failure path is a single `return nil`, or returns an error
// variable that is nil there, in a function that returns an error, a
// suggested fix returns the send's error instead. Test files are not
// checked. The flow analysis lives in internal/sendfailure.
package errswallow
