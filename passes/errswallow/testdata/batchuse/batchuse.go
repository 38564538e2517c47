// Package batchuse calls the batch wrappers of package batchwrap.
package batchuse

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	v1sqs "github.com/aws/aws-sdk-go/service/sqs"

	"example.com/errswallow/batchwrap"
)

func OutputDiscarded(ctx context.Context, q *batchwrap.Queue, in *sqs.SendMessageBatchInput) error {
	_, err := q.SendBatch(ctx, in) // want `batchwrap.Queue.SendBatch \(which returns the error and output of SendMessageBatch\) reports failed entries in Failed even when err is nil; this code discards the output`
	return err
}

func OutputKeptUnread(ctx context.Context, q *batchwrap.Queue, in *sqs.SendMessageBatchInput) (int, error) {
	out, err := q.SendBatchDirect(ctx, in) // want `this code never reads out.Failed`
	if err != nil {
		return 0, err
	}
	return len(out.Successful), nil
}

func V1Discarded(q *batchwrap.Queue, in *v1sqs.SendMessageBatchInput) error {
	_, err := q.SendBatchV1(in) // want `batchwrap.Queue.SendBatchV1 \(which returns the error and output of SendMessageBatch\) .* this code discards the output`
	return err
}

func FailedSliceDiscarded(ctx context.Context, t *batchwrap.Topic, in *sns.PublishBatchInput) error {
	_, err := t.PublishAll(ctx, in) // want `batchwrap.Topic.PublishAll \(which returns the error and output of PublishBatch\) .* this code discards the output`
	return err
}

// Quiet: Failed is read, passed on, or already turned into an error.

func FailedRead(ctx context.Context, q *batchwrap.Queue, in *sqs.SendMessageBatchInput) error {
	out, err := q.SendBatch(ctx, in)
	if err != nil {
		return err
	}
	if len(out.Failed) > 0 {
		return fmt.Errorf("%d entries failed", len(out.Failed))
	}
	return nil
}

func FailedSliceRead(ctx context.Context, t *batchwrap.Topic, in *sns.PublishBatchInput) error {
	failed, err := t.PublishAll(ctx, in)
	if err != nil {
		return err
	}
	for _, f := range failed {
		return fmt.Errorf("entry %s failed: %s", *f.Id, *f.Code)
	}
	return nil
}

// PassedOn returns the output again, so its own callers owe Failed.
func PassedOn(ctx context.Context, q *batchwrap.Queue, in *sqs.SendMessageBatchInput) (*sqs.SendMessageBatchOutput, error) {
	return q.SendBatch(ctx, in)
}

func CheckedWrapper(ctx context.Context, q *batchwrap.Queue, in *sqs.SendMessageBatchInput) error {
	_, err := q.SendBatchChecked(ctx, in)
	return err
}

func CallsPassedOn(ctx context.Context, q *batchwrap.Queue, in *sqs.SendMessageBatchInput) error {
	_, err := PassedOn(ctx, q, in) // want `PassedOn \(which returns the error and output of SendMessageBatch\) .* this code discards the output`
	return err
}
