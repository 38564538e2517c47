// Package dotuse uses the SDK through dot imports (one SDK package per
// file: aws and sqs both declare EndpointResolver and HTTPClient).
package dotuse

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	. "github.com/aws/aws-sdk-go-v2/service/sqs"
)

var streamGroup = "stream"

type Order struct{ ID, Customer string }

func DotSQS(ctx context.Context, c *Client, o Order) error {
	if _, err := c.SendMessage(ctx, &SendMessageInput{MessageGroupId: aws.String(o.Customer)}); err != nil {
		return err
	}
	in := &SendMessageInput{MessageBody: aws.String(o.ID)}
	in.MessageGroupId = aws.String(streamGroup) // want `MessageGroupId is package variable streamGroup`
	_, err := c.SendMessage(ctx, in)
	return err
}
