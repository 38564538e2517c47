// Package wrap imports the SDK with a dot import and exports generic and
// non-generic wrappers of sends, for package dotuse, which calls them
// through a dot import of this package.
package wrap

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	. "github.com/aws/aws-sdk-go-v2/service/sqs"
)

// Sender has the shape of the send; *Client implements it.
type Sender interface {
	SendMessage(ctx context.Context, in *SendMessageInput, optFns ...func(*Options)) (*SendMessageOutput, error)
}

// Send wraps a send, through a dot import of the SDK.
func Send(ctx context.Context, c *Client, body string) error {
	_, err := c.SendMessage(ctx, &SendMessageInput{MessageBody: aws.String(body)})
	return err
}

// SendAll is generic over the sender.
func SendAll[S Sender](ctx context.Context, s S, bodies ...string) error {
	for _, b := range bodies {
		if _, err := s.SendMessage(ctx, &SendMessageInput{MessageBody: aws.String(b)}); err != nil {
			return err
		}
	}
	return nil
}

// DotDrop drops the error of a send made through the dot import.
func DotDrop(ctx context.Context, c *Client) {
	c.SendMessage(ctx, &SendMessageInput{}) // want `the error from SendMessage is not checked`
}
