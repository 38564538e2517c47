// Package wrap exports a sink.
package wrap

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

type Q struct{ c *sqs.Client }

func (q *Q) Send(ctx context.Context, group, dedup, body string) error { // want Send:`sink\(MessageGroupId=none\+param1, MessageDeduplicationId=const\+param2\)`
	_, err := q.c.SendMessage(ctx, &sqs.SendMessageInput{
		MessageGroupId:         aws.String(group),
		MessageDeduplicationId: aws.String("d-" + dedup),
		MessageBody:            aws.String(body),
	})
	return err
}
