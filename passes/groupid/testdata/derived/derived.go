// Package derived builds producers from other producers: a long-lived bus
// hands out a handle scoped to one tenant or stream. Such a method runs
// while the program serves requests, so the group it is given is the
// caller's, known only where it is called.
package derived

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/google/uuid"
)

type Publisher interface {
	Publish(ctx context.Context, in *sns.PublishInput, optFns ...func(*sns.Options)) (*sns.PublishOutput, error)
}

type Bus struct {
	pub   Publisher
	topic string
}

func NewBus(p Publisher, topic string) *Bus { return &Bus{pub: p, topic: topic} }

// Scope publishes for one tenant.
type Scope struct {
	pub    Publisher
	topic  string
	tenant string
}

// ForTenant is called by handlers of other packages, per request.
func (b *Bus) ForTenant(tenant string) *Scope {
	return &Scope{pub: b.pub, topic: b.topic, tenant: tenant}
}

func (s *Scope) Emit(ctx context.Context, body string) error {
	_, err := s.pub.Publish(ctx, &sns.PublishInput{
		TopicArn:       aws.String(s.topic),
		Message:        aws.String(body),
		MessageGroupId: aws.String("tenant-" + s.tenant),
	})
	return err
}

// Queue copies itself with another group.
type Queue struct {
	client *sqs.Client
	url    string
	group  string
}

func (q Queue) WithGroup(g string) Queue {
	q.group = g
	return q
}

func (q Queue) Send(ctx context.Context, body string) error {
	_, err := q.client.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(q.url), MessageBody: aws.String(body), MessageGroupId: aws.String(q.group)})
	return err
}

// Stream is handed out once, while the app is wired, with a constant.
type Stream struct {
	bus  *Bus
	name string
}

func (b *Bus) Stream(name string) *Stream { return &Stream{bus: b, name: name} }

func (s *Stream) Emit(ctx context.Context, body string) error {
	_, err := s.bus.pub.Publish(ctx, &sns.PublishInput{
		TopicArn:       aws.String(s.bus.topic),
		Message:        aws.String(body),
		MessageGroupId: aws.String(s.name), // want `MessageGroupId is field name, set once in Bus.Stream`
	})
	return err
}

type App struct{ audit *Stream }

func NewApp(b *Bus) *App { return &App{audit: b.Stream("audit")} }

// Session draws a fresh group for each session it hands out: as many
// groups as sessions.
type Session struct {
	bus   *Bus
	group string
}

func (b *Bus) Session() *Session { return &Session{bus: b, group: uuid.NewString()} }

func (s *Session) Emit(ctx context.Context, body string) error {
	_, err := s.bus.pub.Publish(ctx, &sns.PublishInput{
		TopicArn:       aws.String(s.bus.topic),
		Message:        aws.String(body),
		MessageGroupId: aws.String(s.group),
	})
	return err
}

// Ledger is handed out with the bus's own configured group: fixed however
// often it is called.
type Ledger struct {
	bus   *Bus
	group string
}

const ledgerGroup = "ledger"

func (b *Bus) Ledger() *Ledger { return &Ledger{bus: b, group: ledgerGroup} }

func (l *Ledger) Emit(ctx context.Context, body string) error {
	_, err := l.bus.pub.Publish(ctx, &sns.PublishInput{
		TopicArn:       aws.String(l.bus.topic),
		Message:        aws.String(body),
		MessageGroupId: aws.String(l.group), // want `MessageGroupId is field group, set once in Bus.Ledger`
	})
	return err
}
