// Package notify enqueues user notifications (email, push, SMS) on the
// notifications FIFO queue consumed by the delivery workers.
package notify

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

// Notification is one message to a user.
type Notification struct {
	ID       string            `json:"id"`
	UserID   string            `json:"user_id"`
	Channel  string            `json:"channel"`
	Template string            `json:"template"`
	Data     map[string]string `json:"data,omitempty"`
}

// Sender is implemented by *sqs.Client.
type Sender interface {
	SendMessage(ctx context.Context, params *sqs.SendMessageInput, optFns ...func(*sqs.Options)) (*sqs.SendMessageOutput, error)
}

// Notifier enqueues notifications.
type Notifier struct {
	client   Sender
	queueURL string
	group    string
	attrs    map[string]types.MessageAttributeValue
}

// Option configures a Notifier.
type Option func(*Notifier)

// WithGroup sets the message group notifications are sent under.
func WithGroup(group string) Option {
	return func(n *Notifier) { n.group = group }
}

// WithAttribute adds a message attribute to every notification.
func WithAttribute(name, value string) Option {
	return func(n *Notifier) {
		n.attrs[name] = types.MessageAttributeValue{DataType: aws.String("String"), StringValue: aws.String(value)}
	}
}

// New returns a Notifier. The default group is "notifications".
func New(client Sender, queueURL string, opts ...Option) *Notifier {
	n := &Notifier{
		client:   client,
		queueURL: queueURL,
		group:    "notifications",
		attrs:    map[string]types.MessageAttributeValue{},
	}
	for _, opt := range opts {
		opt(n)
	}
	return n
}

func (n *Notifier) input(note Notification) (*sqs.SendMessageInput, error) {
	body, err := json.Marshal(note)
	if err != nil {
		return nil, err
	}
	return &sqs.SendMessageInput{
		QueueUrl:               aws.String(n.queueURL),
		MessageBody:            aws.String(string(body)),
		MessageAttributes:      n.attrs,
		MessageGroupId:         aws.String(n.group), // BUG(groupid): group set once by New/WithGroup, all users share one stream
		MessageDeduplicationId: aws.String(note.ID),
	}, nil
}

// Notify enqueues note.
func (n *Notifier) Notify(ctx context.Context, note Notification) error {
	in, err := n.input(note)
	if err != nil {
		return err
	}
	if _, err := n.client.SendMessage(ctx, in); err != nil {
		return fmt.Errorf("notify %s: %w", note.ID, err)
	}
	return nil
}

// TryNotify enqueues note and reports whether it was accepted. Used from
// request handlers that must not fail because of a notification.
func (n *Notifier) TryNotify(ctx context.Context, note Notification) bool {
	in, err := n.input(note)
	if err != nil {
		return false
	}
	if _, err := n.client.SendMessage(ctx, in); err != nil { // BUG(errswallow): only turned into false, the cause is lost
		return false
	}
	return true
}

// Broadcast sends the same template to many users, e.g. a maintenance
// announcement.
func (n *Notifier) Broadcast(ctx context.Context, template string, userIDs []string) {
	send := n.client.SendMessage
	for _, uid := range userIDs {
		in, err := n.input(Notification{ID: template + "-" + uid, UserID: uid, Channel: "email", Template: template})
		if err != nil {
			continue
		}
		send(ctx, in) // BUG(errswallow): method value called as a statement
	}
}

// NotifyAll enqueues notes concurrently and returns the first error.
func (n *Notifier) NotifyAll(ctx context.Context, notes []Notification) error {
	errc := make(chan error, len(notes))
	var wg sync.WaitGroup
	for _, note := range notes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			in, err := n.input(note)
			if err != nil {
				errc <- err
				return
			}
			_, err = n.client.SendMessage(ctx, in)
			errc <- err
		}()
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		if err != nil {
			return err
		}
	}
	return nil
}
