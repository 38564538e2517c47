// Package groupid defines an Analyzer that reports FIFO message group ids
// that are the same for every message a process sends.
//
// # Analyzer groupid
//
// groupid: report MessageGroupId values fixed for the whole process
//
// SQS and SNS FIFO deliver the messages of one message group one at a time,
// in order. A producer whose MessageGroupId is a constant, a package-level
// variable, a field set once when the producer is constructed (from config,
// the environment, or a UUID taken at startup) or decoded from configuration
// in a start-up method that never sends, or a value computed once
// (sync.Once, sync.OnceValue, a cached variable) puts every message in one
// group: however many consumers run, the queue hands out one message at a
// time, and throughput never scales.
//
// The check follows the value through aws.String and similar pointer
// helpers, locals, concatenation, fmt.Sprintf, strconv, struct fields,
// package variables, and the user's own functions, also across packages: a
// wrapper such as Publish(ctx, group, body) is checked at its callers, and
// the diagnostic lands on the argument. It covers aws-sdk-go-v2 and
// aws-sdk-go (v1): SQS SendMessageInput and SendMessageBatchRequestEntry,
// SNS PublishInput and PublishBatchRequestEntry, set in composite literals,
// by assignment or by v1 setters, and the group keys of gocloud.dev pubsub
// and watermill-aws message metadata. A batch literal whose entries carry
// different constant groups is reported once, naming them.
//
// It stays quiet when the id derives from the message: a field of the
// message or event, a parameter its callers fill with per-message data, a
// map lookup by a per-message key, a fixed prefix joined with a message key,
// a fresh random id per message. Test files are not checked.
//
// A single group per producer is sometimes deliberate (strict ordering
// across a producer's messages). Record that with a reason:
//
//	MessageGroupId: aws.String(p.stream), //fifolint:ignore groupid one ordered audit stream by design
package groupid
