// Package funcopts passes the deduplication id to a wrapper as a
// functional option. A constant written by WithDedup("x") drops every
// message after the first; an option that sets another field leaves the
// id unset, and the wrapper then sends none.
package funcopts

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

type sendOpts struct{ group, dedup string }

type SendOption func(*sendOpts)

func Group(g string) SendOption { return func(o *sendOpts) { o.group = g } }
func Dedup(d string) SendOption { return func(o *sendOpts) { o.dedup = d } }

type Queue struct {
	client *sqs.Client
	url    string
}

func (q *Queue) Send(ctx context.Context, key, body string, opts ...SendOption) error {
	o := sendOpts{group: key}
	for _, f := range opts {
		f(&o)
	}
	in := &sqs.SendMessageInput{QueueUrl: aws.String(q.url), MessageBody: aws.String(body), MessageGroupId: aws.String(o.group)}
	if o.dedup != "" {
		in.MessageDeduplicationId = aws.String(o.dedup)
	}
	_, err := q.client.SendMessage(ctx, in)
	return err
}

type Order struct{ ID, Customer, JSON string }

func (q *Queue) Callers(ctx context.Context, o Order) error {
	if err := q.Send(ctx, o.Customer, o.JSON); err != nil {
		return err
	}
	if err := q.Send(ctx, o.Customer, o.JSON, Dedup(o.ID)); err != nil {
		return err
	}
	if err := q.Send(ctx, o.Customer, o.JSON, Group("orders")); err != nil {
		return err
	}
	return q.Send(ctx, o.Customer, o.JSON, Dedup("order")) // want `MessageDeduplicationId is constant "order", passed to Queue.Send`
}
