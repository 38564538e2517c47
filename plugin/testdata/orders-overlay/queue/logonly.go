package queue

// This file is copied into a temporary copy of examples/orders by
// TestGolangciLint (plugin/golangci_test.go). Its failure path only logs
// the error: errswallow reports that with errswallow-strict only.

import (
	"context"
	"log/slog"

	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

// Notify sends in and logs a failure.
func Notify(ctx context.Context, c *sqs.Client, in *sqs.SendMessageInput) error {
	if _, err := c.SendMessage(ctx, in); err != nil { // STRICT(errswallow): logs the error and returns nil
		slog.Error("send failed", "err", err)
		return nil
	}
	return nil
}
