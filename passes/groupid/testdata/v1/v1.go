// Package v1 uses aws-sdk-go v1: setters, batch entries and sqsiface.
package v1

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/sns"
	"github.com/aws/aws-sdk-go/service/sqs"
	"github.com/aws/aws-sdk-go/service/sqs/sqsiface"
)

type Order struct{ ID, Customer string }

type Publisher struct {
	svc   sqsiface.SQSAPI
	group string
}

func NewPublisher(svc sqsiface.SQSAPI, group string) *Publisher {
	return &Publisher{svc: svc, group: group}
}

func (p *Publisher) Send(o Order) error {
	in := &sqs.SendMessageInput{MessageBody: aws.String(o.ID)}
	in.SetMessageGroupId(p.group) // want `MessageGroupId is field group, set once in NewPublisher`
	_, err := p.svc.SendMessage(in)
	return err
}

func (p *Publisher) SendBatch(orders []Order) error {
	var entries []*sqs.SendMessageBatchRequestEntry
	for _, o := range orders {
		entries = append(entries, &sqs.SendMessageBatchRequestEntry{Id: aws.String(o.ID), MessageBody: aws.String(o.ID), MessageGroupId: aws.String("batch")}) // want `MessageGroupId is constant "batch"`
	}
	_, err := p.svc.SendMessageBatch(&sqs.SendMessageBatchInput{Entries: entries})
	return err
}

func (p *Publisher) SendPerMessage(o Order) error {
	in := (&sqs.SendMessageInput{}).SetMessageBody(o.ID).SetMessageGroupId(o.Customer)
	_, err := p.svc.SendMessage(in)
	return err
}

func Publish(svc *sns.SNS, o Order) error {
	in := &sns.PublishInput{Message: aws.String(o.ID)}
	in.SetMessageGroupId("topic-group") // want `MessageGroupId is constant "topic-group"`
	_, err := svc.Publish(in)
	return err
}
