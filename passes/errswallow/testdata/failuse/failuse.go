// Package failuse calls the wrappers of package failwrap.
package failuse

import (
	"context"
	"errors"
	"log"

	"github.com/aws/aws-sdk-go-v2/service/sns"

	"example.com/errswallow/failwrap"
)

func Dropped(ctx context.Context, e *failwrap.Events, in *sns.PublishInput) {
	var perr error
	_ = e.PublishInto(ctx, in, &perr)
	log.Print(perr)
	_ = e.Publish(ctx, in)                          // want `the error from failwrap.Events.Publish \(which returns the error of Publish\) is assigned to _`
	_, _ = e.PublishOK(ctx, in)                     // want `the error from failwrap.Events.PublishOK \(which returns the error of Publish\) is assigned to _`
	if _, err := e.PublishOK(ctx, in); err != nil { // want `the error from failwrap.Events.PublishOK \(which returns the error of Publish\) is dropped: on failure this code returns without reporting it`
		return
	}
}

// Quiet: the sentinel is checked, logged or returned.

func Sentinel(ctx context.Context, e *failwrap.Events, in *sns.PublishInput) error {
	if err := e.Publish(ctx, in); errors.Is(err, failwrap.ErrNotPublished) {
		return err
	}
	return nil
}

func Logged(ctx context.Context, e *failwrap.Events, in *sns.PublishInput) {
	if err := e.Publish(ctx, in); err != nil {
		log.Printf("event lost: %v", err)
	}
}

func OutParamRead(ctx context.Context, e *failwrap.Events, in *sns.PublishInput) error {
	var perr error
	_ = e.PublishInto(ctx, in, &perr) // the failure comes back through perr
	return perr
}
