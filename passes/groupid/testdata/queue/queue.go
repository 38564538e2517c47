// Package queue is a team's wrapper around SQS: callers in other packages
// choose the group and dedup ids.
package queue

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

type Queue struct {
	client *sqs.Client
	url    string
}

func New(c *sqs.Client, url string) *Queue { return &Queue{client: c, url: url} }

func (q *Queue) Publish(ctx context.Context, group, dedup, body string) error {
	_, err := q.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(q.url),
		MessageBody:            aws.String(body),
		MessageGroupId:         aws.String(group),
		MessageDeduplicationId: aws.String(dedup),
	})
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	return nil
}

// PublishKeyed groups by a key under a fixed namespace.
func (q *Queue) PublishKeyed(ctx context.Context, key, body string) error {
	return q.Publish(ctx, "ns:"+key, key, body)
}

// Event is what the event helpers send.
type Event struct {
	Stream string
	Key    string
	Body   string
}

func (q *Queue) PublishEvent(ctx context.Context, e Event) error {
	return q.Publish(ctx, e.Stream, e.Key, e.Body)
}
