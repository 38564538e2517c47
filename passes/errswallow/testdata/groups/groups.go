// Package groups fans sends out with errgroup and retries them with
// backoff.
package groups

import (
	"context"
	"fmt"
	"log"

	"github.com/aws/aws-sdk-go-v2/service/sqs"
	backoff4 "github.com/cenkalti/backoff/v4"
	backoff5 "github.com/cenkalti/backoff/v5"
	"github.com/sourcegraph/conc/pool"
	"golang.org/x/sync/errgroup"
)

type Fanout struct {
	client *sqs.Client
	group  errgroup.Group
}

func (f *Fanout) one(ctx context.Context, in *sqs.SendMessageInput) error {
	_, err := f.client.SendMessage(ctx, in)
	return err
}

func (f *Fanout) WaitStatement(ctx context.Context, ins []*sqs.SendMessageInput) {
	var g errgroup.Group
	for _, in := range ins {
		g.Go(func() error {
			_, err := f.client.SendMessage(ctx, in)
			return err
		})
	}
	g.Wait() // want `the error from g.Wait\(\) \(its goroutines return the error of SendMessage\) is not checked`
}

func (f *Fanout) WaitBlank(ctx context.Context, ins []*sqs.SendMessageInput) {
	g, gctx := errgroup.WithContext(ctx)
	for _, in := range ins {
		g.Go(func() error { return f.one(gctx, in) })
	}
	_ = g.Wait() // want `the error from g.Wait\(\) \(its goroutines return the error of SendMessage\) is assigned to _`
}

func (f *Fanout) WaitSwallowed(ctx context.Context, in *sqs.SendMessageInput) bool {
	f.group.Go(func() error {
		if _, err := f.client.SendMessage(ctx, in); err != nil {
			return fmt.Errorf("send: %w", err)
		}
		return nil
	})
	if err := f.group.Wait(); err != nil { // want `the error from f.group.Wait\(\) .* on failure this code returns false`
		return false
	}
	return true
}

func (f *Fanout) RetryDropped(ctx context.Context, in *sqs.SendMessageInput) {
	_ = backoff4.Retry(func() error { return f.one(ctx, in) }, backoff4.NewExponentialBackOff()) // want `the error from backoff.Retry \(whose operation returns the error of SendMessage\) is assigned to _`
	_, _ = backoff5.Retry(ctx, func() (*sqs.SendMessageOutput, error) {                          // want `the error from backoff.Retry \(whose operation returns the error of SendMessage\) is assigned to _`
		return f.client.SendMessage(ctx, in)
	})
}

func (f *Fanout) PoolDropped(ctx context.Context, ins []*sqs.SendMessageInput) {
	p := pool.New().WithErrors()
	for _, in := range ins {
		p.Go(func() error { return f.one(ctx, in) })
	}
	p.Wait() // want `the error from p.Wait\(\) \(its goroutines return the error of SendMessage\) is not checked`

	cp := pool.New().WithContext(ctx)
	for _, in := range ins {
		cp.Go(func(ctx context.Context) error { return f.one(ctx, in) })
	}
	_ = cp.Wait() // want `the error from cp.Wait\(\) .* is assigned to _`

	rp := pool.NewWithResults[string]().WithErrors()
	for _, in := range ins {
		rp.Go(func() (string, error) {
			out, err := f.client.SendMessage(ctx, in)
			if err != nil {
				return "", err
			}
			return *out.MessageId, nil
		})
	}
	ids, _ := rp.Wait() // want `the error from rp.Wait\(\) .* is assigned to _`
	log.Printf("sent %d", len(ids))
}

// Quiet: Wait's error, or Retry's, is handled.

func (f *Fanout) WaitReturned(ctx context.Context, ins []*sqs.SendMessageInput) error {
	g, gctx := errgroup.WithContext(ctx)
	for _, in := range ins {
		g.Go(func() error { return f.one(gctx, in) })
	}
	return g.Wait()
}

func (f *Fanout) WaitWrapped(ctx context.Context, ins []*sqs.SendMessageInput) error {
	var g errgroup.Group
	for _, in := range ins {
		g.Go(func() error {
			_, err := f.client.SendMessage(ctx, in)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return fmt.Errorf("fan out: %w", err)
	}
	return nil
}

func (f *Fanout) NoSendInside(ctx context.Context) {
	var g errgroup.Group
	g.Go(func() error { return ctx.Err() })
	_ = g.Wait()
}

func (f *Fanout) RetryHandled(ctx context.Context, in *sqs.SendMessageInput) error {
	err := backoff4.Retry(func() error { return f.one(ctx, in) }, backoff4.NewExponentialBackOff())
	if err != nil {
		return err
	}
	out, err := backoff5.Retry(ctx, func() (*sqs.SendMessageOutput, error) {
		return f.client.SendMessage(ctx, in)
	})
	if err != nil {
		return fmt.Errorf("send after retries: %w", err)
	}
	log.Printf("sent %s", *out.MessageId)
	return nil
}

func (f *Fanout) PoolReturned(ctx context.Context, ins []*sqs.SendMessageInput) ([]string, error) {
	rp := pool.NewWithResults[string]().WithContext(ctx)
	for _, in := range ins {
		rp.Go(func(ctx context.Context) (string, error) {
			out, err := f.client.SendMessage(ctx, in)
			if err != nil {
				return "", err
			}
			return *out.MessageId, nil
		})
	}
	return rp.Wait()
}
