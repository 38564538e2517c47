// Package suppressed checks the //fifolint:ignore directive.
package suppressed

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

type Audit struct {
	client *sqs.Client
	stream string
}

func NewAudit(c *sqs.Client) *Audit { return &Audit{client: c, stream: "audit"} }

func (a *Audit) Trailing(ctx context.Context, body string) error {
	_, err := a.client.SendMessage(ctx, &sqs.SendMessageInput{
		MessageGroupId: aws.String(a.stream), //fifolint:ignore groupid one ordered audit stream by design
		MessageBody:    aws.String(body),
	})
	return err
}

func (a *Audit) Above(ctx context.Context, body string) error {
	_, err := a.client.SendMessage(ctx, &sqs.SendMessageInput{
		//fifolint:ignore groupid,dedupid one ordered audit stream by design
		MessageGroupId: aws.String(a.stream),
		MessageBody:    aws.String(body),
	})
	return err
}

func (a *Audit) NoReason(ctx context.Context, body string) error {
	_, err := a.client.SendMessage(ctx, &sqs.SendMessageInput{
		MessageGroupId: aws.String(a.stream), //fifolint:ignore groupid // want `MessageGroupId is field stream` `directive has no reason`
		MessageBody:    aws.String(body),
	})
	return err
}

func (a *Audit) OtherPass(ctx context.Context, body string) error {
	_, err := a.client.SendMessage(ctx, &sqs.SendMessageInput{
		MessageGroupId: aws.String(a.stream), //fifolint:ignore dedupid wrong pass // want `MessageGroupId is field stream`
		MessageBody:    aws.String(body),
	})
	return err
}

func (a *Audit) TrailingOnLineAbove(ctx context.Context, body string) error {
	x := 1                                                                                                                          //fifolint:ignore groupid only covers its own line // want `directive for groupid suppresses nothing here`
	_, err := a.client.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(a.stream), MessageBody: aws.String(body)}) // want `MessageGroupId is field stream`
	_ = x
	return err
}

//fifolint:ignore grupid typo in the pass name // want `unknown pass "grupid"`
var _ = 0

//fifolint:ignore groupid stale: nothing is reported below // want `directive for groupid suppresses nothing here`
var _ = 0
