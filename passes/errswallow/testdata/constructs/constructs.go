// Package constructs checks errswallow on Go constructs that reach a send
// in less usual ways: generics, method values and expressions,
// function-typed fields, embedded interfaces and structs, dot and renamed
// imports, and type aliases. Each dropped error is reported; each handled
// one is not.
package constructs

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
)

func in() *awssqs.SendMessageInput {
	return &awssqs.SendMessageInput{QueueUrl: aws.String("q"), MessageBody: aws.String("b")}
}

// --- Generics ---------------------------------------------------------------

// SQSAPI is a constraint with the shape of the send.
type SQSAPI interface {
	SendMessage(ctx context.Context, in *awssqs.SendMessageInput, optFns ...func(*awssqs.Options)) (*awssqs.SendMessageOutput, error)
}

// DropGeneric sends through a value of type parameter type.
func DropGeneric[C SQSAPI](ctx context.Context, c C) {
	c.SendMessage(ctx, in()) // want `the error from SendMessage is not checked`
}

// SendGeneric returns the error: a wrapper, generic over the client.
func SendGeneric[C SQSAPI](ctx context.Context, c C) error {
	_, err := c.SendMessage(ctx, in())
	return err
}

// Producer is generic over the payload; Send wraps the send.
type Producer[T fmt.Stringer] struct{ api SQSAPI }

func (p *Producer[T]) Send(ctx context.Context, v T) error {
	_, err := p.api.SendMessage(ctx, &awssqs.SendMessageInput{MessageBody: aws.String(v.String())})
	if err != nil {
		return fmt.Errorf("send %s: %w", v, err)
	}
	return nil
}

type ID string

func (i ID) String() string { return string(i) }

func UseGenerics(ctx context.Context, c *awssqs.Client, p *Producer[ID]) error {
	_ = SendGeneric(ctx, c)                      // want `the error from SendGeneric \(which returns the error of SendMessage\) is assigned to _`
	SendGeneric[*awssqs.Client](ctx, c)          // want `the error from SendGeneric \(which returns the error of SendMessage\) is not checked`
	if err := p.Send(ctx, ID("x")); err != nil { // want `on failure this code returns nil`
		return nil
	}
	return SendGeneric(ctx, c)
}

// --- Method values and method expressions -------------------------------------

func MethodValue(ctx context.Context, c *awssqs.Client) {
	send := c.SendMessage
	send(ctx, in()) // want `the error from SendMessage is not checked`
}

func MethodValueHandled(ctx context.Context, c *awssqs.Client) error {
	send := c.SendMessage
	_, err := send(ctx, in())
	return err
}

func MethodExpression(ctx context.Context, c *awssqs.Client) {
	_, _ = (*awssqs.Client).SendMessage(c, ctx, in()) // want `the error from SendMessage is assigned to _`
}

// --- Function-typed fields -------------------------------------------------------

// SendFunc names a send's function type.
type SendFunc func(context.Context, *awssqs.SendMessageInput, ...func(*awssqs.Options)) (*awssqs.SendMessageOutput, error)

type FieldProducer struct {
	send    SendFunc
	publish func(context.Context, *sns.PublishInput, ...func(*sns.Options)) (*sns.PublishOutput, error)
}

func NewFieldProducer(c *awssqs.Client, t *sns.Client) *FieldProducer {
	return &FieldProducer{send: c.SendMessage, publish: t.Publish}
}

func (p *FieldProducer) NamedFuncField(ctx context.Context) {
	p.send(ctx, in()) // want `the error from SendMessage is not checked`
}

// NamedFuncWrapper returns the error of a send made through a field of a
// named function type: a wrapper.
func (p *FieldProducer) NamedFuncWrapper(ctx context.Context) error {
	_, err := p.send(ctx, in())
	return err
}

func (p *FieldProducer) Dropped(ctx context.Context) {
	go p.publish(ctx, &sns.PublishInput{}) // want `Publish runs in a goroutine and its error is dropped`
}

func (p *FieldProducer) Unread(ctx context.Context, validate func() error) error {
	err := validate()
	if err != nil {
		return err
	}
	_, err = p.publish(ctx, &sns.PublishInput{Message: aws.String("m")}) // want `the error from Publish is assigned to err but never read`
	return nil
}

func (p *FieldProducer) Handled(ctx context.Context) error {
	if _, err := p.publish(ctx, &sns.PublishInput{Message: aws.String("m")}); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	return nil
}

// --- Embedded interfaces and structs ------------------------------------------

type Base interface{ SQSAPI }

type Full interface {
	Base
	Publish(ctx context.Context, in *sns.PublishInput, optFns ...func(*sns.Options)) (*sns.PublishOutput, error)
}

type Embedded struct{ *awssqs.Client }

func EmbeddedInterface(ctx context.Context, f Full) {
	f.SendMessage(ctx, in())                                           // want `the error from SendMessage is not checked`
	_, _ = f.Publish(ctx, &sns.PublishInput{Message: aws.String("m")}) // want `the error from Publish is assigned to _`
}

func EmbeddedStruct(ctx context.Context, e Embedded) bool {
	if _, err := e.SendMessage(ctx, in()); err != nil { // want `on failure this code returns false`
		return false
	}
	return true
}

func EmbeddedHandled(ctx context.Context, f Full, e Embedded) error {
	if _, err := f.SendMessage(ctx, in()); err != nil {
		panic(err)
	}
	if _, err := e.SendMessage(ctx, in()); err != nil {
		return fmt.Errorf("embedded: %w", err)
	}
	return nil
}

// --- Type aliases ------------------------------------------------------------------

type (
	Client     = awssqs.Client
	Input      = awssqs.SendMessageInput
	BatchInput = awssqs.SendMessageBatchInput
	// AliasedFunc is an alias of a send's function type.
	AliasedFunc = func(context.Context, *Input, ...func(*awssqs.Options)) (*awssqs.SendMessageOutput, error)
	// GenericSend is a generic alias of a send's function type.
	GenericSend[I, O any] = func(context.Context, I, ...func(*awssqs.Options)) (O, error)
)

func Aliases(ctx context.Context, c *Client, f AliasedFunc, g GenericSend[*Input, *awssqs.SendMessageOutput]) {
	c.SendMessage(ctx, &Input{MessageBody: aws.String("b")}) // want `the error from SendMessage is not checked`
	f(ctx, &Input{})                                         // want `the error from SendMessage is not checked`
	_, _ = g(ctx, &Input{})                                  // want `the error from SendMessage is assigned to _`
	out, err := c.SendMessageBatch(ctx, &BatchInput{})       // want `SendMessageBatch reports failed entries in Failed even when err is nil; this code never reads out.Failed`
	if err != nil {
		panic(err)
	}
	_ = out.Successful
}

func AliasesHandled(ctx context.Context, c *Client) error {
	out, err := c.SendMessageBatch(ctx, &BatchInput{})
	if err != nil {
		return err
	}
	if len(out.Failed) > 0 {
		return fmt.Errorf("%d failed", len(out.Failed))
	}
	return nil
}
