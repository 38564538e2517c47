// Package wrapg exports a generic wrapper whose callers choose the group.
package wrapg

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

func Publish[T any](ctx context.Context, c *sqs.Client, group string, v T) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(group), MessageBody: aws.String("b")})
	return err
}
