// Package deferred reports a send's failure from a deferred function,
// which reads the error variable when the function returns.
package deferred

import (
	"context"
	"log"

	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

type Forwarder struct {
	client *sqs.Client
	target string
}

func (f *Forwarder) release(m types.Message) {}

func observe(op string, errp *error) {
	if *errp != nil {
		log.Printf("%s failed: %v", op, *errp)
	}
}

// Quiet: the deferred function sees the error the function ends with.

func (f *Forwarder) Forward(ctx context.Context, m types.Message) {
	var err error
	defer func() {
		if err != nil {
			f.release(m) // back to the source queue
		}
	}()
	_, err = f.client.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &f.target, MessageBody: m.Body})
}

func (f *Forwarder) ForwardChecked(ctx context.Context, m types.Message) {
	var err error
	defer func() {
		if err != nil {
			f.release(m)
		}
	}()
	if _, err = f.client.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &f.target, MessageBody: m.Body}); err != nil {
		return
	}
	log.Printf("forwarded %s", *m.MessageId)
}

func (f *Forwarder) Observed(ctx context.Context, in *sqs.SendMessageInput) {
	var err error
	defer observe("forward", &err)
	_, err = f.client.SendMessage(ctx, in)
}

// Reported: the deferred function cannot see these failures.

func (f *Forwarder) EvaluatedEarly(ctx context.Context, in *sqs.SendMessageInput) {
	var err error
	defer log.Print(err)                   // err is evaluated here, before the send
	_, err = f.client.SendMessage(ctx, in) // want `the error from SendMessage is assigned to err but never read`
}

func (f *Forwarder) EveryIteration(ctx context.Context, msgs []types.Message) {
	var err error
	defer func() {
		if err != nil {
			log.Print(err)
		}
	}()
	for _, m := range msgs {
		_, err = f.client.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &f.target, MessageBody: m.Body}) // want `overwritten by the next iteration`
	}
}
