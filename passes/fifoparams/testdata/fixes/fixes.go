// Package fixes has the two suggested fixes of fifoparams.
package fixes

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

const (
	ordersURL = "https://sqs.us-east-1.amazonaws.com/123456789012/orders.fifo"
	auditURL  = "https://sqs.us-east-1.amazonaws.com/123456789012/audit"
)

func delay(ctx context.Context, c *sqs.Client, body, group string) {
	c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(ordersURL),
		DelaySeconds:   10, // want `DelaySeconds is 10 on a send to FIFO queue`
		MessageBody:    aws.String(body),
		MessageGroupId: aws.String(group),
	})
}

func delayLast(ctx context.Context, c *sqs.Client, body, group string) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageBody: aws.String(body), MessageGroupId: aws.String(group), DelaySeconds: 5}) // want `DelaySeconds is 5 on a send to FIFO queue`
}

// A variable delay has no fix: the code may mean something else.
func delayVariable(ctx context.Context, c *sqs.Client, body, group string, d int32) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageBody: aws.String(body), MessageGroupId: aws.String(group), DelaySeconds: d}) // want `DelaySeconds may be non-zero`
}

func dedup(ctx context.Context, c *sqs.Client, body, id string) {
	c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(auditURL),
		MessageDeduplicationId: aws.String(id), // want `MessageDeduplicationId set on a send to standard queue "…/audit"`
		MessageBody:            aws.String(body),
	})
}
