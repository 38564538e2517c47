// Package constructs sends through method values, function-typed fields,
// generics, aliases and embedded interfaces, and has a generated file.
package constructs

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

const ordersURL = "https://sqs.us-east-1.amazonaws.com/123456789012/orders.fifo"

type Input = sqs.SendMessageInput

type sender interface {
	SendMessage(context.Context, *sqs.SendMessageInput, ...func(*sqs.Options)) (*sqs.SendMessageOutput, error)
}

type api interface {
	sender
}

type sendFunc func(context.Context, *sqs.SendMessageInput, ...func(*sqs.Options)) (*sqs.SendMessageOutput, error)

type producer struct {
	send sendFunc
}

func methodValue(ctx context.Context, c *sqs.Client) {
	send := c.SendMessage
	send(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageBody: aws.String("b")}) // want `SendMessage to FIFO queue "…/orders.fifo" has no MessageGroupId`
}

func (p *producer) field(ctx context.Context) {
	p.send(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageGroupId: aws.String("g"), DelaySeconds: 3}) // want `DelaySeconds is 3 on a send`
}

func alias(ctx context.Context, c api) {
	in := &Input{QueueUrl: aws.String(ordersURL), MessageGroupId: aws.String("g")}
	in.DelaySeconds = 4 // want `DelaySeconds is 4 on a send`
	c.SendMessage(ctx, in)
}

func generic[C sender](ctx context.Context, c C, body string) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageBody: aws.String(body)}) // want `SendMessage to FIFO queue "…/orders.fifo" has no MessageGroupId`
}

func valueInput(ctx context.Context, c api) {
	in := sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageGroupId: aws.String("g"), DelaySeconds: 6} // want `DelaySeconds is 6 on a send`
	c.SendMessage(ctx, &in)
}
