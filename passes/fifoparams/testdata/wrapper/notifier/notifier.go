// Package notifier builds send inputs in a method, with a fixed delay,
// and tests it through a function variable (the argoproj shape).
package notifier

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

type Notification struct{ Message, Group string }

type sqsService struct {
	client *sqs.Client
	queue  string
}

func (s sqsService) Send(ctx context.Context, n Notification) error {
	out, err := s.client.GetQueueUrl(ctx, &sqs.GetQueueUrlInput{QueueName: &s.queue})
	if err != nil {
		return err
	}
	_, err = s.client.SendMessage(ctx, s.sendMessageInput(out.QueueUrl, n))
	return err
}

func (s sqsService) sendMessageInput(queueURL *string, n Notification) *sqs.SendMessageInput {
	input := &sqs.SendMessageInput{
		QueueUrl:     queueURL,
		MessageBody:  aws.String(n.Message),
		DelaySeconds: 10,
	}
	if n.Group != "" {
		input.MessageGroupId = aws.String(n.Group)
	}
	return input
}

// The same shape outside tests: a function variable holding a method
// expression, and a method value.
var buildInput = (sqsService).sendMessageInput

func preview(s sqsService) (*sqs.SendMessageInput, *sqs.SendMessageInput) {
	queueURL := "https://sqs.us-east-1.amazonaws.com/123456789012/preview.fifo"
	a := buildInput(s, &queueURL, Notification{Message: "hi", Group: "g"}) // want `DelaySeconds is 10 on a send to FIFO queue "…/preview.fifo" through sqsService.sendMessageInput`
	build := s.sendMessageInput
	otherURL := "https://sqs.us-east-1.amazonaws.com/123456789012/other.fifo"
	b := build(&otherURL, Notification{Message: "hi"}) // want `DelaySeconds is 10 on a send to FIFO queue "…/other.fifo" through sqsService.sendMessageInput`
	standardURL := "https://sqs.us-east-1.amazonaws.com/123456789012/standard"
	_ = buildInput(s, &standardURL, Notification{Message: "hi"})
	return a, b
}
