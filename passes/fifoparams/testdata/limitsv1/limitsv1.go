// Package limitsv1 checks ids, batches and ranges with aws-sdk-go v1, where
// every number is a pointer that is sent when non-nil.
package limitsv1

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/sns"
	"github.com/aws/aws-sdk-go/service/sqs"
	"github.com/aws/aws-sdk-go/service/sqs/sqsiface"
)

func receive(c sqsiface.SQSAPI, url string) {
	c.ReceiveMessage(&sqs.ReceiveMessageInput{QueueUrl: aws.String(url), MaxNumberOfMessages: aws.Int64(10), WaitTimeSeconds: aws.Int64(20)})
	c.ReceiveMessage(&sqs.ReceiveMessageInput{QueueUrl: aws.String(url), MaxNumberOfMessages: aws.Int64(0)}) // want `MaxNumberOfMessages is 0: SQS accepts 1 to 10`
	in := &sqs.ReceiveMessageInput{QueueUrl: aws.String(url)}
	in.SetMaxNumberOfMessages(25)          // want `MaxNumberOfMessages is 25`
	in.SetWaitTimeSeconds(30)              // want `WaitTimeSeconds is 30: SQS accepts 0 to 20`
	in.SetReceiveRequestAttemptId("try 1") // want `ReceiveRequestAttemptId "try 1" contains ' '`
	c.ReceiveMessage(in)
	c.ChangeMessageVisibility(&sqs.ChangeMessageVisibilityInput{QueueUrl: aws.String(url), VisibilityTimeout: aws.Int64(43201)}) // want `VisibilityTimeout is 43201`
}

func send(c sqsiface.SQSAPI, url string) {
	c.SendMessage(&sqs.SendMessageInput{QueueUrl: aws.String(url), DelaySeconds: aws.Int64(1000)}) // want `DelaySeconds is 1000: SQS accepts 0 to 900`
	in := &sqs.SendMessageInput{QueueUrl: aws.String(url)}
	in.SetMessageGroupId("a b") // want `MessageGroupId "a b" contains ' '`
	c.SendMessage(in)
	entry := &sqs.SendMessageBatchRequestEntry{}
	entry.SetId("e.1") // want `batch entry Id "e.1" contains '.'`
	c.SendMessageBatch(&sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: []*sqs.SendMessageBatchRequestEntry{
		entry,
		{Id: aws.String("dup")},
		{Id: aws.String("dup")}, // want `batch entry Id "dup" is used twice in one request`
	}})
	c.SendMessageBatch(&sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: []*sqs.SendMessageBatchRequestEntry{}}) // want `SendMessageBatch with an empty, non-nil entry list`
}

func publish(c *sns.SNS, arn string) {
	in := &sns.PublishInput{TopicArn: aws.String(arn), Message: aws.String("m")}
	in.SetMessageGroupId("") // want `MessageGroupId is empty, which SNS does not accept`
	c.Publish(in)
}
