package queue

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

// RetryingSender retries SendMessage with exponential backoff and full
// jitter. The same input (and so the same deduplication id) is resent on
// every attempt, so a retry after a lost acknowledgement is deduplicated.
type RetryingSender struct {
	Next     Sender
	Attempts int
	Base     time.Duration
}

func (r RetryingSender) attempts() int {
	if r.Attempts <= 0 {
		return 3
	}
	return r.Attempts
}

func (r RetryingSender) backoff(attempt int) time.Duration {
	base := r.Base
	if base <= 0 {
		base = 50 * time.Millisecond
	}
	ceil := base << attempt
	return rand.N(ceil) + time.Millisecond
}

// SendMessage implements Sender.
func (r RetryingSender) SendMessage(ctx context.Context, in *sqs.SendMessageInput, optFns ...func(*sqs.Options)) (*sqs.SendMessageOutput, error) {
	var lastErr error
	for attempt := 0; attempt < r.attempts(); attempt++ {
		out, err := r.Next.SendMessage(ctx, in, optFns...)
		if err == nil {
			return out, nil
		}
		lastErr = err
		select {
		case <-ctx.Done():
			return nil, errors.Join(lastErr, ctx.Err())
		case <-time.After(r.backoff(attempt)):
		}
	}
	return nil, fmt.Errorf("gave up after %d attempts: %w", r.attempts(), lastErr)
}

// SendMessageBatch implements Sender. Batches are not retried here because
// a partial failure needs the caller to look at the Failed entries.
func (r RetryingSender) SendMessageBatch(ctx context.Context, in *sqs.SendMessageBatchInput, optFns ...func(*sqs.Options)) (*sqs.SendMessageBatchOutput, error) {
	return r.Next.SendMessageBatch(ctx, in, optFns...)
}
