// Package v1 covers aws-sdk-go v1, including the Request forms.
package v1

import (
	"context"

	"github.com/aws/aws-sdk-go/service/sqs"
	"github.com/aws/aws-sdk-go/service/sqs/sqsiface"
)

type Producer struct{ svc sqsiface.SQSAPI }

func (p *Producer) Plain(in *sqs.SendMessageInput) {
	p.svc.SendMessage(in) // want `the error from SendMessage is not checked`
}

func (p *Producer) WithContext(ctx context.Context, in *sqs.SendMessageInput) {
	_, _ = p.svc.SendMessageWithContext(ctx, in) // want `the error from SendMessage is assigned to _`
}

func (p *Producer) Request(in *sqs.SendMessageInput) {
	req, _ := p.svc.SendMessageRequest(in)
	req.Send() // want `the error from SendMessageRequest's req.Send\(\) is not checked`
}

func (p *Producer) BatchRequest(in *sqs.SendMessageBatchInput) error {
	req, out := p.svc.SendMessageBatchRequest(in) // want `SendMessageBatchRequest reports failed entries in Failed even when err is nil; this code never reads out.Failed`
	if err := req.Send(); err != nil {
		return err
	}
	_ = out.Successful
	return nil
}

func (p *Producer) BatchChecked(in *sqs.SendMessageBatchInput) (int, error) {
	out, err := p.svc.SendMessageBatch(in)
	if err != nil {
		return 0, err
	}
	return len(out.Failed), nil
}

func (p *Producer) RequestChecked(in *sqs.SendMessageInput) error {
	req, _ := p.svc.SendMessageRequest(in)
	return req.Send()
}

// The flow rules hold for v1 sends too.

func (p *Producer) LoopOverwrite(ins []*sqs.SendMessageInput) error {
	var err error
	for _, in := range ins {
		_, err = p.svc.SendMessage(in) // want `overwritten by the next iteration`
	}
	return err
}

// NilOnFailure gets the suggested fix (v1.go.golden).
func (p *Producer) NilOnFailure(in *sqs.SendMessageInput) (err error) {
	if _, sendErr := p.svc.SendMessage(in); sendErr != nil { // want `on failure this code returns err \(err is nil there\)`
		return err
	}
	return nil
}

func (p *Producer) DoesNothing(in *sqs.SendMessageInput) {
	if _, err := p.svc.SendMessage(in); err != nil { // want `on failure this code carries on as if the send succeeded`
		_ = err
	}
}
