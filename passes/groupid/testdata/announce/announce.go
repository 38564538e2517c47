// Package announce sends one logical message from every replica: a fixed
// body under a fixed deduplication id. Its copies collapse into a single
// delivery, so a constant group serializes nothing. A group shared by
// messages whose body or id varies still does.
package announce

import (
	"context"
	"crypto/sha256"
	"encoding/hex"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	sqsv1 "github.com/aws/aws-sdk-go/service/sqs"
	"github.com/google/uuid"
)

const manifest = `{"service":"billing","schema":7}`

type Announcer struct {
	client *sns.Client
	topic  string
	digest string
}

func NewAnnouncer(c *sns.Client, topic string) *Announcer {
	sum := sha256.Sum256([]byte(manifest))
	return &Announcer{client: c, topic: topic, digest: hex.EncodeToString(sum[:])}
}

// Started: fixed body, fixed id, constant group.
func (a *Announcer) Started(ctx context.Context) error {
	_, err := a.client.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(a.topic),
		Message:                aws.String(manifest),
		MessageGroupId:         aws.String("lifecycle"),
		MessageDeduplicationId: aws.String("started-" + a.digest),
	})
	return err
}

// Beat: the body is fixed, but every beat has its own id: all beats wait
// on one group.
func (a *Announcer) Beat(ctx context.Context) error {
	_, err := a.client.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(a.topic),
		Message:                aws.String("beat"),
		MessageGroupId:         aws.String("lifecycle"), // want `MessageGroupId is constant "lifecycle"`
		MessageDeduplicationId: aws.String(uuid.NewString()),
	})
	return err
}

// Note: the id is fixed, the body varies.
func (a *Announcer) Note(ctx context.Context, text string) error {
	_, err := a.client.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(a.topic),
		Message:                aws.String(text),
		MessageGroupId:         aws.String("lifecycle"), // want `MessageGroupId is constant "lifecycle"`
		MessageDeduplicationId: aws.String(a.digest),
	})
	return err
}

// Ready (aws-sdk-go v1, group by setter): a constant message under a
// constant id.
func Ready(c *sqsv1.SQS, url string) error {
	in := &sqsv1.SendMessageInput{QueueUrl: awsv1.String(url), MessageBody: awsv1.String("ready"), MessageDeduplicationId: awsv1.String("ready")}
	in.SetMessageGroupId("lifecycle")
	_, err := c.SendMessage(in)
	return err
}

// Tick (aws-sdk-go v1): a fixed body with no id of its own is left to
// the queue's content-based deduplication, which fifolint cannot see.
func Tick(c *sqsv1.SQS, url string) error {
	_, err := c.SendMessage(&sqsv1.SendMessageInput{QueueUrl: awsv1.String(url), MessageBody: awsv1.String("tick"), MessageGroupId: awsv1.String("ticks")}) // want `MessageGroupId is constant "ticks"`
	return err
}

// announce is a wrapper; its callers decide the group.
func announce(ctx context.Context, c *sqs.Client, url, group string) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(url),
		MessageBody:            aws.String(manifest),
		MessageGroupId:         aws.String(group),
		MessageDeduplicationId: aws.String("manifest"),
	})
	return err
}

func Boot(ctx context.Context, c *sqs.Client, url string) error {
	return announce(ctx, c, url, "boot")
}

// relay forwards a body under the group it is given.
func relay(ctx context.Context, c *sqs.Client, url, group, body string) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(url),
		MessageBody:            aws.String(body),
		MessageGroupId:         aws.String(group),
		MessageDeduplicationId: aws.String("relay"),
	})
	return err
}

func Forward(ctx context.Context, c *sqs.Client, url, body string) error {
	return relay(ctx, c, url, "relay", body) // want `MessageGroupId is constant "relay", passed to relay`
}
