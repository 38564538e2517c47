// Package strict drops the errors of a wrapper that logs the failure
// itself: strict mode reports it, like a failure path that only logs.
package strict

import (
	"context"
	"log"

	"github.com/aws/aws-sdk-go-v2/service/sns"
	"golang.org/x/sync/errgroup"

	"example.com/errswallow/logwrap/events"
)

func FireAndForget(bus *events.Bus, in *sns.PublishInput) {
	go bus.Publish(context.Background(), in) // want `events.Bus.Publish \(which logs and returns the error of Publish\) runs in a goroutine`
}

func Dropped(ctx context.Context, bus *events.Bus, in *sns.PublishInput) {
	_ = bus.Publish(ctx, in) // want `the error from events.Bus.Publish \(which logs and returns the error of Publish\) is assigned to _`
}

func Relayed(ctx context.Context, bus *events.Bus, in *sns.PublishInput) {
	_ = bus.Notify(ctx, in) // want `the error from events.Bus.Notify \(which logs and returns the error of Publish\) is assigned to _`
}

func GroupLogged(ctx context.Context, client *sns.Client, ins []*sns.PublishInput) {
	var g errgroup.Group
	for _, in := range ins {
		g.Go(func() error {
			if _, err := client.Publish(ctx, in); err != nil {
				log.Printf("publish: %v", err)
				return err
			}
			return nil
		})
	}
	_ = g.Wait() // want `the error from g.Wait\(\) \(its goroutines log and return the error of Publish\) is assigned to _`
}
