// Package logwrap drops the errors of wrappers that do or do not log the
// failure themselves.
package logwrap

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/sns"

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

// Reported: these wrappers do not log the failure.

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
