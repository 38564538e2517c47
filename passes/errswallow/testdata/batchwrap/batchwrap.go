// Package batchwrap wraps batch sends; its callers live in package batchuse.
package batchwrap

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	v1sqs "github.com/aws/aws-sdk-go/service/sqs"
)

type Queue struct {
	client *sqs.Client
	v1     *v1sqs.SQS
}

// SendBatch returns the output: its callers owe the read of Failed.
func (q *Queue) SendBatch(ctx context.Context, in *sqs.SendMessageBatchInput) (*sqs.SendMessageBatchOutput, error) {
	out, err := q.client.SendMessageBatch(ctx, in)
	if err != nil {
		return nil, fmt.Errorf("send batch: %w", err)
	}
	return out, nil
}

// SendBatchDirect returns the send's results as they are.
func (q *Queue) SendBatchDirect(ctx context.Context, in *sqs.SendMessageBatchInput) (*sqs.SendMessageBatchOutput, error) {
	return q.client.SendMessageBatch(ctx, in)
}

// SendBatchV1 is the same with aws-sdk-go v1.
func (q *Queue) SendBatchV1(in *v1sqs.SendMessageBatchInput) (*v1sqs.SendMessageBatchOutput, error) {
	out, err := q.v1.SendMessageBatch(in)
	if err != nil {
		return nil, err
	}
	return out, nil
}

type Topic struct{ client *sns.Client }

// PublishAll returns only the failed entries.
func (t *Topic) PublishAll(ctx context.Context, in *sns.PublishBatchInput) ([]snstypes.BatchResultErrorEntry, error) {
	out, err := t.client.PublishBatch(ctx, in)
	if err != nil {
		return nil, err
	}
	return out.Failed, nil
}

// SendBatchChecked reads Failed and turns it into an error: its callers
// only owe the error.
func (q *Queue) SendBatchChecked(ctx context.Context, in *sqs.SendMessageBatchInput) (*sqs.SendMessageBatchOutput, error) {
	out, err := q.client.SendMessageBatch(ctx, in)
	if err != nil {
		return nil, err
	}
	if len(out.Failed) > 0 {
		return out, fmt.Errorf("%d entries failed", len(out.Failed))
	}
	return out, nil
}
