// Package nothing handles send errors in ways that do nothing with them.
package nothing

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/sqs"
	kitlog "github.com/go-kit/log"
)

type Outbox struct {
	client *sqs.Client
	closer interface{ Close() error }
	last   error
}

func (o *Outbox) BlankInBranch(ctx context.Context, in *sqs.SendMessageInput) {
	if _, err := o.client.SendMessage(ctx, in); err != nil { // want `the error from SendMessage is dropped: on failure this code carries on as if the send succeeded`
		_ = err
	}
}

func (o *Outbox) ResetThenReturned(ctx context.Context, in *sqs.SendMessageInput) error {
	_, err := o.client.SendMessage(ctx, in) // want `on failure this code carries on as if the send succeeded`
	if err != nil {
		err = nil
	}
	return err
}

func (o *Outbox) DiscardedCleanup(ctx context.Context, in *sqs.SendMessageInput) error {
	if _, err := o.client.SendMessage(ctx, in); err != nil { // want `on failure this code returns nil`
		_ = o.closer.Close()
		return nil
	}
	return nil
}

// Quiet: the error reaches something after all.

func (o *Outbox) BlankThenReturned(ctx context.Context, in *sqs.SendMessageInput) error {
	_, err := o.client.SendMessage(ctx, in)
	if err != nil {
		_ = err
		return fmt.Errorf("send: %w", err)
	}
	return nil
}

func (o *Outbox) ResetAfterStoring(ctx context.Context, in *sqs.SendMessageInput) error {
	_, err := o.client.SendMessage(ctx, in)
	if err != nil {
		o.last = err
		err = nil
	}
	return err
}

func (o *Outbox) DiscardedCallGetsError(ctx context.Context, in *sqs.SendMessageInput, notify func(error) error) {
	if _, err := o.client.SendMessage(ctx, in); err != nil {
		_ = notify(err)
	}
}

func (o *Outbox) Fallback(ctx context.Context, in *sqs.SendMessageInput, park func(*sqs.SendMessageInput)) error {
	if _, err := o.client.SendMessage(ctx, in); err != nil {
		park(in)
		return nil
	}
	return nil
}

// KitLogged logs through go-kit's Logger interface: logging, so handled
// by default (package strictlog shows the strict side).
func (o *Outbox) KitLogged(ctx context.Context, in *sqs.SendMessageInput, logger kitlog.Logger) error {
	if _, err := o.client.SendMessage(ctx, in); err != nil {
		_ = logger.Log("msg", "send failed")
		return nil
	}
	return nil
}
