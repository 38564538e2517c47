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

// Forwarder sends through the method value it holds.
type Forwarder struct {
	send func(ctx context.Context, group, dedup, body string) error
}

func NewForwarder(q *Q) *Forwarder { return &Forwarder{send: q.Send} }

// Its dedup id is constant: reported here, not exported.
func (f *Forwarder) Forward(ctx context.Context, group, body string) error { // want Forward:`sink\(MessageGroupId=none\+param1\)`
	return f.send(ctx, group, "fwd", body)
}
