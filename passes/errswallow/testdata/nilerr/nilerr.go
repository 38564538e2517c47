// Package nilerr returns an error variable that is nil on the send's
// failure path.
package nilerr

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

type Publisher struct {
	sqs *sqs.Client
	sns *sns.Client
}

func validate(in *sqs.SendMessageInput) error {
	if in.MessageBody == nil {
		return errors.New("empty body")
	}
	return nil
}

func (p *Publisher) CheckedEarlier(ctx context.Context, in *sqs.SendMessageInput) error {
	err := validate(in)
	if err != nil {
		return err
	}
	_, sendErr := p.sqs.SendMessage(ctx, in) // want `on failure this code returns err \(err is nil there\)`
	if sendErr != nil {
		return err
	}
	return nil
}

func (p *Publisher) NeverAssigned(ctx context.Context, in *sns.PublishInput) (string, error) {
	var failure error
	out, err := p.sns.Publish(ctx, in) // want `on failure this code returns "", failure \(failure is nil there\)`
	if err != nil {
		return "", failure
	}
	return *out.MessageId, nil
}

func (p *Publisher) NamedResult(ctx context.Context, in *sqs.SendMessageInput) (id string, err error) {
	out, sendErr := p.sqs.SendMessage(ctx, in) // want `on failure this code returns "", err \(err is nil there\)`
	if sendErr != nil {
		return "", err
	}
	return *out.MessageId, nil
}

func (p *Publisher) NamedResultBare(ctx context.Context, in *sqs.SendMessageInput) (err error) {
	if _, sendErr := p.sqs.SendMessage(ctx, in); sendErr != nil { // want `on failure this code returns without reporting it`
		return
	}
	return nil
}

// Quiet: the returned variable holds an error on that path.

func (p *Publisher) AssignedOnThePath(ctx context.Context, in *sqs.SendMessageInput) (err error) {
	if _, sendErr := p.sqs.SendMessage(ctx, in); sendErr != nil {
		err = fmt.Errorf("send: %w", sendErr)
		return err
	}
	return nil
}

func (p *Publisher) NamedAssigned(ctx context.Context, in *sqs.SendMessageInput) (err error) {
	if _, sendErr := p.sqs.SendMessage(ctx, in); sendErr != nil {
		err = sendErr
		return
	}
	return nil
}

func (p *Publisher) MaybeNil(ctx context.Context, in *sqs.SendMessageInput, check func() error) error {
	err := check()
	_, sendErr := p.sqs.SendMessage(ctx, in)
	if sendErr != nil {
		return err // may or may not be nil: not known
	}
	return nil
}

func (p *Publisher) DeferredAssign(ctx context.Context, in *sqs.SendMessageInput) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	if _, sendErr := p.sqs.SendMessage(ctx, in); sendErr != nil {
		return err // the deferred closure may set it: not known
	}
	return nil
}
