package dotuse

import (
	"context"

	. "github.com/aws/aws-sdk-go-v2/aws"
	queue "github.com/aws/aws-sdk-go-v2/service/sqs"
)

func DotAWS(ctx context.Context, c *queue.Client, o Order) error {
	if _, err := c.SendMessage(ctx, &queue.SendMessageInput{MessageGroupId: String(o.Customer)}); err != nil {
		return err
	}
	_, err := c.SendMessage(ctx, &queue.SendMessageInput{MessageGroupId: String("dot-aws")}) // want `MessageGroupId is constant "dot-aws"`
	return err
}
