// Package delayv1 sends to FIFO queues with per-message DelaySeconds (v1).
package delayv1

import (
	"context"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/sqs"
	"github.com/aws/aws-sdk-go/service/sqs/sqsiface"
)

const ordersURL = "https://sqs.us-east-1.amazonaws.com/123456789012/orders.fifo"

func unset(c sqsiface.SQSAPI) {
	c.SendMessage(&sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageGroupId: aws.String("g"), DelaySeconds: nil})
}

func explicitZero(c sqsiface.SQSAPI) {
	c.SendMessage(&sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageGroupId: aws.String("g"), DelaySeconds: aws.Int64(0)})
}

func five(c sqsiface.SQSAPI) {
	c.SendMessage(&sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageGroupId: aws.String("g"), DelaySeconds: aws.Int64(5)}) // want `DelaySeconds is 5 on a send to FIFO queue "…/orders.fifo"`
}

func variable(ctx context.Context, c sqsiface.SQSAPI, d *int64) {
	c.SendMessageWithContext(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageGroupId: aws.String("g"), DelaySeconds: d}) // want `DelaySeconds may be non-zero`
}

func setter(c *sqs.SQS) error {
	in := &sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageGroupId: aws.String("g")}
	in.SetDelaySeconds(5) // want `DelaySeconds is 5 on a send to FIFO queue`
	req, _ := c.SendMessageRequest(in)
	return req.Send()
}

func setterZero(c *sqs.SQS) {
	in := &sqs.SendMessageInput{}
	in.SetQueueUrl(ordersURL).SetMessageGroupId("g").SetDelaySeconds(0)
	c.SendMessage(in)
}

func chainedSetters(c *sqs.SQS) {
	in := (&sqs.SendMessageInput{}).SetQueueUrl(ordersURL).SetMessageGroupId("g").SetDelaySeconds(7) // want `DelaySeconds is 7 on a send`
	c.SendMessage(in)
}

func batch(c sqsiface.SQSAPI) {
	c.SendMessageBatch(&sqs.SendMessageBatchInput{
		QueueUrl: aws.String(ordersURL),
		Entries: []*sqs.SendMessageBatchRequestEntry{
			{Id: aws.String("a"), MessageGroupId: aws.String("g"), DelaySeconds: aws.Int64(0)},
			{Id: aws.String("b"), MessageGroupId: aws.String("g"), DelaySeconds: aws.Int64(3)}, // want `DelaySeconds is 3 on a send to FIFO queue`
		},
	})
}
