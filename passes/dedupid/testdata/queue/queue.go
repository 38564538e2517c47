// Package queue wraps SNS: callers choose the ids.
package queue

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
)

type Topic struct {
	client *sns.Client
	arn    string
}

func (t *Topic) Publish(ctx context.Context, group, dedup, body string) error {
	_, err := t.client.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(t.arn),
		Message:                aws.String(body),
		MessageGroupId:         aws.String(group),
		MessageDeduplicationId: aws.String(dedup),
	})
	return err
}
