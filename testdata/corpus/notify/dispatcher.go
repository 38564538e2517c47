package notify

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

// Dispatcher is the newer producer used by the delivery v2 pipeline. The
// group and deduplication id are computed per notification by functions
// chosen at construction.
type Dispatcher struct {
	client   Sender
	queueURL string
	groupOf  func(Notification) string
	dedupOf  func(Notification) string
}

// DispatcherOption configures a Dispatcher.
type DispatcherOption func(*Dispatcher)

// GroupBy overrides how the message group is derived from a notification.
func GroupBy(fn func(Notification) string) DispatcherOption {
	return func(d *Dispatcher) { d.groupOf = fn }
}

// DedupBy overrides how the deduplication id is derived from a notification.
func DedupBy(fn func(Notification) string) DispatcherOption {
	return func(d *Dispatcher) { d.dedupOf = fn }
}

// NewDispatcher returns a Dispatcher grouping by user and deduplicating by
// notification id unless overridden.
func NewDispatcher(client Sender, queueURL string, opts ...DispatcherOption) *Dispatcher {
	d := &Dispatcher{
		client:   client,
		queueURL: queueURL,
		groupOf:  func(n Notification) string { return n.UserID },
		dedupOf:  func(n Notification) string { return n.ID },
	}
	for _, opt := range opts {
		opt(d)
	}
	return d
}

// Dispatch enqueues note.
func (d *Dispatcher) Dispatch(ctx context.Context, note Notification) error {
	body, err := json.Marshal(note)
	if err != nil {
		return err
	}
	in := &sqs.SendMessageInput{
		QueueUrl:    aws.String(d.queueURL),
		MessageBody: aws.String(string(body)),
	}
	in.MessageGroupId = aws.String(d.groupOf(note))
	in.MessageDeduplicationId = aws.String(d.dedupOf(note))
	if _, err := d.client.SendMessage(ctx, in); err != nil {
		return fmt.Errorf("dispatch %s to %s: %w", note.ID, note.UserID, err)
	}
	return nil
}
