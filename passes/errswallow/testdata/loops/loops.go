// Package loops sends in loops.
package loops

import (
	"context"
	"errors"
	"log"

	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

type Relay struct{ client *sqs.Client }

func (r *Relay) LastErrorOnly(ctx context.Context, ins []*sqs.SendMessageInput) error {
	var err error
	for _, in := range ins {
		_, err = r.client.SendMessage(ctx, in) // want `the error from SendMessage is overwritten by the next iteration before it is read`
	}
	return err
}

func (r *Relay) LastErrorCounted(ctx context.Context, ins []*sqs.SendMessageInput) (int, error) {
	var err error
	sent := 0
	for i := 0; i < len(ins); i++ {
		if ins[i] == nil {
			continue
		}
		_, err = r.client.SendMessage(ctx, ins[i]) // want `overwritten by the next iteration`
		sent++
	}
	return sent, err
}

func (r *Relay) BatchLastError(ctx context.Context, batches []*sqs.SendMessageBatchInput) ([]types.BatchResultErrorEntry, error) {
	var err error
	var failed []types.BatchResultErrorEntry
	for _, b := range batches {
		var out *sqs.SendMessageBatchOutput
		out, err = r.client.SendMessageBatch(ctx, b) // want `overwritten by the next iteration`
		if out != nil {
			failed = append(failed, out.Failed...)
		}
	}
	return failed, err
}

// Quiet: every iteration's error is read.

func (r *Relay) Retry(ctx context.Context, in *sqs.SendMessageInput) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = r.client.SendMessage(ctx, in); err == nil {
			return nil
		}
	}
	return err
}

func (r *Relay) RetryBreak(ctx context.Context, in *sqs.SendMessageInput) error {
	var err error
	for {
		_, err = r.client.SendMessage(ctx, in)
		if err == nil || ctx.Err() != nil {
			break
		}
	}
	return err
}

func (r *Relay) StopAtFirst(ctx context.Context, ins []*sqs.SendMessageInput) error {
	var err error
	for _, in := range ins {
		if _, err = r.client.SendMessage(ctx, in); err != nil {
			break
		}
	}
	return err
}

func (r *Relay) Joined(ctx context.Context, ins []*sqs.SendMessageInput) error {
	var errs, err error
	for _, in := range ins {
		_, err = r.client.SendMessage(ctx, in)
		errs = errors.Join(errs, err)
	}
	return errs
}

func (r *Relay) LoggedEach(ctx context.Context, ins []*sqs.SendMessageInput) error {
	var err error
	for _, in := range ins {
		_, err = r.client.SendMessage(ctx, in)
		if err != nil {
			log.Printf("send: %v", err)
		}
	}
	return err
}

func (r *Relay) PerIteration(ctx context.Context, ins []*sqs.SendMessageInput) error {
	for _, in := range ins {
		_, err := r.client.SendMessage(ctx, in)
		if err != nil {
			return err
		}
	}
	return nil
}
