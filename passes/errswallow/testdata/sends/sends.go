// Package sends drops and handles send errors in all the usual ways.
package sends

import (
	"context"
	"errors"
	"fmt"
	"log"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"golang.org/x/sync/errgroup"
)

type API interface {
	SendMessage(ctx context.Context, in *sqs.SendMessageInput, optFns ...func(*sqs.Options)) (*sqs.SendMessageOutput, error)
	SendMessageBatch(ctx context.Context, in *sqs.SendMessageBatchInput, optFns ...func(*sqs.Options)) (*sqs.SendMessageBatchOutput, error)
}

// Client embeds the API's method set.
type Client interface {
	API
	Publish(ctx context.Context, in *sns.PublishInput, optFns ...func(*sns.Options)) (*sns.PublishOutput, error)
}

type Producer struct {
	api     API
	sns     Client
	send    func(context.Context, *sqs.SendMessageInput, ...func(*sqs.Options)) (*sqs.SendMessageOutput, error)
	lastErr error
}

func in() *sqs.SendMessageInput {
	return &sqs.SendMessageInput{QueueUrl: aws.String("q"), MessageBody: aws.String("b")}
}

func (p *Producer) Blank(ctx context.Context) {
	_, _ = p.api.SendMessage(ctx, in()) // want `the error from SendMessage is assigned to _`
}

func (p *Producer) Statement(ctx context.Context) {
	p.api.SendMessage(ctx, in()) // want `the error from SendMessage is not checked`
}

func (p *Producer) Goroutine(ctx context.Context) {
	go p.api.SendMessage(ctx, in()) // want `SendMessage runs in a goroutine and its error is dropped`
}

func (p *Producer) Deferred(ctx context.Context) {
	defer p.sns.Publish(ctx, &sns.PublishInput{Message: aws.String("m")}) // want `the error from deferred Publish is dropped`
}

func (p *Producer) Unread(ctx context.Context, validate func() error) error {
	err := validate()
	if err != nil {
		return err
	}
	_, err = p.api.SendMessage(ctx, in()) // want `the error from SendMessage is assigned to err but never read`
	return nil
}

func (p *Producer) Overwritten(ctx context.Context) error {
	_, err := p.api.SendMessage(ctx, in()) // want `the error from SendMessage is overwritten at line 67 before it is read`
	_, err = p.api.SendMessage(ctx, in())
	return err
}

func (p *Producer) ReturnsFalse(ctx context.Context) bool {
	_, err := p.api.SendMessage(ctx, in()) // want `on failure this code returns false`
	if err != nil {
		return false
	}
	return true
}

func (p *Producer) OkThenFalse(ctx context.Context) bool {
	if _, err := p.sns.Publish(ctx, &sns.PublishInput{}); err == nil { // want `the error from Publish is dropped: on failure this code returns false`
		return true
	}
	return false
}

func (p *Producer) Continue(ctx context.Context, bodies []string) {
	for _, b := range bodies {
		if _, err := p.send(ctx, &sqs.SendMessageInput{MessageBody: &b}); err != nil { // want `on failure this code skips to the next message without reporting it`
			continue
		}
	}
}

func (p *Producer) GoroutineReturns(ctx context.Context) {
	go func() {
		if _, err := p.api.SendMessage(ctx, in()); err != nil { // want `on failure this code returns without reporting it`
			return
		}
	}()
}

// SendFunc names a send's function type.
type SendFunc func(context.Context, *sqs.SendMessageInput, ...func(*sqs.Options)) (*sqs.SendMessageOutput, error)

func NamedFuncType(ctx context.Context, send SendFunc) {
	go send(ctx, in()) // want `SendMessage runs in a goroutine and its error is dropped`
}

func (p *Producer) MethodValue(ctx context.Context) {
	send := p.api.SendMessage
	send(ctx, in()) // want `the error from SendMessage is not checked`
}

