// Package resolverv1 proves FIFO queues and topics with aws-sdk-go v1
// outputs.
package resolverv1

import (
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/sns"
	"github.com/aws/aws-sdk-go/service/sqs"
	"github.com/aws/aws-sdk-go/service/sqs/sqsiface"
)

func getQueueURL(c sqsiface.SQSAPI) error {
	out, err := c.GetQueueUrl(&sqs.GetQueueUrlInput{QueueName: aws.String("orders.fifo")})
	if err != nil {
		return err
	}
	_, err = c.SendMessage(&sqs.SendMessageInput{QueueUrl: out.QueueUrl, MessageGroupId: aws.String("g"), DelaySeconds: aws.Int64(5)}) // want `DelaySeconds is 5 on a send to FIFO queue "…/orders.fifo"`
	return err
}

func getQueueURLRequest(c *sqs.SQS, env string) error {
	req, out := c.GetQueueUrlRequest(&sqs.GetQueueUrlInput{QueueName: aws.String(fmt.Sprintf("orders-%s.fifo", env))})
	if err := req.Send(); err != nil {
		return err
	}
	_, err := c.SendMessage(&sqs.SendMessageInput{QueueUrl: out.QueueUrl, MessageBody: aws.String("b")}) // want `SendMessage to FIFO queue "….fifo" has no MessageGroupId`
	return err
}

func createQueue(c *sqs.SQS) error {
	in := &sqs.CreateQueueInput{}
	in.SetQueueName("jobs.fifo")
	in.SetAttributes(map[string]*string{"FifoQueue": aws.String("true")})
	out, err := c.CreateQueue(in)
	if err != nil {
		return err
	}
	_, err = c.SendMessage(&sqs.SendMessageInput{QueueUrl: out.QueueUrl, MessageGroupId: aws.String("g"), DelaySeconds: aws.Int64(5)}) // want `DelaySeconds is 5 on a send to FIFO queue "…/jobs.fifo"`
	return err
}

func createTopic(c *sns.SNS) error {
	out, err := c.CreateTopic(&sns.CreateTopicInput{Name: aws.String("events.fifo"), Attributes: map[string]*string{"FifoTopic": aws.String("true")}})
	if err != nil {
		return err
	}
	_, err = c.Publish(&sns.PublishInput{TopicArn: out.TopicArn, Message: aws.String("m")}) // want `Publish to FIFO topic "…:events.fifo" has no MessageGroupId`
	return err
}

func suffixCheck(c *sqs.SQS, url string) {
	in := &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageBody: aws.String("b")}
	if !strings.HasSuffix(url, ".fifo") {
		in.SetDelaySeconds(30)
	}
	c.SendMessage(in)
}

func suffixCheckElse(c *sqs.SQS, url string) {
	if !strings.HasSuffix(url, ".fifo") {
		return
	} else {
		c.SendMessage(&sqs.SendMessageInput{QueueUrl: &url, MessageGroupId: aws.String("g"), DelaySeconds: aws.Int64(2)}) // want `DelaySeconds is 2 on a send to a FIFO queue \(the send runs only when its name ends in ".fifo"\)`
	}
}

func standardName(c *sqs.SQS) error {
	out, err := c.GetQueueUrl(&sqs.GetQueueUrlInput{QueueName: aws.String("audit")})
	if err != nil {
		return err
	}
	_, err = c.SendMessage(&sqs.SendMessageInput{QueueUrl: out.QueueUrl, DelaySeconds: aws.Int64(5)})
	return err
}
