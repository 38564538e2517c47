// Package batchid sets batch entry Ids, valid and not.
package batchid

import (
	"context"
	"fmt"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

const (
	max     = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
	tooLong = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
)

func send(ctx context.Context, c *sqs.Client, url string, n int) {
	c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: []types.SendMessageBatchRequestEntry{
		{Id: aws.String(max), MessageBody: aws.String("m")},
		{Id: aws.String("order_1-A"), MessageBody: aws.String("m")},
		{Id: aws.String(tooLong), MessageBody: aws.String("m")},                  // want `batch entry Id "b{37}…" is at least 81 characters long: batch Ids may use only A-Z a-z 0-9 - _ \(at most 80\)`
		{Id: aws.String("msg.1"), MessageBody: aws.String("m")},                  // want `batch entry Id "msg.1" contains '.': batch Ids may use only A-Z a-z 0-9 - _ \(at most 80\)`
		{Id: aws.String(""), MessageBody: aws.String("m")},                       // want `batch entry Id is empty`
		{Id: aws.String(fmt.Sprintf("msg.%d", n)), MessageBody: aws.String("m")}, // want `batch entry Id built from "msg." contains '.'`
		{Id: aws.String(fmt.Sprintf("msg-%d", n)), MessageBody: aws.String("m")},
		{Id: aws.String(strconv.Itoa(n)), MessageBody: aws.String("m")},
	}})
}

func duplicates(ctx context.Context, c *sqs.Client, url string) {
	c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: []types.SendMessageBatchRequestEntry{
		{Id: aws.String("a"), MessageBody: aws.String("1")},
		{Id: aws.String("b"), MessageBody: aws.String("2")},
		{Id: aws.String("a"), MessageBody: aws.String("3")}, // want `batch entry Id "a" is used twice in one request: SQS rejects the whole batch \(BatchEntryIdsNotDistinct\)`
	}})
	c.DeleteMessageBatch(ctx, &sqs.DeleteMessageBatchInput{QueueUrl: aws.String(url), Entries: []types.DeleteMessageBatchRequestEntry{
		{Id: aws.String("x"), ReceiptHandle: aws.String("h1")},
		{Id: aws.String("x"), ReceiptHandle: aws.String("h2")},   // want `batch entry Id "x" is used twice`
		{Id: aws.String("x.1"), ReceiptHandle: aws.String("h3")}, // want `batch entry Id "x.1" contains '.'`
	}})
	c.ChangeMessageVisibilityBatch(ctx, &sqs.ChangeMessageVisibilityBatchInput{QueueUrl: aws.String(url), Entries: []types.ChangeMessageVisibilityBatchRequestEntry{
		{Id: aws.String("y z"), ReceiptHandle: aws.String("h1")}, // want `batch entry Id "y z" contains ' '`
	}})
}

func publish(ctx context.Context, c *sns.Client, arn string) {
	c.PublishBatch(ctx, &sns.PublishBatchInput{TopicArn: aws.String(arn), PublishBatchRequestEntries: []snstypes.PublishBatchRequestEntry{
		{Id: aws.String("p"), Message: aws.String("1")},
		{Id: aws.String("p"), Message: aws.String("2")}, // want `batch entry Id "p" is used twice in one request: SNS rejects the whole batch`
	}})
}
