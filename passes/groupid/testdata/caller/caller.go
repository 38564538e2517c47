// Package caller uses the queue wrapper and the ids helpers from other
// packages; diagnostics land here, at the arguments.
package caller

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"example.com/groupid/ids"
	"example.com/groupid/queue"
)

const auditGroup = "audit"

type Order struct{ ID, Customer string }

type Service struct {
	q     *queue.Queue
	group string
}

func NewService(q *queue.Queue, group string) *Service { return &Service{q: q, group: group} }

func (s *Service) Constant(ctx context.Context, o Order) error {
	return s.q.Publish(ctx, auditGroup, o.ID, o.ID) // want `MessageGroupId is constant auditGroup \("audit"\), passed to queue.Queue.Publish`
}

func (s *Service) Field(ctx context.Context, o Order) error {
	return s.q.Publish(ctx, s.group, o.ID, o.ID) // want `MessageGroupId is field group, set once in NewService, passed to queue.Queue.Publish`
}

func (s *Service) Helper(ctx context.Context, o Order) error {
	return s.q.Publish(ctx, ids.StreamGroup(), o.ID, o.ID) // want `MessageGroupId is ids.StreamGroup\(\), which returns package variable streamGroup, passed to queue.Queue.Publish`
}

func (s *Service) ImportedVar(ctx context.Context, o Order) error {
	return s.q.Publish(ctx, ids.Region, o.ID, o.ID) // want `MessageGroupId is package variable Region of package ids, passed to queue.Queue.Publish`
}

func (s *Service) Event(ctx context.Context, o Order) error {
	return s.q.PublishEvent(ctx, queue.Event{Stream: "orders", Key: o.ID, Body: o.ID}) // want `MessageGroupId is constant "orders", passed to queue.Queue.PublishEvent`
}

// Quiet: per-message data through the wrapper and the helpers.

func (s *Service) PerMessage(ctx context.Context, o Order) error {
	return s.q.Publish(ctx, o.Customer, o.ID, o.ID)
}

func (s *Service) Keyed(ctx context.Context, o Order) error {
	return s.q.PublishKeyed(ctx, o.Customer, o.ID)
}

func (s *Service) DerivedHelper(ctx context.Context, o Order) error {
	return s.q.Publish(ctx, ids.ForTenant(o.Customer), o.ID, o.ID)
}

func (s *Service) KeyedConst(ctx context.Context, o Order) error {
	return s.q.PublishKeyed(ctx, "all", o.ID) // want `MessageGroupId is constant "all", passed to queue.Queue.PublishKeyed`
}

// Forward passes its own parameter on: its callers decide.
func Forward(ctx context.Context, q *queue.Queue, group string, o Order) error {
	return q.Publish(ctx, group, o.ID, o.ID)
}

func UsesForward(ctx context.Context, q *queue.Queue, o Order) error {
	if err := Forward(ctx, q, o.Customer, o); err != nil {
		return err
	}
	return Forward(ctx, q, "fixed", o) // want `MessageGroupId is constant "fixed", passed to Forward`
}

func Direct(ctx context.Context, c *sqs.Client, o Order) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(ids.StreamGroup()), MessageBody: aws.String(o.ID)}) // want `MessageGroupId is ids.StreamGroup\(\), which returns package variable streamGroup`
	return err
}
