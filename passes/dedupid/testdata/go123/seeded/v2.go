package seeded

import (
	"context"
	"fmt"
	"math/rand"
	"time"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	sqsv2 "github.com/aws/aws-sdk-go-v2/service/sqs"
)

// nextID seeds the global source per call, then draws: the clock.
func nextID() string {
	rand.Seed(time.Now().UnixNano())
	return fmt.Sprintf("%016x", rand.Uint64())
}

func Publish(ctx context.Context, c *sqsv2.Client, url string, e Event) error {
	_, err := c.SendMessage(ctx, &sqsv2.SendMessageInput{
		QueueUrl:               awsv2.String(url),
		MessageBody:            awsv2.String(e.Payload),
		MessageGroupId:         awsv2.String(e.Stream),
		MessageDeduplicationId: awsv2.String(nextID()), // want `MessageDeduplicationId is built from nextID\(\) \(from rand.Uint64\(\), drawn from a generator seeded with time.Now\(\).UnixNano\(\) on every call\)`
	})
	return err
}
