// Package queue is the thin SQS FIFO producer used by the services. It keeps
// the SDK out of business code: callers pass a message group, an optional
// deduplication id and a body.
package queue

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

// maxBatch is the SQS limit for SendMessageBatch.
const maxBatch = 10

// Sender is the subset of *sqs.Client the queue needs. It is satisfied by
// *sqs.Client, RetryingSender and MemorySender.
type Sender interface {
	SendMessage(ctx context.Context, params *sqs.SendMessageInput, optFns ...func(*sqs.Options)) (*sqs.SendMessageOutput, error)
	SendMessageBatch(ctx context.Context, params *sqs.SendMessageBatchInput, optFns ...func(*sqs.Options)) (*sqs.SendMessageBatchOutput, error)
}

// Queue publishes to one FIFO queue.
type Queue struct {
	client Sender
	url    string
}

// New returns a Queue for url.
func New(client Sender, url string) *Queue {
	return &Queue{client: client, url: url}
}

// URL returns the queue URL.
func (q *Queue) URL() string { return q.url }

// Publish sends body in the given message group. An empty dedup leaves
// deduplication to the queue (ContentBasedDeduplication must be enabled).
func (q *Queue) Publish(ctx context.Context, group, dedup, body string) error {
	in := &sqs.SendMessageInput{
		QueueUrl:       aws.String(q.url),
		MessageBody:    aws.String(body),
		MessageGroupId: aws.String(group),
	}
	if dedup != "" {
		in.MessageDeduplicationId = aws.String(dedup)
	}
	if _, err := q.client.SendMessage(ctx, in); err != nil {
		return fmt.Errorf("queue: send to %s: %w", q.url, err)
	}
	return nil
}

// Message is one entry for PublishBatch.
type Message struct {
	Group string
	Dedup string
	Body  string
}

// EntryError describes a batch entry that SQS rejected.
type EntryError struct {
	Index   int
	Code    string
	Message string
}

func (e *EntryError) Error() string {
	return fmt.Sprintf("entry %d rejected: %s: %s", e.Index, e.Code, e.Message)
}

// PublishBatch sends msgs in batches of ten. Entries rejected by SQS are
// returned as *EntryError values joined into one error.
func (q *Queue) PublishBatch(ctx context.Context, msgs []Message) error {
	var errs []error
	for start := 0; start < len(msgs); start += maxBatch {
		end := min(start+maxBatch, len(msgs))
		entries := make([]types.SendMessageBatchRequestEntry, 0, end-start)
		for i, m := range msgs[start:end] {
			e := types.SendMessageBatchRequestEntry{
				Id:             aws.String(strconv.Itoa(start + i)),
				MessageBody:    aws.String(m.Body),
				MessageGroupId: aws.String(m.Group),
			}
			if m.Dedup != "" {
				e.MessageDeduplicationId = aws.String(m.Dedup)
			}
			entries = append(entries, e)
		}
		out, err := q.client.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{
			QueueUrl: aws.String(q.url),
			Entries:  entries,
		})
		if err != nil {
			return errors.Join(append(errs, fmt.Errorf("queue: batch at %d: %w", start, err))...)
		}
		for _, f := range out.Failed {
			idx, _ := strconv.Atoi(aws.ToString(f.Id))
			errs = append(errs, &EntryError{Index: idx, Code: aws.ToString(f.Code), Message: aws.ToString(f.Message)})
		}
	}
	return errors.Join(errs...)
}
