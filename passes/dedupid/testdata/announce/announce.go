// Package announce sends fixed messages under fixed deduplication ids: a
// start-up announcement every replica sends, keyed by a schema digest, is
// one logical message, and deduplicating it is the point.
package announce

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	sqsv1 "github.com/aws/aws-sdk-go/service/sqs"

	"example.com/dedupid/queue"
)

const schema = `{"type":"record","name":"Order","fields":[{"name":"id","type":"string"}]}`

type Announcer struct {
	client *sns.Client
	topic  string
	digest string
}

func NewAnnouncer(c *sns.Client, topic string) *Announcer {
	sum := sha256.Sum256([]byte(schema))
	return &Announcer{client: c, topic: topic, digest: hex.EncodeToString(sum[:])}
}

// Announce: fixed body, fixed id.
func (a *Announcer) Announce(ctx context.Context) error {
	_, err := a.client.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(a.topic),
		Message:                aws.String(schema),
		Subject:                aws.String("schema"),
		MessageGroupId:         aws.String("schemas"),
		MessageDeduplicationId: aws.String(a.digest),
		MessageAttributes: map[string]snstypes.MessageAttributeValue{
			"kind": {DataType: aws.String("String"), StringValue: aws.String("schema")},
		},
	})
	return err
}

type Event struct{ ID, Body string }

// Notify sends varying bodies under the same id: all but the first are lost.
func (a *Announcer) Notify(ctx context.Context, e Event) error {
	_, err := a.client.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(a.topic),
		Message:                aws.String(e.Body),
		MessageGroupId:         aws.String(e.ID),
		MessageDeduplicationId: aws.String(a.digest), // want `MessageDeduplicationId is field digest, set once in NewAnnouncer`
	})
	return err
}

// Stamped keeps the body fixed but adds the time as an attribute.
func (a *Announcer) Stamped(ctx context.Context) error {
	_, err := a.client.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(a.topic),
		Message:                aws.String(schema),
		MessageGroupId:         aws.String("schemas"),
		MessageDeduplicationId: aws.String(a.digest), // want `MessageDeduplicationId is field digest`
		MessageAttributes: map[string]snstypes.MessageAttributeValue{
			"sent": {DataType: aws.String("String"), StringValue: aws.String(time.Now().String())},
		},
	})
	return err
}

// Ready (v1, setter): a constant message under a constant id.
func Ready(ctx context.Context, c *sqsv1.SQS, url string) error {
	in := &sqsv1.SendMessageInput{QueueUrl: awsv1.String(url), MessageBody: awsv1.String("ready"), MessageGroupId: awsv1.String("lifecycle")}
	in.SetMessageDeduplicationId("ready")
	_, err := c.SendMessageWithContext(ctx, in)
	return err
}

// Progress (v1): a constant id on a varying body.
func Progress(ctx context.Context, c *sqsv1.SQS, url, status string) error {
	in := &sqsv1.SendMessageInput{QueueUrl: awsv1.String(url), MessageBody: awsv1.String(status), MessageGroupId: awsv1.String("lifecycle")}
	in.SetMessageDeduplicationId("progress") // want `MessageDeduplicationId is constant "progress"`
	_, err := c.SendMessageWithContext(ctx, in)
	return err
}

// NoBody: the id is constant and the body is set elsewhere, unseen.
func NoBody(ctx context.Context, c *sqs.Client, in *sqs.SendMessageInput) error {
	in.MessageDeduplicationId = aws.String("job") // want `MessageDeduplicationId is constant "job"`
	_, err := c.SendMessage(ctx, in)
	return err
}

// Through a wrapper of another package: the message is fixed at this call.
func Heartbeat(ctx context.Context, t *queue.Topic) error {
	return t.Publish(ctx, "lifecycle", "heartbeat", "alive")
}

func Status(ctx context.Context, t *queue.Topic, status string) error {
	return t.Publish(ctx, "lifecycle", "status", status) // want `MessageDeduplicationId is constant "status", passed to queue.Topic.Publish`
}
