// Package standarddedup sends deduplication ids to standard queues, and to
// queues whose type is not known.
package standarddedup

import (
	"context"
	"os"

	awsv1 "github.com/aws/aws-sdk-go/aws"
	sqsv1 "github.com/aws/aws-sdk-go/service/sqs"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"

	"example.com/fifoparams/queues"
)

type Client interface {
	SendMessage(context.Context, *sqs.SendMessageInput, ...func(*sqs.Options)) (*sqs.SendMessageOutput, error)
	SendMessageBatch(context.Context, *sqs.SendMessageBatchInput, ...func(*sqs.Options)) (*sqs.SendMessageBatchOutput, error)
	GetQueueUrl(context.Context, *sqs.GetQueueUrlInput, ...func(*sqs.Options)) (*sqs.GetQueueUrlOutput, error)
}

func standard(ctx context.Context, c Client, id string) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(queues.AuditURL), MessageBody: aws.String("m"), MessageDeduplicationId: aws.String(id)}) // want `MessageDeduplicationId set on a send to standard queue "…/audit": SQS rejects it \(InvalidParameterValue: not valid for this queue type\); remove it or use the .fifo queue`
}

func standardByName(ctx context.Context, c Client, id string) error {
	out, err := c.GetQueueUrl(ctx, &sqs.GetQueueUrlInput{QueueName: aws.String("audit")})
	if err != nil {
		return err
	}
	in := &sqs.SendMessageInput{QueueUrl: out.QueueUrl, MessageBody: aws.String("m")}
	in.MessageDeduplicationId = aws.String(id) // want `MessageDeduplicationId set on a send to standard queue "…/audit"`
	_, err = c.SendMessage(ctx, in)
	return err
}

func standardBatch(ctx context.Context, c Client, base string) {
	c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(base + "/audit"), Entries: []types.SendMessageBatchRequestEntry{
		{Id: aws.String("a"), MessageBody: aws.String("m")},
		{Id: aws.String("b"), MessageBody: aws.String("m"), MessageDeduplicationId: aws.String("b")}, // want `MessageDeduplicationId set on a send to standard queue "…/audit"`
	}})
}

func nilDedup(ctx context.Context, c Client) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(queues.AuditURL), MessageBody: aws.String("m"), MessageDeduplicationId: nil})
}

// Quiet: FIFO, unknown (a name taken from the environment), a prefix only.
func fifo(ctx context.Context, c Client, id string) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(queues.OrdersURL), MessageBody: aws.String("m"), MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String(id)})
}

func unknown(ctx context.Context, c Client, id string) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(os.Getenv("QUEUE_URL")), MessageBody: aws.String("m"), MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String(id)})
}

func unknownName(ctx context.Context, c Client, name, id string) error {
	out, err := c.GetQueueUrl(ctx, &sqs.GetQueueUrlInput{QueueName: aws.String("audit-" + name)})
	if err != nil {
		return err
	}
	_, err = c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: out.QueueUrl, MessageBody: aws.String("m"), MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String(id)})
	return err
}

func v1(c *sqsv1.SQS, id string) {
	in := &sqsv1.SendMessageInput{QueueUrl: awsv1.String(queues.AuditURL), MessageBody: awsv1.String("m")}
	in.SetMessageDeduplicationId(id) // want `MessageDeduplicationId set on a send to standard queue "…/audit"`
	c.SendMessage(in)
}

// A *string that may be nil is not reported.
func maybeNil(ctx context.Context, c Client, dedup *string) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(queues.AuditURL), MessageBody: aws.String("m"), MessageDeduplicationId: dedup})
}

func v1FIFO(c *sqsv1.SQS, id string) {
	in := &sqsv1.SendMessageInput{QueueUrl: awsv1.String(queues.OrdersURL), MessageBody: awsv1.String("m")}
	in.SetMessageGroupId("g").SetMessageDeduplicationId(id)
	c.SendMessage(in)
}
