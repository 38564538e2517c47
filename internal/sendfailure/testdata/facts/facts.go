// Package facts holds the functions whose WrapsSend facts other packages
// read.
package facts

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"golang.org/x/sync/errgroup"
)

var ErrSend = errors.New("send failed")

type Q struct{ c *sqs.Client }

func (q *Q) Returned(ctx context.Context, in *sqs.SendMessageInput) error { // want Returned:"wrapsSend\\(SendMessage\\)"
	_, err := q.c.SendMessage(ctx, in)
	return err
}

func (q *Q) Sentinel(ctx context.Context, in *sqs.SendMessageInput) error { // want Sentinel:"wrapsSend\\(SendMessage\\)"
	if _, err := q.c.SendMessage(ctx, in); err != nil {
		return ErrSend
	}
	return nil
}

func (q *Q) OutParam(ctx context.Context, in *sqs.SendMessageInput, errp *error) error { // want OutParam:"wrapsSend\\(SendMessage\\)"
	if _, err := q.c.SendMessage(ctx, in); err != nil {
		*errp = fmt.Errorf("send: %w", err)
		return *errp
	}
	return nil
}

func (q *Q) Batch(ctx context.Context, in *sqs.SendMessageBatchInput) (*sqs.SendMessageBatchOutput, error) { // want Batch:"wrapsSend\\(SendMessageBatch, owes Failed at result 0\\)"
	out, err := q.c.SendMessageBatch(ctx, in)
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (q *Q) FailedOnly(ctx context.Context, in *sqs.SendMessageBatchInput) []types.BatchResultErrorEntry { // want FailedOnly:"wrapsSend\\(SendMessageBatch, owes Failed at result 0\\)"
	out, err := q.c.SendMessageBatch(ctx, in)
	if err != nil {
		panic(err)
	}
	return out.Failed
}

func (q *Q) Group(ctx context.Context, ins []*sqs.SendMessageInput) error { // want Group:"wrapsSend\\(SendMessage\\)"
	var g errgroup.Group
	for _, in := range ins {
		g.Go(func() error { return q.Returned(ctx, in) })
	}
	return g.Wait()
}

// Not wrappers: the failure does not reach the result.

func (q *Q) BatchChecked(ctx context.Context, in *sqs.SendMessageBatchInput) (*sqs.SendMessageBatchOutput, error) { // want BatchChecked:"wrapsSend\\(SendMessageBatch\\)"
	out, err := q.c.SendMessageBatch(ctx, in)
	if err != nil {
		return nil, err
	}
	if len(out.Failed) > 0 {
		return nil, fmt.Errorf("%d failed", len(out.Failed))
	}
	return out, nil
}

func (q *Q) NilOnFailure(ctx context.Context, in *sqs.SendMessageInput) error {
	var err error
	if _, sendErr := q.c.SendMessage(ctx, in); sendErr != nil {
		return err
	}
	return nil
}

func (q *Q) Swallows(ctx context.Context, in *sqs.SendMessageInput) error {
	if _, err := q.c.SendMessage(ctx, in); err != nil {
		return nil
	}
	return errors.New("unrelated")
}
