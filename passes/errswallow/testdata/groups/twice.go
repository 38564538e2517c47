package groups

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"golang.org/x/sync/errgroup"
)

// Quiet: the deferred Wait only keeps goroutines from outliving the
// function; the explicit Wait returns the group's error.
func (f *Fanout) WaitDeferredAndReturned(ctx context.Context, ins []*sqs.SendMessageInput) error {
	g, gctx := errgroup.WithContext(ctx)
	defer g.Wait()
	for _, in := range ins {
		if in.MessageBody == nil {
			return errors.New("message without a body")
		}
		g.Go(func() error { return f.one(gctx, in) })
	}
	return g.Wait()
}

// Reported: no Wait of this group hands its error on.
func (f *Fanout) WaitTwiceDropped(ctx context.Context, ins []*sqs.SendMessageInput) {
	var g errgroup.Group
	defer g.Wait() // want `the error from deferred g.Wait\(\)`
	for _, in := range ins {
		g.Go(func() error { return f.one(ctx, in) })
	}
	_ = g.Wait() // want `the error from g.Wait\(\) \(its goroutines return the error of SendMessage\) is assigned to _`
}
