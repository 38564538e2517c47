package basic

import (
	"bytes"
	"context"
	"text/template"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/google/uuid"
)

type Config struct {
	QueueURL string
	GroupID  string
}

// Producer is built once by the DI container; its group id is fixed then.
type Producer struct {
	client   *sqs.Client
	queueURL string
	groupID  string
	cfg      Config
}

func NewProducer(c *sqs.Client, cfg Config) *Producer {
	return &Producer{client: c, queueURL: cfg.QueueURL, groupID: uuid.NewString(), cfg: cfg}
}

func (p *Producer) Send(ctx context.Context, o Order) error {
	_, err := p.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(p.queueURL),
		MessageBody:    aws.String(o.ID),
		MessageGroupId: aws.String(p.groupID), // want `MessageGroupId is field groupID, set once in NewProducer`
	})
	return err
}

func (p *Producer) SendCfg(ctx context.Context, o Order) error {
	_, err := p.client.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(p.cfg.GroupID), MessageBody: aws.String(o.ID)}) // want `MessageGroupId is field cfg.GroupID, set once in NewProducer`
	return err
}

func (p *Producer) group() string { return p.groupID }

func (p *Producer) SendViaMethod(ctx context.Context, o Order) error {
	_, err := p.client.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(p.group()), MessageBody: aws.String(o.ID)}) // want `MessageGroupId is Producer.group\(\), which returns field groupID, set once in NewProducer`
	return err
}

// Quiet: a prefix fixed at construction joined with the message's key.
func (p *Producer) SendPrefixed(ctx context.Context, o Order) error {
	_, err := p.client.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(p.cfg.GroupID + ":" + o.Customer), MessageBody: aws.String(o.ID)})
	return err
}

// Sender is mockable; the producer behind it is still long-lived.
type Sender interface {
	SendMessage(ctx context.Context, in *sqs.SendMessageInput, optFns ...func(*sqs.Options)) (*sqs.SendMessageOutput, error)
}

type Option func(*TenantProducer)

func WithGroup(g string) Option { return func(p *TenantProducer) { p.group = g } }

type TenantProducer struct {
	sender Sender
	group  string
	tmpl   *template.Template
	keyFn  func(Order) string
	last   string
}

func ProvideTenantProducer(s Sender, opts ...Option) *TenantProducer {
	p := &TenantProducer{sender: s}
	for _, o := range opts {
		o(p)
	}
	return p
}

func (p *TenantProducer) Send(ctx context.Context, o Order) error {
	_, err := p.sender.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(p.group), MessageBody: aws.String(o.ID)}) // want `MessageGroupId is field group, set once in WithGroup`
	return err
}

// Quiet: a template fixed at construction, evaluated per message.
func (p *TenantProducer) SendTemplated(ctx context.Context, o Order) error {
	var b bytes.Buffer
	if err := p.tmpl.Execute(&b, o); err != nil {
		return err
	}
	_, err := p.sender.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(b.String()), MessageBody: aws.String(o.ID)})
	return err
}

// Quiet: a function-valued field called per message.
func (p *TenantProducer) SendKeyed(ctx context.Context, o Order) error {
	_, err := p.sender.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(p.keyFn(o)), MessageBody: aws.String(o.ID)})
	return err
}

// Quiet: a field reassigned on the per-message path.
func (p *TenantProducer) SendLast(ctx context.Context, o Order) error {
	p.last = o.Tenant
	_, err := p.sender.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(p.last), MessageBody: aws.String(o.ID)})
	return err
}

// Message is a per-message value, not a producer: its constructor runs for
// every message.
type Message struct {
	Group, Body string
}

func NewMessage(group, body string) Message { return Message{Group: group, Body: body} }

// Quiet: the receiver is the message itself.
func (m Message) Input() *sqs.SendMessageInput {
	return &sqs.SendMessageInput{MessageGroupId: aws.String(m.Group), MessageBody: aws.String(m.Body)}
}

func SendMessageValue(ctx context.Context, c *sqs.Client, o Order) error {
	_, err := c.SendMessage(ctx, NewMessage(o.Customer, o.ID).Input())
	return err
}

func SendConstMessage(ctx context.Context, c *sqs.Client, o Order) error {
	m := Message{Group: "static", Body: o.ID}
	_, err := c.SendMessage(ctx, m.Input()) // want `MessageGroupId is constant "static", passed to Message.Input`
	return err
}

// ScopedPublisher is created per tenant, per request: its group is the
// tenant's.
type ScopedPublisher struct {
	client *sqs.Client
	group  string
}

func newScoped(c *sqs.Client, tenant string) *ScopedPublisher {
	return &ScopedPublisher{client: c, group: tenant}
}

func (s *ScopedPublisher) Send(ctx context.Context, body string) error {
	_, err := s.client.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(s.group), MessageBody: aws.String(body)})
	return err
}

func HandleOrder(ctx context.Context, c *sqs.Client, o Order) error {
	return newScoped(c, o.Tenant).Send(ctx, o.ID)
}
