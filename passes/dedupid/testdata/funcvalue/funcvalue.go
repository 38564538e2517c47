// Package funcvalue checks deduplication ids computed or sent through
// function values: locals, package variables, fields set at construction
// or by functional options (the injectable clock), and method values.
package funcvalue

import (
	"context"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/google/uuid"

	"example.com/dedupid/funcvalue/relay"
	"example.com/dedupid/ids"
	"example.com/dedupid/queue"
)

type Order struct{ ID, Customer, Body string }

func (o Order) Key() string { return o.ID }

func send(ctx context.Context, c *sqs.Client, o Order, dedup string) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{
		MessageGroupId:         aws.String(o.Customer),
		MessageDeduplicationId: aws.String(dedup),
		MessageBody:            aws.String(o.Body),
	})
	return err
}

// --- Results -----------------------------------------------------------------

func Local(ctx context.Context, c *sqs.Client, o Order) error {
	stamp := time.Now
	return send(ctx, c, o, stamp().Format(time.RFC3339Nano)) // want `MessageDeduplicationId is built from time.Now\(\) \(called through stamp\), passed to send`
}

// nowFunc is replaced by tests that freeze the clock.
var nowFunc = time.Now

func freeze(t time.Time) { nowFunc = func() time.Time { return t } }

func PackageVar(ctx context.Context, c *sqs.Client, o Order) error {
	return send(ctx, c, o, strconv.FormatInt(nowFunc().UnixNano(), 10)) // want `MessageDeduplicationId is built from time.Now\(\) \(called through nowFunc\)`
}

// Another package's helper, held by a local.
func LocalHelper(ctx context.Context, c *sqs.Client, o Order) error {
	uniq := ids.Uniqid
	return send(ctx, c, o, uniq()) // want `MessageDeduplicationId is built from ids.Uniqid\(\) \(from time.Now\(\)\) \(called through uniq\)`
}

// Service has an injectable clock, time.Now unless an option replaces it.
type Service struct {
	client *sqs.Client
	now    func() time.Time
}

type Option func(*Service)

// WithClock is for tests; its callers are in other packages.
func WithClock(now func() time.Time) Option { return func(s *Service) { s.now = now } }

