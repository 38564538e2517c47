// Package generic checks deduplication ids that come from instantiated
// generic functions and methods, declared here and in package gen.
package generic

import (
	"context"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/google/uuid"

	"example.com/dedupid/generic/gen"
)

type Kind string

const created Kind = "created"

type Order struct {
	ID, Customer string
	Kind         Kind
}

func send(ctx context.Context, c *sqs.Client, o Order, dedup string) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(o.Customer), MessageDeduplicationId: aws.String(dedup)})
	return err
}

// Results of another package's generic functions and methods.
func CrossResults(ctx context.Context, c *sqs.Client, o Order) error {
	if err := send(ctx, c, o, gen.Tag(created)); err != nil { // want `MessageDeduplicationId is built from gen.Tag\(\) \(from strconv.FormatInt\(time.Now\(\).UnixNano\(\), 36\)\), passed to send`
		return err
	}
	if err := send(ctx, c, o, gen.Tag[Kind]("order")); err != nil { // want `MessageDeduplicationId is built from gen.Tag\(\)`
		return err
	}
	if err := send(ctx, c, o, gen.Stamper[Order]{Prefix: "o-"}.Stamp(o)); err != nil { // want `MessageDeduplicationId is built from gen.Stamper.Stamp\(\)`
		return err
	}
	// An instantiation held in a variable.
	tag := gen.Tag[Kind]
	if err := send(ctx, c, o, tag(created)); err != nil { // want `MessageDeduplicationId is built from gen.Tag\(\) .* \(called through tag\), passed to send`
		return err
	}
	return send(ctx, c, o, gen.Digest(o)) // the message's content: quiet
}

// A method of another package's generic type is a sink.
func CrossSink(ctx context.Context, c *sqs.Client, o Order) error {
	bus := gen.NewBus[Order](c, "https://sqs.eu-west-1.amazonaws.com/123456789012/orders.fifo")
	if err := bus.Publish(ctx, o.Customer, o.ID, o); err != nil {
		return err
	}
	if err := bus.Publish(ctx, o.Customer, uuid.NewString(), o); err != nil {
		return err
	}
	return bus.Publish(ctx, o.Customer, "order-created", o) // want `MessageDeduplicationId is constant "order-created", passed to gen.Bus.Publish`
}

// nanos is a generic helper of this package that returns the clock.
func nanos[T any](T) string { return strconv.FormatInt(time.Now().UnixNano(), 10) }

// keyOf is generic and returns the message's key.
func keyOf[T interface{ Key() string }](v T) string { return v.Key() }

func (o Order) Key() string { return o.ID }

func LocalResults(ctx context.Context, c *sqs.Client, o Order) error {
	if err := send(ctx, c, o, nanos(o)); err != nil { // want `MessageDeduplicationId is built from nanos\(\) \(from strconv.FormatInt\(time.Now\(\).UnixNano\(\), 10\)\), passed to send`
		return err
	}
	return send(ctx, c, o, keyOf(o))
}

// Outbox is generic; its dedup id is fixed when it is constructed, through
// an instantiation.
type Outbox[T any] struct {
	client *sqs.Client
	dedup  string
}

func NewOutbox(c *sqs.Client) *Outbox[Order] {
	return &Outbox[Order]{client: c, dedup: uuid.NewString()}
}

func (b *Outbox[T]) Send(ctx context.Context, group string, v T) error {
	_, err := b.client.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(group), MessageDeduplicationId: aws.String(b.dedup)}) // want `MessageDeduplicationId is field dedup, set once in NewOutbox`
	return err
}

// Inbox is generic and its dedup id is the value's.
type Inbox[T interface{ Key() string }] struct{ client *sqs.Client }

func (b *Inbox[T]) Send(ctx context.Context, v T) error {
	_, err := b.client.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String(v.Key())})
	return err
}
