// Package funcvalue checks group ids computed and sent through function
// values, with both SDK majors.
package funcvalue

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	sqsv1 "github.com/aws/aws-sdk-go/service/sqs"
)

type Order struct{ ID, Customer, Body string }

// Publisher is a wrapper: its callers choose the group.
type Publisher struct {
	client *sqs.Client
	url    string
}

func (p *Publisher) Publish(ctx context.Context, group, body string) error {
	_, err := p.client.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(p.url), MessageGroupId: aws.String(group), MessageBody: aws.String(body)})
	return err
}

// A method value of a wrapper is checked at its call.
func MethodValue(ctx context.Context, p *Publisher, o Order) error {
	send := p.Publish
	if err := send(ctx, o.Customer, o.Body); err != nil {
		return err
	}
	return send(ctx, "static-group", o.Body) // want `MessageGroupId is constant "static-group", passed to Publisher.Publish`
}

// defaultGroup names the group of messages without a customer.
var defaultGroup = func() string { return "orders" }

func PackageVar(ctx context.Context, c *sqs.Client, o Order) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(defaultGroup()), MessageBody: aws.String(o.Body)}) // want `MessageGroupId is constant "orders" \(called through defaultGroup\)`
	return err
}

// Router takes the group from a function chosen at construction.
type Router struct {
	client  *sqs.Client
	groupOf func(Order) string
}

func byCustomer(o Order) string { return o.Customer }

func NewRouter(c *sqs.Client) *Router { return &Router{client: c, groupOf: byCustomer} }

func (r *Router) Route(ctx context.Context, o Order) error {
	_, err := r.client.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(r.groupOf(o)), MessageBody: aws.String(o.Body)})
	return err
}

func RouteAll(ctx context.Context, r *Router, orders []Order) error {
	for _, o := range orders {
		if err := r.Route(ctx, o); err != nil {
			return err
		}
	}
	return nil
}

// Window groups by the day its clock says; the clock is the boot time
// unless an option from another package replaces it. What the option
// stores may be time.Now: quiet.
type Window struct {
	client *sqs.Client
	day    func() time.Time
}

var boot = time.Now()

type WindowOption func(*Window)

func WithDay(day func() time.Time) WindowOption { return func(w *Window) { w.day = day } }

func NewWindow(c *sqs.Client, opts ...WindowOption) *Window {
	w := &Window{client: c, day: func() time.Time { return boot }}
	for _, o := range opts {
		o(w)
	}
	return w
}

func (w *Window) Send(ctx context.Context, o Order) error {
	_, err := w.client.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(w.day().Format("2006-01-02")), MessageBody: aws.String(o.Body)})
	return err
}

// --- aws-sdk-go v1 ---------------------------------------------------------------

// A v1 setter taken as a method value.
func SetterValue(svc *sqsv1.SQS, o Order) error {
	in := &sqsv1.SendMessageInput{MessageBody: awsv1.String(o.Body)}
	setGroup := in.SetMessageGroupId
	setGroup("v1-static") // want `MessageGroupId is constant "v1-static"`
	_, err := svc.SendMessage(in)
	return err
}

// LegacyQueue wraps v1; Dispatcher reaches it through a function field.
type LegacyQueue struct{ svc *sqsv1.SQS }

func (q *LegacyQueue) Send(group, body string) error {
	_, err := q.svc.SendMessage(&sqsv1.SendMessageInput{MessageGroupId: awsv1.String(group), MessageBody: awsv1.String(body)})
	return err
}

type Dispatcher struct {
	send func(group, body string) error
}

func NewDispatcher(q *LegacyQueue) *Dispatcher { return &Dispatcher{send: q.Send} }

func (d *Dispatcher) Dispatch(o Order) error {
	if err := d.send(o.Customer, o.Body); err != nil {
		return err
	}
	return d.send("legacy", o.Body) // want `MessageGroupId is constant "legacy", passed to LegacyQueue.Send`
}
