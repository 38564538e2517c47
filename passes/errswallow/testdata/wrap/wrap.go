// Package wrap wraps sends; its callers live in package use.
package wrap

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
)

type Publisher interface {
	Publish(ctx context.Context, in *sns.PublishInput, optFns ...func(*sns.Options)) (*sns.PublishOutput, error)
}

type Topic struct{ client Publisher }

func New(c Publisher) *Topic { return &Topic{client: c} }

func (t *Topic) Publish(ctx context.Context, group, body string) error {
	_, err := t.client.Publish(ctx, &sns.PublishInput{MessageGroupId: aws.String(group), Message: aws.String(body)})
	if err != nil {
		return fmt.Errorf("publish to topic: %w", err)
	}
	return nil
}

// PublishAll wraps the wrapper.
func (t *Topic) PublishAll(ctx context.Context, bodies []string) error {
	for _, b := range bodies {
		if err := t.Publish(ctx, "g", b); err != nil {
			return err
		}
	}
	return nil
}

// Send is generic over the payload.
func Send[T fmt.Stringer](ctx context.Context, t *Topic, v T) error {
	return t.Publish(ctx, v.String(), v.String())
}
