// Package fixes holds the failure paths fifolint can fix.
package fixes

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

func Send(ctx context.Context, c *sqs.Client, in *sqs.SendMessageInput) error {
	if _, err := c.SendMessage(ctx, in); err != nil { // want `on failure this code returns nil`
		return nil
	}
	return nil
}

func SendID(ctx context.Context, c *sqs.Client, in *sqs.SendMessageInput) (string, error) {
	out, err := c.SendMessage(ctx, in) // want `on failure this code returns "", nil`
	if err != nil {
		return "", nil
	}
	return *out.MessageId, nil
}
