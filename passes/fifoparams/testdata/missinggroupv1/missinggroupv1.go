// Package missinggroupv1 sends to FIFO queues and topics (v1).
package missinggroupv1

import (
	"context"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/sns"
	"github.com/aws/aws-sdk-go/service/sns/snsiface"
	"github.com/aws/aws-sdk-go/service/sqs"
)

const ordersURL = "https://sqs.us-east-1.amazonaws.com/123456789012/orders.fifo"

func missing(ctx context.Context, c *sqs.SQS) {
	c.SendMessageWithContext(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageBody: aws.String("b")}) // want `SendMessage to FIFO queue "…/orders.fifo" has no MessageGroupId`
}

func setBySetter(c *sqs.SQS, group string) {
	in := &sqs.SendMessageInput{QueueUrl: aws.String(ordersURL), MessageBody: aws.String("b")}
	in.SetMessageGroupId(group)
	c.SendMessage(in)
}

func requestForm(c *sqs.SQS) error {
	in := &sqs.SendMessageInput{} // want `SendMessage to FIFO queue "…/orders.fifo" has no MessageGroupId`
	in.SetQueueUrl(ordersURL).SetMessageBody("b")
	req, _ := c.SendMessageRequest(in)
	return req.Send()
}

func batch(c *sqs.SQS) {
	c.SendMessageBatch(&sqs.SendMessageBatchInput{
		QueueUrl: aws.String(ordersURL),
		Entries: []*sqs.SendMessageBatchRequestEntry{
			{Id: aws.String("a"), MessageBody: aws.String("1")}, // want `SendMessageBatch entry to FIFO queue "…/orders.fifo" has no MessageGroupId`
			{Id: aws.String("b"), MessageBody: aws.String("2"), MessageGroupId: aws.String("g")},
		},
	})
}

func publish(c snsiface.SNSAPI) {
	c.Publish(&sns.PublishInput{TopicArn: aws.String("arn:aws:sns:us-east-1:123456789012:events.fifo"), Message: aws.String("m")}) // want `Publish to FIFO topic "…:events.fifo" has no MessageGroupId`
}

func publishSetter(c snsiface.SNSAPI) {
	in := &sns.PublishInput{TopicArn: aws.String("arn:aws:sns:us-east-1:123456789012:events.fifo"), Message: aws.String("m")}
	in.SetMessageGroupId("g")
	c.Publish(in)
}

func batchAppended(c *sqs.SQS, ids []string) {
	var entries []*sqs.SendMessageBatchRequestEntry
	for _, id := range ids {
		entries = append(entries, &sqs.SendMessageBatchRequestEntry{Id: aws.String(id), MessageBody: aws.String(id), DelaySeconds: aws.Int64(5)}) // want `SendMessageBatch entry to FIFO queue "…/orders.fifo" has no MessageGroupId` `DelaySeconds is 5 on a send to FIFO queue`
	}
	c.SendMessageBatch(&sqs.SendMessageBatchInput{QueueUrl: aws.String(ordersURL), Entries: entries})
}

func batchAppendedRangeSet(c *sqs.SQS, ids []string) {
	var entries []*sqs.SendMessageBatchRequestEntry
	for _, id := range ids {
		entries = append(entries, &sqs.SendMessageBatchRequestEntry{Id: aws.String(id), MessageBody: aws.String(id)})
	}
	for _, e := range entries {
		e.SetMessageGroupId("g")
	}
	c.SendMessageBatch(&sqs.SendMessageBatchInput{QueueUrl: aws.String(ordersURL), Entries: entries})
}
