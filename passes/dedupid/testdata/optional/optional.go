// Package optional calls send helpers whose deduplication id is an
// optional argument: left out, the helper either sends no id (content-based
// deduplication, correct) or falls back to a fixed one (a bug at that call).
package optional

import (
	"context"

	"github.com/aws/aws-sdk-go/aws"
	sqsv1 "github.com/aws/aws-sdk-go/service/sqs"

	"example.com/dedupid/optwrap"
)

type Order struct{ ID, Customer, JSON string }

func OmittedField(ctx context.Context, q *optwrap.Queue, o Order) error {
	return q.Send(ctx, o.JSON, optwrap.Options{GroupID: o.Customer})
}

func NoOptions(ctx context.Context, q *optwrap.Queue, o Order) error {
	return q.Send(ctx, o.JSON)
}

func OwnID(ctx context.Context, q *optwrap.Queue, o Order) error {
	return q.Send(ctx, o.JSON, optwrap.Options{GroupID: o.Customer, DedupID: o.ID})
}

func ConstantOption(ctx context.Context, q *optwrap.Queue, o Order) error {
	return q.Send(ctx, o.JSON, optwrap.Options{GroupID: o.Customer, DedupID: "order"}) // want `MessageDeduplicationId is constant "order", passed to optwrap.Queue.Send`
}

func FallbackUsed(ctx context.Context, q *optwrap.Queue, o Order) error {
	return q.SendKeyed(ctx, o.Customer, o.JSON) // want `MessageDeduplicationId is constant "no-key", which optwrap.Queue.SendKeyed falls back to when this call leaves the optional argument out`
}

func FallbackOverridden(ctx context.Context, q *optwrap.Queue, o Order) error {
	return q.SendKeyed(ctx, o.Customer, o.JSON, o.ID)
}

func NilOptions(ctx context.Context, t *optwrap.Topic, o Order) error {
	return t.Publish(ctx, o.Customer, o.JSON, nil)
}

func EmptyOptions(ctx context.Context, t *optwrap.Topic, o Order) error {
	return t.Publish(ctx, o.Customer, o.JSON, &optwrap.PublishOptions{})
}

func ZeroOptions(ctx context.Context, t *optwrap.Topic, o Order) error {
	return t.PublishWith(ctx, o.Customer, o.JSON, optwrap.PublishOptions{})
}

// V1Queue is the same helper on the v1 SDK, read as options[0] directly.
type V1Queue struct {
	client *sqsv1.SQS
	url    string
}

func (q *V1Queue) Send(ctx context.Context, body string, options ...optwrap.Options) error {
	opts := options[0]
	in := &sqsv1.SendMessageInput{
		QueueUrl:       aws.String(q.url),
		MessageBody:    aws.String(body),
		MessageGroupId: aws.String(opts.GroupID),
	}
	if opts.DedupID != "" {
		in.SetMessageDeduplicationId(opts.DedupID)
	}
	_, err := q.client.SendMessageWithContext(ctx, in)
	return err
}

func V1OmittedField(ctx context.Context, q *V1Queue, o Order) error {
	return q.Send(ctx, o.JSON, optwrap.Options{GroupID: o.Customer})
}

func V1ConstantOption(ctx context.Context, q *V1Queue, o Order) error {
	return q.Send(ctx, o.JSON, optwrap.Options{GroupID: o.Customer, DedupID: "same"}) // want `MessageDeduplicationId is constant "same", passed to V1Queue.Send`
}

func ExplicitlyEmpty(ctx context.Context, q *optwrap.Queue, o Order) error {
	return q.Send(ctx, o.JSON, optwrap.Options{GroupID: o.Customer, DedupID: ""})
}

func NoSendOption(ctx context.Context, q *optwrap.Queue, o Order) error {
	return q.SendWith(ctx, o.Customer, o.JSON)
}

func DedupOption(ctx context.Context, q *optwrap.Queue, o Order) error {
	return q.SendWith(ctx, o.Customer, o.JSON, optwrap.WithDedup(o.ID))
}
