// Package adapters implements the ports with SQS.
package adapters

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"example.com/errswallow/iface/ports"
)

type QueueNotifier struct {
	client *sqs.Client
	url    string
}

func (q *QueueNotifier) Notify(ctx context.Context, msg string) error {
	_, err := q.client.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(q.url), MessageBody: aws.String(msg)})
	return err
}

type QueueAuditor struct{ QueueNotifier }

func (q QueueAuditor) Audit(ctx context.Context, event string) error { return q.Notify(ctx, event) }

// FileAuditor writes to a file: its error is not a send's.
type FileAuditor struct{ f *os.File }

func (a FileAuditor) Audit(_ context.Context, event string) error {
	_, err := a.f.WriteString(event)
	return err
}

var (
	_ ports.Notifier = (*QueueNotifier)(nil)
	_ ports.Auditor  = QueueAuditor{}
	_ ports.Auditor  = FileAuditor{}
)

// notifier is implemented in this package only.
type notifier interface {
	Notify(ctx context.Context, msg string) error
}

func Broadcast(ctx context.Context, n notifier, msgs []string) {
	for _, m := range msgs {
		n.Notify(ctx, m) // want `the error from notifier.Notify \(whose implementations return the error of SendMessage\) is not checked`
	}
}