func NewService(c *sqs.Client, opts ...Option) *Service {
	s := &Service{client: c, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	return s
}

func (s *Service) Send(ctx context.Context, o Order) error {
	return send(ctx, s.client, o, "svc-"+strconv.FormatInt(s.now().UnixMilli(), 10)) // want `MessageDeduplicationId is built from time.Now\(\) \(called through s.now\)`
}

// Scheduler's clock is set by an option only.
type Scheduler struct {
	client *sqs.Client
	clock  func() time.Time
}

func withSystemClock() func(*Scheduler) { return func(s *Scheduler) { s.clock = time.Now } }

func NewScheduler(c *sqs.Client) *Scheduler {
	s := &Scheduler{client: c}
	withSystemClock()(s)
	return s
}

// newFrozenScheduler is for tests: a fake clock besides time.Now. The two
// join, and the clock decides.
func newFrozenScheduler(c *sqs.Client) *Scheduler {
	s := NewScheduler(c)
	s.clock = func() time.Time { return time.Unix(1700000000, 0) }
	return s
}

func (s *Scheduler) Send(ctx context.Context, o Order) error {
	return send(ctx, s.client, o, s.clock().String()) // want `MessageDeduplicationId is built from time.Now\(\) \(called through s.clock\)`
}

// Ledger's clock is a closure, set at construction.
type Ledger struct {
	client *sqs.Client
	now    func() time.Time
}

func NewLedger(c *sqs.Client) *Ledger {
	return &Ledger{client: c, now: func() time.Time { return time.Now().UTC() }}
}

func (l *Ledger) Record(ctx context.Context, o Order) error {
	return send(ctx, l.client, o, l.now().Format("20060102T150405.000000")) // want `MessageDeduplicationId is built from time.Now\(\).UTC\(\) \(called through l.now\)`
}

// --- Results that stay quiet ---------------------------------------------------

// Minter's id generator is random by default, and anything else callers
// pass: the field is not a clock, so an unseen value keeps it unknown.
type Minter struct {
	client *sqs.Client
	newID  func() string
}

func NewMinter(c *sqs.Client, newID func() string) *Minter {
	if newID == nil {
		newID = uuid.NewString
	}
	return &Minter{client: c, newID: newID}
}

func (m *Minter) Send(ctx context.Context, o Order) error {
	return send(ctx, m.client, o, m.newID())
}

func Quiet(ctx context.Context, c *sqs.Client, o Order) error {
	key := o.Key // a method value of the message
	if err := send(ctx, c, o, key()); err != nil {
		return err
	}
	mint := uuid.NewString
	if err := send(ctx, c, o, mint()); err != nil {
		return err
	}
	// Random, or a constant in legacy mode: joined, the entropy decides.
	gen := uuid.NewString
	if o.Customer == "legacy" {
		gen = func() string { return "legacy" }
	}
	return send(ctx, c, o, gen())
}

// --- Sinks -----------------------------------------------------------------------

// A method value of another package's wrapper is checked at its call.
func MethodValue(ctx context.Context, t *queue.Topic, o Order) error {
	publish := t.Publish
	if err := publish(ctx, o.Customer, o.ID, o.Body); err != nil {
		return err
	}
	return publish(ctx, o.Customer, "order-placed", o.Body) // want `MessageDeduplicationId is constant "order-placed", passed to queue.Topic.Publish`
}

// Relay holds its wrapper in a function-typed field.
type Relay struct {
	publish func(ctx context.Context, group, dedup, body string) error
}

func NewRelay(t *queue.Topic) *Relay { return &Relay{publish: t.Publish} }

func (r *Relay) Forward(ctx context.Context, o Order) error {
	if err := r.publish(ctx, o.Customer, o.Key(), o.Body); err != nil {
		return err
	}
	return r.publish(ctx, o.Customer, strconv.FormatInt(time.Now().UnixNano(), 10), o.Body) // want `MessageDeduplicationId is built from strconv.FormatInt\(time.Now\(\).UnixNano\(\), 10\), passed to queue.Topic.Publish`
}

// Through a local wrapper of this package, passed along as a value.
func sendVia(ctx context.Context, c *sqs.Client, o Order, dedup string) error {
	return send(ctx, c, o, dedup)
}

func Passed(ctx context.Context, c *sqs.Client, o Order) error {
	do := sendVia
	if err := do(ctx, c, o, o.ID); err != nil {
		return err
	}
	return do(ctx, c, o, "fixed") // want `MessageDeduplicationId is constant "fixed", passed to sendVia`
}

// --- Across packages ---------------------------------------------------------------

func Relayed(ctx context.Context, t *queue.Topic, o Order) error {
	s := relay.NewSender(t)
	if err := s.Send(ctx, o.Customer, o.ID, o.Body); err != nil {
		return err
	}
	if err := s.Send(ctx, o.Customer, relay.Token(), o.Body); err != nil { // want `MessageDeduplicationId is built from relay.Token\(\) \(from time.Now\(\) \(called through clock\)\), passed to relay.Sender.Send`
		return err
	}
	return s.Send(ctx, o.Customer, "relayed", o.Body) // want `MessageDeduplicationId is constant "relayed", passed to relay.Sender.Send`
}

func RelayClock(ctx context.Context, c *sqs.Client, o Order) error {
	if err := send(ctx, c, o, relay.Now().Format(time.StampNano)); err != nil { // want `MessageDeduplicationId is built from time.Now\(\) \(called through relay.Now\)`
		return err
	}
	return send(ctx, c, o, relay.Label())
}
