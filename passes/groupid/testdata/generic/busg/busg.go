// Package busg exports a generic bus over aws-sdk-go v1 and a generic
// group helper.
package busg

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/sqs"
)

// Bus sends values of one type; its callers choose the group.
type Bus[T any] struct {
	svc *sqs.SQS
	url string
}

func New[T any](svc *sqs.SQS, url string) *Bus[T] { return &Bus[T]{svc: svc, url: url} }

func (b *Bus[T]) Send(group string, body T, encode func(T) string) error {
	in := &sqs.SendMessageInput{QueueUrl: aws.String(b.url), MessageBody: aws.String(encode(body))}
	in.SetMessageGroupId(group)
	_, err := b.svc.SendMessage(in)
	return err
}

// Lane is the same group for every value of a kind.
func Lane[K ~string](kind K) string { return "lane-" + string(kind) }
