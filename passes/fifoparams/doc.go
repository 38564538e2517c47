// Package fifoparams defines an Analyzer that reports SQS and SNS request
// parameters that the services certainly reject: FIFO-only mistakes, and
// constants outside documented limits.
//
// # Analyzer fifoparams
//
// fifoparams: report SQS/SNS parameters that AWS will certainly reject
//
// Neither SDK checks these on the client (the v2 validators check only that
// required fields are present), so each one fails at runtime, on every
// call. Every diagnostic carries the rule's name as its Category:
//
//   - delay: a per-message DelaySeconds on a send to a FIFO queue, which SQS
//     rejects with InvalidParameterValue. v2 leaves out 0; v1 sends
//     aws.Int64(0), which SQS accepts. Neither is reported.
//   - missinggroup: a send or publish to a FIFO queue or topic whose input
//     (or batch entry literal, also one appended to a local slice), built
//     in the function and not handed to other code, never gets a
//     MessageGroupId (MissingParameter).
//   - standarddedup: MessageDeduplicationId on a send to a known-standard SQS
//     queue (InvalidParameterValue: not valid for this queue type).
//   - idformat: a constant MessageGroupId, MessageDeduplicationId or
//     ReceiveRequestAttemptId (or the constant parts of one) longer than
//     128 characters or with a character other than a-z A-Z 0-9 and ASCII
//     punctuation; an empty SNS MessageGroupId.
//   - batchid: a constant batch entry Id that is empty, longer than 80 or
//     has a character other than A-Z a-z 0-9 - _, and two entries of one
//     literal with the same Id (BatchEntryIdsNotDistinct).
//   - batchsize: a literal entry list of more than 10 entries, or an empty
//     non-nil one (EmptyBatchRequest), and make or arrays longer than 10.
//   - createattrs: CreateQueue and CreateTopic whose constant name and
//     attributes contradict (a .fifo name without FifoQueue=true, and the
//     reverse; FifoThroughputLimit=perMessageGroupId without
//     DeduplicationScope=messageGroup; unknown values; invalid names).
//   - ranges: DelaySeconds above 900, MaxNumberOfMessages outside 1 to 10,
//     WaitTimeSeconds above 20, VisibilityTimeout above 43200.
//
// A send counts as FIFO only when internal/fifoqueue proves it: a constant
// ".fifo" tail on the queue URL or topic ARN (through constants, aws.String,
// concatenation, fmt.Sprintf, fields and variables, and GetQueueUrl,
// CreateQueue and CreateTopic outputs), an SQS MessageDeduplicationId on
// the same input, or an explicit strings.HasSuffix(url, ".fifo") check
// around the send. A MessageGroupId, a name or a comment is not evidence,
// and a URL from runtime configuration proves nothing, so those sends are
// not checked. Diagnostics point at the evidence as related information.
//
// A function whose parameter becomes the queue URL (or topic ARN) of an
// input it sends with a fixed DelaySeconds or without a MessageGroupId (or
// builds and returns with a fixed DelaySeconds) is checked at its callers,
// in any package: a caller passing a FIFO queue's URL gets the diagnostic.
//
// Test files are not checked: tests send invalid values on purpose.
//
// Suggested fixes remove a constant DelaySeconds from a FIFO send's literal,
// and (as a separate fix, since it changes what is sent) a
// MessageDeduplicationId from a send to a standard queue.
package fifoparams
