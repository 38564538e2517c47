// Package ranges sets numeric parameters at and beyond their documented
// limits (v2, where 0 means unset).
package ranges

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

func receive(ctx context.Context, c *sqs.Client, url string) {
	c.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(url), MaxNumberOfMessages: 0, WaitTimeSeconds: 0, VisibilityTimeout: 0})
	c.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(url), MaxNumberOfMessages: 1, WaitTimeSeconds: 20, VisibilityTimeout: 43200})
	c.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(url), MaxNumberOfMessages: 10})
	c.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(url), MaxNumberOfMessages: 20})  // want `MaxNumberOfMessages is 20: SQS accepts 1 to 10`
	c.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(url), MaxNumberOfMessages: 11})  // want `MaxNumberOfMessages is 11: SQS accepts 1 to 10`
	c.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(url), WaitTimeSeconds: 21})      // want `WaitTimeSeconds is 21: SQS accepts 0 to 20`
	c.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(url), VisibilityTimeout: 43201}) // want `VisibilityTimeout is 43201: SQS accepts 0 to 43200 \(12 hours\)`
	in := &sqs.ReceiveMessageInput{QueueUrl: aws.String(url)}
	in.MaxNumberOfMessages = -1 // want `MaxNumberOfMessages is -1: SQS accepts 1 to 10`
	c.ReceiveMessage(ctx, in)
}

func visibility(ctx context.Context, c *sqs.Client, url, h string) {
	c.ChangeMessageVisibility(ctx, &sqs.ChangeMessageVisibilityInput{QueueUrl: aws.String(url), ReceiptHandle: aws.String(h), VisibilityTimeout: 43200})
	c.ChangeMessageVisibility(ctx, &sqs.ChangeMessageVisibilityInput{QueueUrl: aws.String(url), ReceiptHandle: aws.String(h), VisibilityTimeout: 86400}) // want `VisibilityTimeout is 86400: SQS accepts 0 to 43200`
	c.ChangeMessageVisibilityBatch(ctx, &sqs.ChangeMessageVisibilityBatchInput{QueueUrl: aws.String(url), Entries: []types.ChangeMessageVisibilityBatchRequestEntry{
		{Id: aws.String("a"), ReceiptHandle: aws.String(h), VisibilityTimeout: 60},
		{Id: aws.String("b"), ReceiptHandle: aws.String(h), VisibilityTimeout: 50000}, // want `VisibilityTimeout is 50000: SQS accepts 0 to 43200`
	}})
}

func delay(ctx context.Context, c *sqs.Client, url string) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(url), DelaySeconds: 900})
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(url), DelaySeconds: 901}) // want `DelaySeconds is 901: SQS accepts 0 to 900 \(15 minutes\)`
	c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: []types.SendMessageBatchRequestEntry{
		{Id: aws.String("a"), MessageBody: aws.String("m"), DelaySeconds: 3600}, // want `DelaySeconds is 3600: SQS accepts 0 to 900`
	}})
}
