// Package evidence sends to queues whose type the resolver proves, or not.
package evidence

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"example.com/fifoqueue/names"
)

const base = "https://sqs.us-east-1.amazonaws.com/123456789012/"

const ordersURL = base + "orders.fifo" // the evidence

func constant(ctx context.Context, c *sqs.Client) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(ordersURL)})      // want `FIFO queue "…/orders.fifo" at line 19`
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(base + "audit")}) // want `standard queue "…/audit" at line 23`
}

func otherPackage(ctx context.Context, c *sqs.Client, account string) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(fmt.Sprintf("https://sqs.us-east-1.amazonaws.com/%s/%s", account, names.Orders))}) // want `FIFO queue "…/orders.fifo" at line 27`
}

type producer struct {
	c   *sqs.Client
	url *string
}

func newProducer(c *sqs.Client, region string) *producer {
	url := "https://sqs." + region + ".amazonaws.com/123456789012/events.fifo" // the evidence
	return &producer{c: c, url: &url}
}

func (p *producer) field(ctx context.Context) {
	p.c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: p.url}) // want `FIFO queue "…/events.fifo" at line 36`
}

type envProducer struct{ url string }

func envField(ctx context.Context, c *sqs.Client) {
	p := &envProducer{url: os.Getenv("URL")}
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &p.url}) // want `unknown`
}

func dedup(ctx context.Context, c *sqs.Client, url, id string) {
	in := &sqs.SendMessageInput{QueueUrl: aws.String(url)}
	in.MessageDeduplicationId = aws.String(id) // the evidence
	c.SendMessage(ctx, in)                     // want `a FIFO queue \(the input sets MessageDeduplicationId, which standard queues reject\) at line 53`
}

func check(ctx context.Context, c *sqs.Client, url string) {
	if ok := strings.HasSuffix(url, ".fifo"); ok { // the evidence
		c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &url}) // want `a FIFO queue \(the send runs only when its name ends in ".fifo"\) at line 58`
	}
	if strings.HasSuffix(url, ".fifo") || url == "" {
		c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &url}) // want `unknown`
	}
	if url != "" && strings.HasSuffix(url, ".fifo") { // the evidence
		c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &url}) // want `at line 64`
	}
}

func lookup(ctx context.Context, c *sqs.Client, env string) error {
	name := "payments-" + env + ".fifo" // the evidence
	out, err := c.GetQueueUrl(ctx, &sqs.GetQueueUrlInput{QueueName: &name})
	if err != nil {
		return err
	}
	_, err = c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: out.QueueUrl}) // want `FIFO queue "….fifo" at line 70`
	return err
}

func topic(ctx context.Context, c *sns.Client, arn string) {
	c.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(arn + ":alerts.fifo")})                         // want `FIFO topic "…:alerts.fifo" at line 80`
	c.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(arn), MessageDeduplicationId: aws.String("d")}) // want `unknown`
	c.Publish(ctx, &sns.PublishInput{TargetArn: aws.String(arn), MessageGroupId: aws.String("g")})        // want `unknown`
}

// Several stores: known only when every one has the tail.
var queue = "https://sqs.us-east-1.amazonaws.com/123456789012/a.fifo"

func init() {
	if os.Getenv("B") != "" {
		queue = "https://sqs.us-east-1.amazonaws.com/123456789012/b.fifo"
	}
}

var mixed = "https://sqs.us-east-1.amazonaws.com/123456789012/a.fifo"

func setMixed(v string) { mixed = v }

func stores(ctx context.Context, c *sqs.Client) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &queue}) // want `FIFO queue "….fifo"`
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &mixed}) // want `unknown`
	setMixed(os.Getenv("Q"))
}
