// Package idformat sets constant group, deduplication and receive attempt
// ids, valid and not.
package idformat

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

const (
	max         = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	tooLong     = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
)

func ids(ctx context.Context, c *sqs.Client, url, tenant, order string) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageGroupId: aws.String(max), MessageDeduplicationId: aws.String(punctuation)})
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageGroupId: aws.String(tooLong)})                                             // want `MessageGroupId "a{37}…" is at least 129 characters long, which SQS does not accept \(allowed: a-z A-Z 0-9 and ASCII punctuation, at most 128\)`
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageGroupId: aws.String("tenant 42")})                                         // want `MessageGroupId "tenant 42" contains ' ', which SQS does not accept \(allowed: a-z A-Z 0-9 and ASCII punctuation, at most 128\)`
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String("order\t1")}) // want `MessageDeduplicationId "order\\t1" contains '\\t'`
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageGroupId: aws.String("café")})                                              // want `MessageGroupId "café" contains 'é'`
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageGroupId: aws.String(fmt.Sprintf("tenant %s", tenant))})                    // want `MessageGroupId built from "tenant " contains ' '`
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageGroupId: aws.String(fmt.Sprintf("tenant-%s", tenant))})
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageGroupId: aws.String("tenant:" + tenant + "/" + order)})
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String(max + order)})     // 128 constant characters: valid when order is empty
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String(tooLong + order)}) // want `MessageDeduplicationId built from "a{37}…" is at least 129 characters long`
	in := &sqs.SendMessageInput{QueueUrl: aws.String(url)}
	in.MessageGroupId = aws.String("a b") // want `MessageGroupId "a b" contains ' '`
	c.SendMessage(ctx, in)
	c.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(url), ReceiveRequestAttemptId: aws.String("attempt 1")}) // want `ReceiveRequestAttemptId "attempt 1" contains ' '`
	c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: []types.SendMessageBatchRequestEntry{
		{Id: aws.String("1"), MessageGroupId: aws.String("g h")}, // want `MessageGroupId "g h" contains ' '`
	}})
	// SQS has no documented rule against an empty id; only SNS says "non-empty".
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageGroupId: aws.String("")})
}

func publish(ctx context.Context, c *sns.Client, arn string) {
	c.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(arn), MessageGroupId: aws.String("")})    // want `MessageGroupId is empty, which SNS does not accept`
	c.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(arn), MessageGroupId: aws.String("x y")}) // want `MessageGroupId "x y" contains ' ', which SNS does not accept`
	c.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(arn), MessageGroupId: aws.String(punctuation), MessageDeduplicationId: aws.String(max)})
	c.PublishBatch(ctx, &sns.PublishBatchInput{TopicArn: aws.String(arn), PublishBatchRequestEntries: []snstypes.PublishBatchRequestEntry{
		{Id: aws.String("1"), Message: aws.String("m"), MessageGroupId: aws.String("")},              // want `MessageGroupId is empty`
		{Id: aws.String("2"), Message: aws.String("m"), MessageDeduplicationId: aws.String(tooLong)}, // want `MessageDeduplicationId "a{37}…" is at least 129`
	}})
}
