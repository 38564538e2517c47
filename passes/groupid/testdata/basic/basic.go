// Package basic holds single-package producers: group ids fixed for the
// process (reported) beside per-message ones (quiet).
package basic

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/google/uuid"
)

const ordersGroup = "orders"

var defaultGroup = "default"

var initGroup string

func init() { initGroup = os.Getenv("GROUP") }

type Order struct {
	ID, Customer, Tenant string
	Lines                []string
}

func Literal(ctx context.Context, c *sqs.Client, o Order) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String("q"),
		MessageBody:    aws.String(o.ID),
		MessageGroupId: aws.String("orders"), // want `MessageGroupId is constant "orders": every message shares one message group`
	})
	return err
}

func ConstIdent(ctx context.Context, c *sqs.Client, o Order) error {
	in := &sqs.SendMessageInput{QueueUrl: aws.String("q"), MessageBody: aws.String(o.ID)}
	in.MessageGroupId = aws.String(ordersGroup) // want `MessageGroupId is constant ordersGroup \("orders"\)`
	_, err := c.SendMessage(ctx, in)
	return err
}

func PackageVar(ctx context.Context, c *sns.Client, o Order) error {
	g := defaultGroup
	_, err := c.Publish(ctx, &sns.PublishInput{
		TopicArn:       aws.String("t"),
		Message:        aws.String(o.ID),
		MessageGroupId: &g, // want `MessageGroupId is package variable defaultGroup: every message this process sends`
	})
	return err
}

func SetInInit(ctx context.Context, c *sqs.Client, o Order) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(initGroup), MessageBody: aws.String(o.ID)}) // want `MessageGroupId is package variable initGroup`
	return err
}

func Env(ctx context.Context, c *sqs.Client, o Order) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(os.Getenv("ORDER_GROUP")), MessageBody: aws.String(o.ID)}) // want `MessageGroupId is environment variable ORDER_GROUP`
	return err
}

func Batch(ctx context.Context, c *sqs.Client, orders []Order) error {
	var entries []types.SendMessageBatchRequestEntry
	for i, o := range orders {
		entries = append(entries, types.SendMessageBatchRequestEntry{
			Id:             aws.String(strconv.Itoa(i)),
			MessageBody:    aws.String(o.ID),
			MessageGroupId: aws.String(fmt.Sprintf("%s-%s", "orders", "eu")), // want `MessageGroupId is constant expression fmt.Sprintf\("%s-%s", "orders", "eu"\)`
		})
	}
	_, err := c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String("q"), Entries: entries})
	return err
}

// Quiet: the group comes from the message.

func PerMessage(ctx context.Context, c *sqs.Client, o Order) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(o.Customer), MessageBody: aws.String(o.ID)})
	return err
}

func PrefixAndKey(ctx context.Context, c *sqs.Client, o Order) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(ordersGroup + "-" + o.Tenant), MessageBody: aws.String(o.ID)})
	return err
}

var tenantGroups = map[string]string{"acme": "g-acme"}

func MapLookup(ctx context.Context, c *sqs.Client, o Order) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(tenantGroups[o.Tenant]), MessageBody: aws.String(o.ID)})
	return err
}

func DefaultThenOverride(ctx context.Context, c *sqs.Client, o Order) error {
	group := "default"
	if o.Tenant != "" {
		group = o.Tenant
	}
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: &group, MessageBody: aws.String(o.ID)})
	return err
}

func RandomPerMessage(ctx context.Context, c *sqs.Client, o Order) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(uuid.NewString()), MessageBody: aws.String(o.ID)})
	return err
}

func ReadingIsNotSetting(out *sqs.SendMessageInput) string {
	return aws.ToString(out.MessageGroupId) + "x"
}

func PerLine(ctx context.Context, c *sqs.Client, o Order) error {
	var entries []types.SendMessageBatchRequestEntry
	for i, line := range o.Lines {
		entries = append(entries, types.SendMessageBatchRequestEntry{
			Id:             aws.String(strconv.Itoa(i)),
			MessageBody:    aws.String(line),
			MessageGroupId: aws.String(line),
		})
	}
	_, err := c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{Entries: entries})
	return err
}

// Computed once.

var (
	groupOnce sync.Once
	onceGroup string
)

func OnceGroup(ctx context.Context, c *sqs.Client, o Order) error {
	groupOnce.Do(func() { onceGroup = uuid.NewString() })
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(onceGroup), MessageBody: aws.String(o.ID)}) // want `MessageGroupId is package variable onceGroup`
	return err
}

var bootGroup = sync.OnceValue(func() string { return uuid.NewString() })

func OnceValueGroup(ctx context.Context, c *sqs.Client, o Order) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(bootGroup()), MessageBody: aws.String(o.ID)}) // want `MessageGroupId is bootGroup\(\), computed once by sync.OnceValue`
	return err
}

var cached string

func cachedGroup() string {
	if cached == "" {
		cached = uuid.NewString()
	}
	return cached
}

func Cached(ctx context.Context, c *sqs.Client, o Order) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(cachedGroup()), MessageBody: aws.String(o.ID)}) // want `MessageGroupId is cachedGroup\(\), which returns package variable cached`
	return err
}

var lastTenant string

// Quiet: a package variable rewritten per message is not fixed.
func Rewritten(ctx context.Context, c *sqs.Client, o Order) error {
	lastTenant = o.Tenant
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(lastTenant), MessageBody: aws.String(o.ID)})
	return err
}
