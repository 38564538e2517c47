// Package logwrap drops the errors of wrappers that do or do not log the
// failure themselves.
package logwrap

import (
	"context"
	"log"

	"github.com/aws/aws-sdk-go-v2/service/sns"
	"golang.org/x/sync/errgroup"

	"example.com/errswallow/logwrap/events"
)

type Auditor struct {
	bus *events.Bus
}

// Quiet by default: the wrapper logged the failure, as a failure path
// that logs and carries on would (strict mode reports these, see
// logwrap/strict).

func (a *Auditor) FireAndForget(in *sns.PublishInput) {
	go a.bus.Publish(context.Background(), in)
}

func (a *Auditor) Dropped(ctx context.Context, in *sns.PublishInput) {
	_ = a.bus.Publish(ctx, in)
}

func (a *Auditor) IDOnly(ctx context.Context, in *sns.PublishInput) string {
	id, _ := a.bus.PublishLogged(ctx, in)
	return id
}

func (a *Auditor) Relayed(ctx context.Context, in *sns.PublishInput) {
	_ = a.bus.Notify(ctx, in)
	go a.bus.NotifyWrapped(ctx, in)
}

func (a *Auditor) GroupLogged(ctx context.Context, client *sns.Client, ins []*sns.PublishInput) {
	var g errgroup.Group
	for _, in := range ins {
		g.Go(func() error {
			if _, err := client.Publish(ctx, in); err != nil {
				log.Printf("publish to %s: %v", *in.TopicArn, err)
				return err
			}
			return nil
		})
		g.Go(func() error { return a.bus.Publish(ctx, in) })
	}
	_ = g.Wait()
}

// Reported: these wrappers do not log the failure.

func (a *Auditor) GroupMixed(ctx context.Context, client *sns.Client, ins []*sns.PublishInput) {
	var g errgroup.Group
	for _, in := range ins {
		g.Go(func() error { return a.bus.Publish(ctx, in) })
		g.Go(func() error {
			_, err := client.Publish(ctx, in)
			return err
		})
	}
	g.Wait() // want `the error from g.Wait\(\) \(its goroutines return the error of Publish\) is not checked`
}

func (a *Auditor) Traced(ctx context.Context, in *sns.PublishInput) {
	_ = a.bus.PublishTraced(ctx, in) // want `the error from events.Bus.PublishTraced \(which returns the error of Publish\) is assigned to _`
}

func (a *Auditor) Noted(ctx context.Context, in *sns.PublishInput) {
	a.bus.PublishNoted(ctx, in) // want `the error from events.Bus.PublishNoted \(which returns the error of Publish\) is not checked`
}

func (a *Auditor) Some(ctx context.Context, in *sns.PublishInput) {
	go a.bus.PublishSome(ctx, in, false) // want `events.Bus.PublishSome \(which returns the error of Publish\) runs in a goroutine`
}

func (a *Auditor) Direct(ctx context.Context, in *sns.PublishInput) {
	_ = a.bus.Direct(ctx, in) // want `the error from events.Bus.Direct \(which returns the error of Publish\) is assigned to _`
}
