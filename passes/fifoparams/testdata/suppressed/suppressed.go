// Package suppressed silences fifoparams findings, a whole pass or one rule.
package suppressed

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

const ordersURL = "https://sqs.us-east-1.amazonaws.com/123456789012/orders.fifo"

func send(ctx context.Context, c *sqs.Client) {
	c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(ordersURL),
		MessageGroupId: aws.String("g"),
		DelaySeconds:   1000, //fifolint:ignore fifoparams.delay a replay tool that expects the error // want `DelaySeconds is 1000: SQS accepts 0 to 900`
	})
	c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(ordersURL),
		MessageGroupId: aws.String("g"),
		DelaySeconds:   2000, //fifolint:ignore fifoparams a replay tool that expects the error
	})
	c.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(ordersURL), MaxNumberOfMessages: 5}) //fifolint:ignore fifoparams.ranges stale // want `directive for fifoparams suppresses nothing here`
}
