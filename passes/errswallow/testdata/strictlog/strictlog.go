// Package strictlog only logs send failures, in disguise: reported only
// with -errswallow.strict.
package strictlog

import (
	"context"
	"fmt"
	"log"

	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	kitlog "github.com/go-kit/log"

	"example.com/errswallow/strict/applog"
)

type Forwarder struct {
	sqs    *sqs.Client
	sns    *sns.Client
	failed int
}

func (f *Forwarder) ErrorString(ctx context.Context, in *sqs.SendMessageInput) {
	_, err := f.sqs.SendMessage(ctx, in) // want `the error from SendMessage is dropped: on failure this code only logs the error and returns without reporting it`
	if err != nil {
		log.Printf("forward: %s", err.Error())
		return
	}
}

func (f *Forwarder) Sprinted(ctx context.Context, in *sns.PublishInput) error {
	if _, err := f.sns.Publish(ctx, in); err != nil { // want `only logs the error and returns nil`
		log.Println("forward: " + fmt.Sprint(err))
		return nil
	}
	return nil
}

func (f *Forwarder) HelperAndCounter(ctx context.Context, in *sqs.SendMessageInput) {
	_, err := f.sqs.SendMessage(ctx, in) // want `only logs the error and returns without reporting it`
	if err != nil {
		f.failed++
		applog.Write("error", err.Error())
		return
	}
}

func (f *Forwarder) HelperGetsError(ctx context.Context, in *sqs.SendMessageInput) {
	if _, err := f.sqs.SendMessage(ctx, in); err != nil { // want `only logs the error and carries on`
		applog.Failure("forward", err)
	}
}

func (f *Forwarder) OnlyCounted(ctx context.Context, in *sqs.SendMessageInput) {
	if _, err := f.sqs.SendMessage(ctx, in); err != nil { // want `only counts the failure and returns without reporting it`
		f.failed++
		return
	}
}

func (f *Forwarder) KitLogged(ctx context.Context, in *sqs.SendMessageInput, logger kitlog.Logger) error {
	if _, err := f.sqs.SendMessage(ctx, in); err != nil { // want `only logs the error and returns nil`
		_ = logger.Log("msg", "forward failed", "err", err.Error())
		return nil
	}
	return nil
}

// Quiet even in strict mode: the failure reaches someone.

func (f *Forwarder) Returned(ctx context.Context, in *sqs.SendMessageInput) error {
	if _, err := f.sqs.SendMessage(ctx, in); err != nil {
		log.Printf("forward: %s", err.Error())
		return fmt.Errorf("forward: %w", err)
	}
	return nil
}

func (f *Forwarder) Paged(ctx context.Context, in *sqs.SendMessageInput, page func(string)) {
	if _, err := f.sqs.SendMessage(ctx, in); err != nil {
		applog.Alert(err, page)
	}
}

func (f *Forwarder) MessageKept(ctx context.Context, in *sqs.SendMessageInput, retry chan<- *sqs.SendMessageInput) {
	if _, err := f.sqs.SendMessage(ctx, in); err != nil {
		log.Printf("forward: %s", err.Error())
		retry <- in
	}
}
