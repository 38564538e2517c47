// Package dotuse calls the wrappers of package wrap through a dot import,
// and the SDK through a renamed import.
package dotuse

import (
	"context"

	queue "github.com/aws/aws-sdk-go-v2/service/sqs"

	. "example.com/errswallow/constructs/wrap"
)

func Drops(ctx context.Context, c *queue.Client) {
	Send(ctx, c, "b")                                    // want `the error from wrap.Send \(which returns the error of SendMessage\) is not checked`
	_ = SendAll(ctx, c, "a", "b")                        // want `the error from wrap.SendAll \(which returns the error of SendMessage\) is assigned to _`
	go SendAll[Sender](ctx, c, "a")                      // want `wrap.SendAll \(which returns the error of SendMessage\) runs in a goroutine and its error is dropped`
	_, _ = c.SendMessage(ctx, &queue.SendMessageInput{}) // want `the error from SendMessage is assigned to _`
}

func Handles(ctx context.Context, c *queue.Client) error {
	if err := Send(ctx, c, "b"); err != nil {
		return err
	}
	return SendAll(ctx, c, "a")
}
