// Package batchsize sends batches whose length is known, valid and not.
package batchsize

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

func e(id string) types.SendMessageBatchRequestEntry {
	return types.SendMessageBatchRequestEntry{Id: aws.String(id), MessageBody: aws.String(id)}
}

func sizes(ctx context.Context, c *sqs.Client, url string, n int) {
	c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: []types.SendMessageBatchRequestEntry{
		e("1"), e("2"), e("3"), e("4"), e("5"), e("6"), e("7"), e("8"), e("9"), e("10"),
	}})
	c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: []types.SendMessageBatchRequestEntry{ // want `SendMessageBatch with 11 entries: at most 10 are allowed \(TooManyEntriesInBatchRequest\)`
		e("1"), e("2"), e("3"), e("4"), e("5"), e("6"), e("7"), e("8"), e("9"), e("10"), e("11"),
	}})
	c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: []types.SendMessageBatchRequestEntry{}}) // want `SendMessageBatch with an empty, non-nil entry list: SQS rejects it \(EmptyBatchRequest\)`
	c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: nil})
	c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: make([]types.SendMessageBatchRequestEntry, 12)}) // want `SendMessageBatch with 12 entries`
	c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: make([]types.SendMessageBatchRequestEntry, 0, 20)})
	c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: make([]types.SendMessageBatchRequestEntry, n)})
	var arr [11]types.SendMessageBatchRequestEntry
	c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: arr[:]}) // want `SendMessageBatch with 11 entries`
	var ten [10]types.SendMessageBatchRequestEntry
	c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: ten[:]})
	c.DeleteMessageBatch(ctx, &sqs.DeleteMessageBatchInput{QueueUrl: aws.String(url), Entries: []types.DeleteMessageBatchRequestEntry{}}) // want `DeleteMessageBatch with an empty, non-nil entry list`
	in := &sqs.SendMessageBatchInput{QueueUrl: aws.String(url)}
	in.Entries = []types.SendMessageBatchRequestEntry{} // want `SendMessageBatch with an empty`
	c.SendMessageBatch(ctx, in)
}

func publish(ctx context.Context, c *sns.Client, arn string) {
	c.PublishBatch(ctx, &sns.PublishBatchInput{TopicArn: aws.String(arn), PublishBatchRequestEntries: []snstypes.PublishBatchRequestEntry{}}) // want `PublishBatch with an empty, non-nil entry list: SNS rejects it`
}
