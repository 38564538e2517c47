// Package delay sends to FIFO queues with per-message DelaySeconds (v2).
package delay

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

const ordersURL = "https://sqs.us-east-1.amazonaws.com/123456789012/orders.fifo"

func zero(ctx context.Context, c *sqs.Client) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageGroupId: aws.String("g"), DelaySeconds: 0})
}

func ten(ctx context.Context, c *sqs.Client) {
	c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(ordersURL),
		MessageGroupId: aws.String("g"),
		DelaySeconds:   10, // want `DelaySeconds is 10 on a send to FIFO queue "…/orders.fifo": SQS rejects per-message DelaySeconds on FIFO queues \(InvalidParameterValue\); set DelaySeconds on the queue instead, or leave it 0`
	})
}

func variable(ctx context.Context, c *sqs.Client, d int32) {
	c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(ordersURL),
		MessageGroupId: aws.String("g"),
		DelaySeconds:   d, // want `DelaySeconds may be non-zero on a send to FIFO queue "…/orders.fifo"`
	})
}

func assignedAfterLiteral(ctx context.Context, c *sqs.Client) {
	in := &sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageGroupId: aws.String("g")}
	in.DelaySeconds = 5 // want `DelaySeconds is 5 on a send`
	c.SendMessage(ctx, in)
}

func assignedAfterSend(ctx context.Context, c *sqs.Client) {
	in := &sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageGroupId: aws.String("g")}
	c.SendMessage(ctx, in)
	in.DelaySeconds = 5 // not on the path to the send
}

// Reading DelaySeconds is not setting it.
func read(ctx context.Context, c *sqs.Client, in *sqs.SendMessageInput) int32 {
	out := &sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageGroupId: aws.String("g")}
	c.SendMessage(ctx, out)
	return out.DelaySeconds + in.DelaySeconds
}

func batch(ctx context.Context, c *sqs.Client) {
	c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{
		QueueUrl: aws.String(ordersURL),
		Entries: []types.SendMessageBatchRequestEntry{
			{Id: aws.String("a"), MessageBody: aws.String("1"), MessageGroupId: aws.String("g")},
			{Id: aws.String("b"), MessageBody: aws.String("2"), MessageGroupId: aws.String("g"), DelaySeconds: 30}, // want `DelaySeconds is 30 on a send to FIFO queue`
			{Id: aws.String("c"), MessageBody: aws.String("3"), MessageGroupId: aws.String("g"), DelaySeconds: 0},
		},
	})
}

// The argoproj shape: a notifier that builds the input with a fixed delay,
// sending to a .fifo URL set at construction.
type Notifier struct {
	client   *sqs.Client
	queueURL string
}

func newTestNotifier(c *sqs.Client) *Notifier {
	return &Notifier{client: c, queueURL: "https://sqs.us-east-1.amazonaws.com/123456789012/notifications.fifo"}
}

func (n *Notifier) Send(ctx context.Context, body, group string) error {
	_, err := n.client.SendMessage(ctx, n.input(body, group))
	return err
}

func (n *Notifier) input(body, group string) *sqs.SendMessageInput {
	return &sqs.SendMessageInput{QueueUrl: aws.String(n.queueURL), MessageBody: aws.String(body), MessageGroupId: aws.String(group), DelaySeconds: 10}
}

func (n *Notifier) sendInline(ctx context.Context, body, group string) error {
	_, err := n.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(n.queueURL),
		MessageBody:    aws.String(body),
		MessageGroupId: aws.String(group),
		DelaySeconds:   10, // want `DelaySeconds is 10 on a send to FIFO queue "…/notifications.fifo"`
	})
	return err
}

// A standard queue takes any delay.
func standard(ctx context.Context, c *sqs.Client) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String("https://sqs.us-east-1.amazonaws.com/123456789012/orders"), DelaySeconds: 10})
}
