package testfiles

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

// Tests send invalid values on purpose (to check error paths): nothing is
// reported in _test.go files.
func TestInvalid(t *testing.T) {
	var c *sqs.Client
	if c == nil {
		t.Skip("no client")
	}
	c.SendMessage(context.Background(), &sqs.SendMessageInput{
		QueueUrl:     aws.String("https://sqs.us-east-1.amazonaws.com/123456789012/orders.fifo"),
		DelaySeconds: 10,
	})
	c.ReceiveMessage(context.Background(), &sqs.ReceiveMessageInput{QueueUrl: aws.String("q"), MaxNumberOfMessages: 20})
}
