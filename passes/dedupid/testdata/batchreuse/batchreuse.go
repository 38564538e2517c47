// Package batchreuse keeps one entries buffer outside a loop and reuses it.
// Emptied at every iteration, it holds one iteration's entries: a fan-out
// that sends one batch per queue repeats an id across queues only, where
// deduplication does not reach. Emptied only when a chunk is full, it
// collects entries across iterations, and a per-call id repeats in a batch.
package batchreuse

import (
	"context"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	sqsv1 "github.com/aws/aws-sdk-go/service/sqs"
)

type Invoice struct{ ID, Account string }

// Replicate reuses its buffer, truncated at the top of every iteration.
func Replicate(ctx context.Context, c *sqs.Client, queues []string, inv Invoice, requestID string) error {
	buf := make([]types.SendMessageBatchRequestEntry, 0, 1)
	for _, q := range queues {
		buf = buf[:0]
		buf = append(buf, types.SendMessageBatchRequestEntry{
			Id:                     aws.String("inv"),
			MessageBody:            aws.String(inv.ID),
			MessageGroupId:         aws.String(inv.Account),
			MessageDeduplicationId: aws.String(requestID),
		})
		if _, err := c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(q), Entries: buf}); err != nil {
			return err
		}
	}
	return nil
}

type fanout struct {
	client  *sns.Client
	pending []snstypes.PublishBatchRequestEntry
}

// Mirror empties a field after each topic's batch, with nil.
func (f *fanout) Mirror(ctx context.Context, topics []string, inv Invoice, requestID string) error {
	for _, t := range topics {
		f.pending = append(f.pending, snstypes.PublishBatchRequestEntry{
			Id:                     aws.String("inv"),
			Message:                aws.String(inv.ID),
			MessageGroupId:         aws.String(inv.Account),
			MessageDeduplicationId: aws.String(requestID),
		})
		_, err := f.client.PublishBatch(ctx, &sns.PublishBatchInput{TopicArn: aws.String(t), PublishBatchRequestEntries: f.pending})
		f.pending = nil
		if err != nil {
			return err
		}
	}
	return nil
}

// CopyV1 (aws-sdk-go v1) starts every queue's batch from a fresh literal.
func CopyV1(c *sqsv1.SQS, urls []string, inv Invoice, requestID string) error {
	var entries []*sqsv1.SendMessageBatchRequestEntry
	for _, u := range urls {
		entries = []*sqsv1.SendMessageBatchRequestEntry{}
		e := &sqsv1.SendMessageBatchRequestEntry{}
		e.SetId("inv")
		e.SetMessageBody(inv.ID)
		e.SetMessageGroupId(inv.Account)
		e.SetMessageDeduplicationId(requestID)
		entries = append(entries, e)
		if _, err := c.SendMessageBatch(&sqsv1.SendMessageBatchInput{QueueUrl: &u, Entries: entries}); err != nil {
			return err
		}
	}
	return nil
}

// Chunks empties the buffer only when ten entries are waiting: up to ten
// entries of one batch share the request id.
func Chunks(ctx context.Context, c *sqs.Client, url string, invs []Invoice, requestID string) error {
	var buf []types.SendMessageBatchRequestEntry
	for i, inv := range invs {
		buf = append(buf, types.SendMessageBatchRequestEntry{
			Id:                     aws.String(strconv.Itoa(i)),
			MessageBody:            aws.String(inv.ID),
			MessageGroupId:         aws.String(inv.Account),
			MessageDeduplicationId: aws.String(requestID), // want `MessageDeduplicationId aws.String\(requestID\) is the same for every entry of the batch this loop builds`
		})
		if len(buf) == 10 {
			if _, err := c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: buf}); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	return nil
}
