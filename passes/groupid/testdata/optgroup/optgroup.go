// Package optgroup wraps sends whose group id is an optional argument.
package optgroup

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go/service/sns"
)

type Options struct {
	GroupID string
	DedupID string
}

type Queue struct {
	client *sqs.Client
	url    string
}

// Send passes the options' group through, whatever it is.
func (q *Queue) Send(ctx context.Context, body string, options ...Options) error {
	opts := options[0]
	_, err := q.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(q.url),
		MessageBody:            aws.String(body),
		MessageGroupId:         aws.String(opts.GroupID),
		MessageDeduplicationId: aws.String(opts.DedupID),
	})
	return err
}

// SendOrdered falls back to one group for everything when the caller names none.
func (q *Queue) SendOrdered(ctx context.Context, body string, group ...string) error {
	g := "default"
	if len(group) > 0 && group[0] != "" {
		g = group[0]
	}
	_, err := q.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(q.url),
		MessageBody:    aws.String(body),
		MessageGroupId: aws.String(g),
	})
	return err
}

type Topic struct {
	client *sns.SNS
	arn    string
}

// Publish (v1 SDK) sets the group only when the options carry one.
func (t *Topic) Publish(ctx context.Context, body string, opts *Options) error {
	in := &sns.PublishInput{TopicArn: aws.String(t.arn), Message: aws.String(body)}
	if opts != nil && opts.GroupID != "" {
		in.SetMessageGroupId(opts.GroupID)
	}
	_, err := t.client.PublishWithContext(ctx, in)
	return err
}

// SendWith falls back to one group when the options are nil or name none.
func (q *Queue) SendWith(ctx context.Context, body string, o *Options) error {
	g := "default"
	if o != nil && o.GroupID != "" {
		g = o.GroupID
	}
	_, err := q.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(q.url),
		MessageBody:    aws.String(body),
		MessageGroupId: aws.String(g),
	})
	return err
}

type publishOptions struct {
	group string
}

// PublishOption sets an optional per-message setting.
type PublishOption func(*publishOptions)

func WithGroup(g string) PublishOption { return func(o *publishOptions) { o.group = g } }

// Publish takes functional options; without them every message shares
// the default group.
func (q *Queue) Publish(ctx context.Context, body string, opts ...PublishOption) error {
	o := publishOptions{group: "shared"}
	for _, opt := range opts {
		opt(&o)
	}
	_, err := q.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(q.url),
		MessageBody:    aws.String(body),
		MessageGroupId: aws.String(o.group),
	})
	return err
}
