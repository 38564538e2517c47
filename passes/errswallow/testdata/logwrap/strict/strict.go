// Package strict drops the errors of a wrapper that logs the failure
// itself: strict mode reports it, like a failure path that only logs.
package strict

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/sns"

	"example.com/errswallow/logwrap/events"
)

func FireAndForget(bus *events.Bus, in *sns.PublishInput) {
	go bus.Publish(context.Background(), in) // want `events.Bus.Publish \(which logs and returns the error of Publish\) runs in a goroutine`
}

func Dropped(ctx context.Context, bus *events.Bus, in *sns.PublishInput) {
	_ = bus.Publish(ctx, in) // want `the error from events.Bus.Publish \(which logs and returns the error of Publish\) is assigned to _`
}
