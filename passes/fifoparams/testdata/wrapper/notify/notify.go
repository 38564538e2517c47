// Package notify wraps SQS and SNS sends; its callers choose the queue.
package notify

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

// Notifier sends notifications.
type Notifier struct {
	SQS *sqs.Client
	SNS *sns.Client
}

// Send always delays by 10 seconds.
func (n *Notifier) Send(ctx context.Context, queueURL, body, group string) error { // want Send:`wrapper\(param 1: SendMessage delay=10 nogroup=false\)`
	_, err := n.SQS.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(queueURL),
		MessageBody:    aws.String(body),
		MessageGroupId: aws.String(group),
		DelaySeconds:   10,
	})
	return err
}

// SendNow never sets a group.
func (n *Notifier) SendNow(ctx context.Context, queueURL, body string) error { // want SendNow:`wrapper\(param 1: SendMessage delay=0 nogroup=true\)`
	_, err := n.SQS.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(queueURL), MessageBody: aws.String(body)})
	return err
}

// Publish never sets a group.
func Publish(ctx context.Context, c *sns.Client, topicARN *string, msg string) error { // want Publish:`wrapper\(param 2: Publish delay=0 nogroup=true\)`
	_, err := c.Publish(ctx, &sns.PublishInput{TopicArn: topicARN, Message: aws.String(msg)})
	return err
}

// SendGrouped sets everything right.
func (n *Notifier) SendGrouped(ctx context.Context, queueURL, body, group string) error {
	_, err := n.SQS.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(queueURL), MessageBody: aws.String(body), MessageGroupId: aws.String(group)})
	return err
}

// SendDelayed takes the delay from its caller.
func (n *Notifier) SendDelayed(ctx context.Context, queueURL, body, group string, delay int32) error {
	_, err := n.SQS.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(queueURL), MessageBody: aws.String(body), MessageGroupId: aws.String(group), DelaySeconds: delay})
	return err
}

// Input builds a send input with a fixed delay (the argoproj shape).
func Input(queueURL *string, body string) *sqs.SendMessageInput { // want Input:`wrapper\(param 0: SendMessage delay=10 nogroup=false\)`
	return &sqs.SendMessageInput{QueueUrl: queueURL, MessageBody: aws.String(body), DelaySeconds: 10}
}

// input is an unexported builder that only ever gets a FIFO queue's URL.
func input(queueURL string) *sqs.SendMessageInput {
	return &sqs.SendMessageInput{QueueUrl: aws.String(queueURL), MessageGroupId: aws.String("g"), DelaySeconds: 15}
}

func useInput(ctx context.Context, c *sqs.Client) {
	c.SendMessage(ctx, input("https://sqs.us-east-1.amazonaws.com/123456789012/alerts.fifo")) // want `DelaySeconds is 15 on a send to FIFO queue "…/alerts.fifo" through input`
}

// sendOnly is an unexported sender that only ever gets a FIFO queue's
// URL: reported at its send.
func sendOnly(ctx context.Context, c *sqs.Client, queueURL string) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(queueURL), MessageGroupId: aws.String("g"), DelaySeconds: 20}) // want `DelaySeconds is 20 on a send to FIFO queue "…/alerts.fifo":`
}

func useSendOnly(ctx context.Context, c *sqs.Client) {
	sendOnly(ctx, c, "https://sqs.us-east-1.amazonaws.com/123456789012/alerts.fifo")
}

// Alert builds an alert input for the alerts FIFO queue: the argoproj
// shape with the URL in view.
func Alert(body string) *sqs.SendMessageInput {
	return Input(aws.String("https://sqs.us-east-1.amazonaws.com/123456789012/alerts.fifo"), body) // want `DelaySeconds is 10 on a send to FIFO queue "…/alerts.fifo" through Input`
}
