// Package optwrap wraps SQS and SNS sends whose ids are optional
// arguments: a variadic options struct, a variadic id, an options pointer.
package optwrap

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

type Options struct {
	GroupID string
	DedupID string
}

type Queue struct {
	client *sqs.Client
	url    string
}

// Send sets MessageDeduplicationId only when the caller chose one; without
// it the queue deduplicates by content.
func (q *Queue) Send(ctx context.Context, body string, options ...Options) error {
	var opts Options
	if len(options) > 0 {
		opts = options[0]
	}
	in := &sqs.SendMessageInput{
		QueueUrl:       aws.String(q.url),
		MessageBody:    aws.String(body),
		MessageGroupId: aws.String(opts.GroupID),
	}
	if opts.DedupID != "" {
		in.MessageDeduplicationId = aws.String(opts.DedupID)
	}
	_, err := q.client.SendMessage(ctx, in)
	return err
}

// SendKeyed falls back to one fixed id when the caller gives none.
func (q *Queue) SendKeyed(ctx context.Context, group, body string, dedup ...string) error {
	id := "no-key"
	if len(dedup) > 0 {
		id = dedup[0]
	}
	_, err := q.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(q.url),
		MessageBody:            aws.String(body),
		MessageGroupId:         aws.String(group),
		MessageDeduplicationId: aws.String(id),
	})
	return err
}

type PublishOptions struct {
	DedupID string
}

type Topic struct {
	client *sns.Client
	arn    string
}

// Publish takes its optional settings through a pointer that may be nil.
func (t *Topic) Publish(ctx context.Context, group, body string, opts *PublishOptions) error {
	in := &sns.PublishInput{
		TopicArn:       aws.String(t.arn),
		Message:        aws.String(body),
		MessageGroupId: aws.String(group),
	}
	if opts != nil && opts.DedupID != "" {
		in.MessageDeduplicationId = aws.String(opts.DedupID)
	}
	_, err := t.client.Publish(ctx, in)
	return err
}

// PublishWith takes its settings by value; the zero value means "none".
func (t *Topic) PublishWith(ctx context.Context, group, body string, opts PublishOptions) error {
	in := &sns.PublishInput{
		TopicArn:       aws.String(t.arn),
		Message:        aws.String(body),
		MessageGroupId: aws.String(group),
	}
	if opts.DedupID != "" {
		in.MessageDeduplicationId = aws.String(opts.DedupID)
	}
	_, err := t.client.Publish(ctx, in)
	return err
}

type sendOptions struct{ dedup string }

// SendOption is a functional option of SendWith.
type SendOption func(*sendOptions)

func WithDedup(id string) SendOption { return func(o *sendOptions) { o.dedup = id } }

// SendWith sets the id only when an option gives one.
func (q *Queue) SendWith(ctx context.Context, group, body string, opts ...SendOption) error {
	var o sendOptions
	for _, opt := range opts {
		opt(&o)
	}
	in := &sqs.SendMessageInput{QueueUrl: aws.String(q.url), MessageBody: aws.String(body), MessageGroupId: aws.String(group)}
	if o.dedup != "" {
		in.MessageDeduplicationId = aws.String(o.dedup)
	}
	_, err := q.client.SendMessage(ctx, in)
	return err
}
