// Package createattrs creates queues and topics whose constant names and
// attributes agree, or contradict.
package createattrs

import (
	"context"

	awsv1 "github.com/aws/aws-sdk-go/aws"
	snsv1 "github.com/aws/aws-sdk-go/service/sns"
	sqsv1 "github.com/aws/aws-sdk-go/service/sqs"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

func queues(ctx context.Context, c *sqs.Client, name string, attrs map[string]string) {
	c.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("jobs.fifo"), Attributes: map[string]string{"FifoQueue": "true"}})
	c.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("jobs")})
	c.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("jobs.fifo")})                                                                              // want `CreateQueue "jobs.fifo" without FifoQueue=true: a standard queue name cannot contain '.'; add FifoQueue=true`
	c.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("jobs.fifo"), Attributes: map[string]string{"FifoQueue": "false"}})                         // want `CreateQueue "jobs.fifo" without FifoQueue=true`
	c.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("jobs"), Attributes: map[string]string{string(types.QueueAttributeNameFifoQueue): "true"}}) // want `CreateQueue "jobs" with FifoQueue=true: a FIFO queue name must end in .fifo; name it "jobs.fifo"`
	c.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("jobs.fifo"), Attributes: map[string]string{                                                // want `CreateQueue "jobs.fifo" sets FifoThroughputLimit=perMessageGroupId without DeduplicationScope=messageGroup`
		"FifoQueue": "true", "FifoThroughputLimit": "perMessageGroupId",
	}})
	c.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("jobs.fifo"), Attributes: map[string]string{
		"FifoQueue": "true", "FifoThroughputLimit": "perMessageGroupId", "DeduplicationScope": "messageGroup",
	}})
	c.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("jobs.fifo"), Attributes: map[string]string{ // want `CreateQueue "jobs.fifo" sets DeduplicationScope="group": SQS accepts messageGroup or queue`
		"FifoQueue": "true", "DeduplicationScope": "group",
	}})
	c.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("jobs.fifo"), Attributes: map[string]string{ // want `CreateQueue "jobs.fifo" sets FifoThroughputLimit="perGroup": SQS accepts perQueue or perMessageGroupId`
		"FifoQueue": "true", "FifoThroughputLimit": "perGroup",
	}})
	c.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("jobs v2")}) // want `CreateQueue name "jobs v2" contains ' ': queue names may use only A-Z a-z 0-9 - _`
	c.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("01234567890123456789012345678901234567890123456789012345678901234567890123456789")})
	c.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("012345678901234567890123456789012345678901234567890123456789012345678901234567890")}) // want `CreateQueue name "[0-9]+" is 81 characters long: queue names may use at most 80 characters`
	// Not constant: not checked.
	c.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String(name)})
	c.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("jobs.fifo"), Attributes: attrs})
}

func topics(ctx context.Context, c *sns.Client) {
	c.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("events.fifo"), Attributes: map[string]string{"FifoTopic": "true"}})
	c.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("events.fifo")})                                                // want `CreateTopic "events.fifo" without FifoTopic=true: a standard topic name cannot contain '.'; add FifoTopic=true`
	c.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("events"), Attributes: map[string]string{"FifoTopic": "true"}}) // want `CreateTopic "events" with FifoTopic=true`
}

func v1(q *sqsv1.SQS, t *snsv1.SNS) {
	q.CreateQueue(&sqsv1.CreateQueueInput{QueueName: awsv1.String("jobs.fifo"), Attributes: map[string]*string{"FifoQueue": awsv1.String("true")}})
	q.CreateQueue(&sqsv1.CreateQueueInput{QueueName: awsv1.String("jobs.fifo")}) // want `CreateQueue "jobs.fifo" without FifoQueue=true`
	in := &sqsv1.CreateQueueInput{}
	in.SetQueueName("jobs").SetAttributes(map[string]*string{"FifoQueue": awsv1.String("true")}) // want `CreateQueue "jobs" with FifoQueue=true`
	q.CreateQueue(in)
	t.CreateTopic(&snsv1.CreateTopicInput{Name: awsv1.String("events.fifo")}) // want `CreateTopic "events.fifo" without FifoTopic=true`
}
