// Package strict logs and carries on: reported only with -errswallow.strict.
package strict

import (
	"context"
	"log/slog"

	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

func Send(ctx context.Context, c *sqs.Client, in *sqs.SendMessageInput) error {
	if _, err := c.SendMessage(ctx, in); err != nil { // want `only logs the error and returns nil`
		slog.Error("send failed", "err", err)
		return nil
	}
	return nil
}
