// Package constructs checks groupid on Go constructs that set a message
// group id in less usual ways: generics, method values, function-typed
// fields and embedded interfaces that carry the send, renamed imports, and
// type aliases of the SDK types. A group id fixed for the process is
// reported; one derived from the message is not.
package constructs

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"

	"example.com/groupid/constructs/wrapg"
)

const fixedGroup = "constructs"

type Order struct{ ID, Customer string }

func (o Order) Key() string { return o.Customer }

// --- Generics ----------------------------------------------------------------

type Keyed interface{ Key() string }

// SendKeyed takes the group from the message, whatever its type: quiet.
func SendKeyed[T Keyed](ctx context.Context, c *awssqs.Client, v T) error {
	_, err := c.SendMessage(ctx, &awssqs.SendMessageInput{MessageGroupId: aws.String(v.Key()), MessageBody: aws.String("b")})
	return err
}

// SendConstG is generic, but its group is a constant.
func SendConstG[T any](ctx context.Context, c *awssqs.Client, v T) error {
	_, err := c.SendMessage(ctx, &awssqs.SendMessageInput{MessageGroupId: aws.String("generic"), MessageBody: aws.String("b")}) // want `MessageGroupId is constant "generic"`
	return err
}

// Publish is a generic wrapper: its callers choose the group.
func Publish[T any](ctx context.Context, c *awssqs.Client, group string, v T) error {
	_, err := c.SendMessage(ctx, &awssqs.SendMessageInput{MessageGroupId: aws.String(group), MessageBody: aws.String("b")})
	return err
}

func UseGenerics(ctx context.Context, c *awssqs.Client, o Order) error {
	if err := SendKeyed(ctx, c, o); err != nil {
		return err
	}
	if err := Publish(ctx, c, o.Customer, o); err != nil {
		return err
	}
	if err := Publish[Order](ctx, c, fixedGroup, o); err != nil { // want `MessageGroupId is constant fixedGroup \("constructs"\), passed to Publish`
		return err
	}
	// Through another package's generic wrapper.
	if err := wrapg.Publish(ctx, c, o.Customer, o); err != nil {
		return err
	}
	return wrapg.Publish(ctx, c, "cross", o) // want `MessageGroupId is constant "cross", passed to wrapg.Publish`
}

// Producer is generic over the payload; its group is fixed when it is
// constructed.
type Producer[T any] struct {
	client *awssqs.Client
	group  string
}

func NewProducer[T any](c *awssqs.Client, group string) *Producer[T] {
	return &Producer[T]{client: c, group: group}
}

func (p *Producer[T]) Send(ctx context.Context, v T) error {
	_, err := p.client.SendMessage(ctx, &awssqs.SendMessageInput{MessageGroupId: aws.String(p.group)}) // want `MessageGroupId is field group, set once in NewProducer`
	return err
}

// --- Method values, function-typed fields, embedded interfaces --------------------

type SQSAPI interface {
	SendMessage(ctx context.Context, in *awssqs.SendMessageInput, optFns ...func(*awssqs.Options)) (*awssqs.SendMessageOutput, error)
}

// API embeds the send's interface.
type API interface {
	SQSAPI
	Publish(ctx context.Context, in *sns.PublishInput, optFns ...func(*sns.Options)) (*sns.PublishOutput, error)
}

type Sender struct {
	api  API
	send func(context.Context, *awssqs.SendMessageInput, ...func(*awssqs.Options)) (*awssqs.SendMessageOutput, error)
}

func MethodValue(ctx context.Context, c *awssqs.Client, o Order) error {
	send := c.SendMessage
	if _, err := send(ctx, &awssqs.SendMessageInput{MessageGroupId: aws.String(o.Customer)}); err != nil {
		return err
	}
	_, err := send(ctx, &awssqs.SendMessageInput{MessageGroupId: aws.String(fixedGroup)}) // want `MessageGroupId is constant fixedGroup`
	return err
}

func (s *Sender) FuncField(ctx context.Context, o Order) error {
	if _, err := s.send(ctx, &awssqs.SendMessageInput{MessageGroupId: aws.String(o.Customer)}); err != nil {
		return err
	}
	_, err := s.send(ctx, &awssqs.SendMessageInput{MessageGroupId: aws.String("field-func")}) // want `MessageGroupId is constant "field-func"`
	return err
}

func (s *Sender) Embedded(ctx context.Context, o Order) error {
	if _, err := s.api.SendMessage(ctx, &awssqs.SendMessageInput{MessageGroupId: aws.String(o.Key())}); err != nil {
		return err
	}
	_, err := s.api.Publish(ctx, &sns.PublishInput{MessageGroupId: aws.String("embedded")}) // want `MessageGroupId is constant "embedded"`
	return err
}

// --- Type aliases ---------------------------------------------------------------

type (
	Client = awssqs.Client
	Input  = awssqs.SendMessageInput
	Entry  = sqstypes.SendMessageBatchRequestEntry
	// PtrTo is a generic alias.
	PtrTo[T any] = *T
)

func Aliases(ctx context.Context, c *Client, orders []Order) error {
	in := &Input{MessageGroupId: aws.String("alias"), MessageBody: aws.String("b")} // want `MessageGroupId is constant "alias"`
	if _, err := c.SendMessage(ctx, in); err != nil {
		return err
	}
	var in2 PtrTo[Input] = &Input{MessageBody: aws.String("b")}
	in2.MessageGroupId = aws.String(fixedGroup) // want `MessageGroupId is constant fixedGroup`
	if _, err := c.SendMessage(ctx, in2); err != nil {
		return err
	}
	var entries []Entry
	for _, o := range orders {
		entries = append(entries, Entry{Id: aws.String(o.ID), MessageGroupId: aws.String(o.Customer)})
		entries = append(entries, Entry{Id: aws.String(o.ID + "-audit"), MessageGroupId: aws.String("audit")}) // want `MessageGroupId is constant "audit"`
	}
	_, err := c.SendMessageBatch(ctx, &awssqs.SendMessageBatchInput{Entries: entries})
	return err
}
