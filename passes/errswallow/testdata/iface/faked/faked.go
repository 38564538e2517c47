// Package faked reaches SQS through an interface that its tests fake:
// the fakes in its test files, and the package of fakes only they import,
// are not implementations the code runs with.
package faked

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

type Notifier interface {
	Notify(ctx context.Context, msg string) error
}

type queueNotifier struct {
	client *sqs.Client
	url    string
}

func (q *queueNotifier) Notify(ctx context.Context, msg string) error {
	_, err := q.client.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(q.url), MessageBody: aws.String(msg)})
	return err
}

type Service struct{ n Notifier }

func (s *Service) Dropped(ctx context.Context, msg string) {
	_ = s.n.Notify(ctx, msg) // want `the error from Notifier.Notify \(whose implementations return the error of SendMessage\) is assigned to _`
}

func (s *Service) Handled(ctx context.Context, msg string) error {
	return s.n.Notify(ctx, msg)
}
