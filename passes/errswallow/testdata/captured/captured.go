// Package captured sends inside function literals whose error variable
// belongs to the function around them.
package captured

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

type Relay struct {
	client *sqs.Client
	once   sync.Once
}

// Quiet: the enclosing function reads what the closure stored.

func (r *Relay) OnceThenReturned(ctx context.Context, in *sqs.SendMessageInput) error {
	var sendErr error
	r.once.Do(func() {
		_, sendErr = r.client.SendMessage(ctx, in)
	})
	return sendErr
}

func (r *Relay) NamedResult(ctx context.Context, in *sqs.SendMessageInput) (err error) {
	func() {
		_, err = r.client.SendMessage(ctx, in)
	}()
	return
}

func (r *Relay) CheckedAfterCall(ctx context.Context, in *sqs.SendMessageInput) error {
	var err error
	attempt := func() {
		_, err = r.client.SendMessage(ctx, in)
	}
	attempt()
	if err != nil {
		return fmt.Errorf("relay: %w", err)
	}
	return nil
}

func (r *Relay) NestedLiterals(ctx context.Context, in *sqs.SendMessageInput) error {
	var err error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		func() {
			_, err = r.client.SendMessage(ctx, in)
		}()
	}()
	wg.Wait()
	return errors.Join(err)
}

func (r *Relay) BatchOutputReadOutside(ctx context.Context, in *sqs.SendMessageBatchInput) error {
	var out *sqs.SendMessageBatchOutput
	var err error
	r.once.Do(func() {
		out, err = r.client.SendMessageBatch(ctx, in)
	})
	if err != nil {
		return err
	}
	if len(out.Failed) > 0 {
		return fmt.Errorf("%d entries failed", len(out.Failed))
	}
	return nil
}

// Reported: nothing outside the literal reads the error.

func (r *Relay) DiscardedOutside(ctx context.Context, in *sqs.SendMessageInput) error {
	var err error
	r.once.Do(func() {
		_, err = r.client.SendMessage(ctx, in) // want `the error from SendMessage is assigned to err but never read`
	})
	_ = err
	return nil
}
