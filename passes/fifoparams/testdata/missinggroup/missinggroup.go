// Package missinggroup sends to FIFO queues and topics with and without a
// MessageGroupId.
package missinggroup

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

const (
	ordersURL   = "https://sqs.us-east-1.amazonaws.com/123456789012/orders.fifo"
	eventsTopic = "arn:aws:sns:us-east-1:123456789012:events.fifo"
	plainTopic  = "arn:aws:sns:us-east-1:123456789012:events"
)

type Order struct{ ID, Customer string }

func missing(ctx context.Context, c *sqs.Client, o Order) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageBody: aws.String(o.ID)}) // want `SendMessage to FIFO queue "…/orders.fifo" has no MessageGroupId: SQS rejects it with MissingParameter; set a per-message group id \(the ordering key\)`
}

func missingVar(ctx context.Context, c *sqs.Client, o Order) {
	in := &sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageBody: aws.String(o.ID)} // want `SendMessage to FIFO queue "…/orders.fifo" has no MessageGroupId`
	in.MessageDeduplicationId = aws.String(o.ID)
	c.SendMessage(ctx, in)
}

func setByLiteral(ctx context.Context, c *sqs.Client, o Order) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageBody: aws.String(o.ID), MessageGroupId: aws.String(o.Customer)})
}

func setByAssignment(ctx context.Context, c *sqs.Client, o Order) {
	in := &sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageBody: aws.String(o.ID)}
	if o.Customer != "" {
		in.MessageGroupId = aws.String(o.Customer)
	}
	c.SendMessage(ctx, in)
}

func withGroup(in *sqs.SendMessageInput, o Order) { in.MessageGroupId = aws.String(o.Customer) }

func setByHelper(ctx context.Context, c *sqs.Client, o Order) {
	in := &sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageBody: aws.String(o.ID)}
	withGroup(in, o)
	c.SendMessage(ctx, in)
}

func escapesToMap(ctx context.Context, c *sqs.Client, o Order, pending map[string]*sqs.SendMessageInput) {
	in := &sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageBody: aws.String(o.ID)}
	pending[o.ID] = in
	c.SendMessage(ctx, in)
}

func escapesToClosure(ctx context.Context, c *sqs.Client, o Order) {
	in := &sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageBody: aws.String(o.ID)}
	decorate := func() { in.MessageGroupId = aws.String(o.Customer) }
	decorate()
	c.SendMessage(ctx, in)
}

// An input built elsewhere may carry its group.
func builtElsewhere(ctx context.Context, c *sqs.Client, in *sqs.SendMessageInput) {
	in.QueueUrl = aws.String(ordersURL)
	c.SendMessage(ctx, in)
}

func batch(ctx context.Context, c *sqs.Client) {
	c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{
		QueueUrl: aws.String(ordersURL),
		Entries: []types.SendMessageBatchRequestEntry{
			{Id: aws.String("a"), MessageBody: aws.String("1"), MessageGroupId: aws.String("g")},
			{Id: aws.String("b"), MessageBody: aws.String("2")}, // want `SendMessageBatch entry to FIFO queue "…/orders.fifo" has no MessageGroupId`
		},
	})
}

func entry(id, group string) types.SendMessageBatchRequestEntry {
	return types.SendMessageBatchRequestEntry{Id: aws.String(id), MessageBody: aws.String(id), MessageGroupId: aws.String(group)}
}

func batchFromHelper(ctx context.Context, c *sqs.Client) {
	c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{
		QueueUrl: aws.String(ordersURL),
		Entries:  []types.SendMessageBatchRequestEntry{entry("a", "g"), entry("b", "h")},
	})
}

func batchGroupAssigned(ctx context.Context, c *sqs.Client) {
	in := &sqs.SendMessageBatchInput{
		QueueUrl: aws.String(ordersURL),
		Entries:  []types.SendMessageBatchRequestEntry{{Id: aws.String("a"), MessageBody: aws.String("1")}},
	}
	in.Entries[0].MessageGroupId = aws.String("g")
	c.SendMessageBatch(ctx, in)
}

func publishFIFO(ctx context.Context, c *sns.Client) {
	c.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(eventsTopic), Message: aws.String("m")}) // want `Publish to FIFO topic "…:events.fifo" has no MessageGroupId: SNS FIFO requires one on every message`
}

func publishTarget(ctx context.Context, c *sns.Client) {
	c.Publish(ctx, &sns.PublishInput{TargetArn: aws.String(eventsTopic), Message: aws.String("m"), MessageGroupId: aws.String("g")})
}

func publishStandard(ctx context.Context, c *sns.Client) {
	c.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(plainTopic), Message: aws.String("m")})
}

// A deduplication id is no evidence on SNS.
func publishDedupOnly(ctx context.Context, c *sns.Client, arn string) {
	c.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(arn), Message: aws.String("m"), MessageDeduplicationId: aws.String("d")})
}

func publishBatch(ctx context.Context, c *sns.Client) {
	c.PublishBatch(ctx, &sns.PublishBatchInput{
		TopicArn: aws.String(eventsTopic),
		PublishBatchRequestEntries: []snstypes.PublishBatchRequestEntry{
			{Id: aws.String("a"), Message: aws.String("1")}, // want `PublishBatch entry to FIFO topic "…:events.fifo" has no MessageGroupId`
			{Id: aws.String("b"), Message: aws.String("2"), MessageGroupId: aws.String("g")},
		},
	})
}

// Dedup on SQS proves FIFO: a group is then required too.
func dedupButNoGroup(ctx context.Context, c *sqs.Client, url string, o Order) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageBody: aws.String(o.ID), MessageDeduplicationId: aws.String(o.ID)}) // want `SendMessage to a FIFO queue \(the input sets MessageDeduplicationId, which standard queues reject\) has no MessageGroupId`
}

func batchAppended(ctx context.Context, c *sqs.Client, orders []Order) {
	entries := make([]types.SendMessageBatchRequestEntry, 0, len(orders))
	for _, o := range orders {
		entries = append(entries, types.SendMessageBatchRequestEntry{Id: aws.String(o.ID), MessageBody: aws.String(o.ID)}) // want `SendMessageBatch entry to FIFO queue "…/orders.fifo" has no MessageGroupId`
	}
	c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(ordersURL), Entries: entries})
}

func batchAppendedGrouped(ctx context.Context, c *sqs.Client, orders []Order) {
	var entries []types.SendMessageBatchRequestEntry
	for _, o := range orders {
		entries = append(entries, types.SendMessageBatchRequestEntry{Id: aws.String(o.ID), MessageBody: aws.String(o.ID), MessageGroupId: aws.String(o.Customer)})
	}
	if len(entries) == 0 {
		return
	}
	c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(ordersURL), Entries: entries})
}

func batchAppendedThenGrouped(ctx context.Context, c *sqs.Client, orders []Order) {
	var entries []types.SendMessageBatchRequestEntry
	for _, o := range orders {
		entries = append(entries, types.SendMessageBatchRequestEntry{Id: aws.String(o.ID), MessageBody: aws.String(o.ID)})
	}
	for i := range entries {
		entries[i].MessageGroupId = aws.String("g")
	}
	c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(ordersURL), Entries: entries})
}

func batchHandedOn(ctx context.Context, c *sqs.Client, orders []Order, decorate func([]types.SendMessageBatchRequestEntry)) {
	var entries []types.SendMessageBatchRequestEntry
	for _, o := range orders {
		entries = append(entries, types.SendMessageBatchRequestEntry{Id: aws.String(o.ID), MessageBody: aws.String(o.ID)})
	}
	decorate(entries)
	c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(ordersURL), Entries: entries})
}