func (p *Producer) BatchFailedUnread(ctx context.Context) (int, error) {
	out, err := p.api.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{}) // want `SendMessageBatch reports failed entries in Failed even when err is nil; this code never reads out.Failed`
	if err != nil {
		return 0, err
	}
	return len(out.Successful), nil
}

func (p *Producer) BatchOutputDiscarded(ctx context.Context) error {
	if _, err := p.api.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{}); err != nil { // want `this code discards the output`
		return err
	}
	return nil
}

func (p *Producer) Counted(ctx context.Context, failures *atomic.Int64) error {
	if _, err := p.api.SendMessage(ctx, in()); err != nil { // want `on failure this code returns nil`
		failures.Add(1)
		return nil
	}
	return nil
}

// Quiet: the error or the failures reach someone.

func (p *Producer) Returned(ctx context.Context) error {
	_, err := p.api.SendMessage(ctx, in())
	return err
}

func (p *Producer) Wrapped(ctx context.Context) error {
	if _, err := p.api.SendMessage(ctx, in()); err != nil {
		return fmt.Errorf("send: %w", err)
	}
	return nil
}

func (p *Producer) Joined(ctx context.Context) error {
	var errs error
	for range 3 {
		_, err := p.api.SendMessage(ctx, in())
		errs = errors.Join(errs, err)
	}
	return errs
}

func (p *Producer) Panics(ctx context.Context) {
	if _, err := p.api.SendMessage(ctx, in()); err != nil {
		panic(err)
	}
}

func (p *Producer) Channel(ctx context.Context, errc chan<- error) {
	_, err := p.api.SendMessage(ctx, in())
	errc <- err
}

func (p *Producer) Stored(ctx context.Context) {
	_, err := p.api.SendMessage(ctx, in())
	p.lastErr = err
}

func (p *Producer) Named(ctx context.Context) (err error) {
	_, err = p.api.SendMessage(ctx, in())
	return
}

func (p *Producer) Group(ctx context.Context) error {
	var g errgroup.Group
	for range 3 {
		g.Go(func() error {
			_, err := p.api.SendMessage(ctx, in())
			return err
		})
	}
	return g.Wait()
}

func (p *Producer) Retry(ctx context.Context) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = p.api.SendMessage(ctx, in()); err == nil {
			return nil
		}
	}
	return err
}

func (p *Producer) Logged(ctx context.Context) error {
	if _, err := p.api.SendMessage(ctx, in()); err != nil {
		log.Printf("send failed: %v", err)
		return nil
	}
	return nil
}

func (p *Producer) NewError(ctx context.Context) error {
	if _, err := p.api.SendMessage(ctx, in()); err != nil {
		return errors.New("send failed")
	}
	return nil
}

func (p *Producer) Fallback(ctx context.Context, dlq func(*sqs.SendMessageInput)) {
	msg := in()
	if _, err := p.api.SendMessage(ctx, msg); err != nil {
		dlq(msg)
	}
}

func (p *Producer) BatchChecked(ctx context.Context) error {
	out, err := p.api.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{})
	if err != nil {
		return err
	}
	if len(out.Failed) > 0 {
		return fmt.Errorf("%d entries failed", len(out.Failed))
	}
	return nil
}

func (p *Producer) BatchRanged(ctx context.Context) ([]types.BatchResultErrorEntry, error) {
	out, err := p.api.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{})
	if err != nil {
		return nil, err
	}
	var failed []types.BatchResultErrorEntry
	for _, f := range out.Failed {
		failed = append(failed, f)
	}
	return failed, nil
}

func (p *Producer) BatchReturned(ctx context.Context) (*sqs.SendMessageBatchOutput, error) {
	return p.api.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{})
}

func (p *Producer) BatchPassedOn(ctx context.Context, check func(*sqs.SendMessageBatchOutput) error) error {
	out, err := p.api.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{})
	if err != nil {
		return err
	}
	return check(out)
}
