// Package batchlit sends batch literals whose entries carry one constant
// group per job kind.
package batchlit

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	sqsv1 "github.com/aws/aws-sdk-go/service/sqs"
)

type Signup struct{ User, Email, Phone string }

func Welcome(ctx context.Context, c *sqs.Client, url string, s Signup) error {
	_, err := c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{
		QueueUrl: aws.String(url),
		Entries: []types.SendMessageBatchRequestEntry{ // want `MessageGroupId of these batch entries is one of the constants "email", "sms"`
			{Id: aws.String("mail"), MessageBody: aws.String(s.Email), MessageGroupId: aws.String("email"), MessageDeduplicationId: aws.String(s.User + "/mail")},
			{Id: aws.String("text"), MessageBody: aws.String(s.Phone), MessageGroupId: aws.String("sms"), MessageDeduplicationId: aws.String(s.User + "/text")},
		},
	})
	return err
}

const (
	auditGroup   = "audit"
	billingGroup = "billing"
)

func Record(ctx context.Context, c *sns.Client, arn string, s Signup) error {
	_, err := c.PublishBatch(ctx, &sns.PublishBatchInput{
		TopicArn: aws.String(arn),
		PublishBatchRequestEntries: []snstypes.PublishBatchRequestEntry{ // want `one of the constants auditGroup \("audit"\), billingGroup \("billing"\)`
			{Id: aws.String("1"), Message: aws.String(s.User), MessageGroupId: aws.String(auditGroup), MessageDeduplicationId: aws.String(s.User + "/1")},
			{Id: aws.String("2"), Message: aws.String(s.User), MessageGroupId: aws.String(billingGroup), MessageDeduplicationId: aws.String(s.User + "/2")},
			{Id: aws.String("3"), Message: aws.String(s.Email), MessageGroupId: aws.String(billingGroup), MessageDeduplicationId: aws.String(s.User + "/3")},
		},
	})
	return err
}

func WelcomeV1(ctx context.Context, c *sqsv1.SQS, url string, s Signup) error {
	_, err := c.SendMessageBatchWithContext(ctx, &sqsv1.SendMessageBatchInput{
		QueueUrl: aws.String(url),
		Entries: []*sqsv1.SendMessageBatchRequestEntry{ // want `one of the constants "email", "sms"`
			{Id: aws.String("mail"), MessageBody: aws.String(s.Email), MessageGroupId: aws.String("email")},
			{Id: aws.String("text"), MessageBody: aws.String(s.Phone), MessageGroupId: aws.String("sms")},
		},
	})
	return err
}

// One constant for every entry is the plain finding, once per entry.
func SameGroup(ctx context.Context, c *sqs.Client, url string, s Signup) error {
	_, err := c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{
		QueueUrl: aws.String(url),
		Entries: []types.SendMessageBatchRequestEntry{
			{Id: aws.String("mail"), MessageBody: aws.String(s.Email), MessageGroupId: aws.String("signup")}, // want `MessageGroupId is constant "signup"`
			{Id: aws.String("text"), MessageBody: aws.String(s.Phone), MessageGroupId: aws.String("signup")}, // want `MessageGroupId is constant "signup"`
		},
	})
	return err
}

// Quiet: groups keyed by the user, per entry.
func PerUser(ctx context.Context, c *sqs.Client, url string, s Signup) error {
	_, err := c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{
		QueueUrl: aws.String(url),
		Entries: []types.SendMessageBatchRequestEntry{
			{Id: aws.String("mail"), MessageBody: aws.String(s.Email), MessageGroupId: aws.String("email-" + s.User)},
			{Id: aws.String("text"), MessageBody: aws.String(s.Phone), MessageGroupId: aws.String("sms-" + s.User)},
		},
	})
	return err
}
