// Package optcaller leaves optional group ids out, or passes them.
package optcaller

import (
	"context"

	"example.com/groupid/optgroup"
)

type Order struct{ ID, Customer, JSON string }

func DedupOnly(ctx context.Context, q *optgroup.Queue, o Order) error {
	return q.Send(ctx, o.JSON, optgroup.Options{DedupID: o.ID})
}

func ConstantGroup(ctx context.Context, q *optgroup.Queue, o Order) error {
	return q.Send(ctx, o.JSON, optgroup.Options{GroupID: "orders", DedupID: o.ID}) // want `MessageGroupId is constant "orders", passed to optgroup.Queue.Send`
}

func DefaultGroup(ctx context.Context, q *optgroup.Queue, o Order) error {
	return q.SendOrdered(ctx, o.JSON) // want `MessageGroupId is constant "default", which optgroup.Queue.SendOrdered falls back to when this call leaves the optional argument out`
}

func CustomerGroup(ctx context.Context, q *optgroup.Queue, o Order) error {
	return q.SendOrdered(ctx, o.JSON, o.Customer)
}

func NoGroup(ctx context.Context, t *optgroup.Topic, o Order) error {
	return t.Publish(ctx, o.JSON, nil)
}

func ZeroGroup(ctx context.Context, t *optgroup.Topic, o Order) error {
	return t.Publish(ctx, o.JSON, &optgroup.Options{DedupID: o.ID})
}

func ConstantGroupV1(ctx context.Context, t *optgroup.Topic, o Order) error {
	return t.Publish(ctx, o.JSON, &optgroup.Options{GroupID: "orders"}) // want `MessageGroupId is constant "orders", passed to optgroup.Topic.Publish`
}

func NilFallback(ctx context.Context, q *optgroup.Queue, o Order) error {
	return q.SendWith(ctx, o.JSON, nil) // want `MessageGroupId is constant "default", which optgroup.Queue.SendWith falls back to when this call leaves the optional argument out`
}

func ZeroFallback(ctx context.Context, q *optgroup.Queue, o Order) error {
	return q.SendWith(ctx, o.JSON, &optgroup.Options{DedupID: o.ID}) // want `MessageGroupId is constant "default", which optgroup.Queue.SendWith falls back to`
}

func GivenGroup(ctx context.Context, q *optgroup.Queue, o Order) error {
	return q.SendWith(ctx, o.JSON, &optgroup.Options{GroupID: o.Customer})
}

func NoOption(ctx context.Context, q *optgroup.Queue, o Order) error {
	return q.Publish(ctx, o.JSON) // want `MessageGroupId is constant "shared", which optgroup.Queue.Publish falls back to when this call leaves the optional argument out`
}

func CustomerOption(ctx context.Context, q *optgroup.Queue, o Order) error {
	return q.Publish(ctx, o.JSON, optgroup.WithGroup(o.Customer))
}
