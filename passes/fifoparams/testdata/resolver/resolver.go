// Package resolver proves (or fails to prove) that a send goes to a FIFO
// queue, in every form internal/fifoqueue knows. Each send sets a
// DelaySeconds, which the delay rule reports only when the queue is FIFO.
package resolver

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"example.com/fifoparams/queues"
)

type Client interface {
	SendMessage(context.Context, *sqs.SendMessageInput, ...func(*sqs.Options)) (*sqs.SendMessageOutput, error)
	GetQueueUrl(context.Context, *sqs.GetQueueUrlInput, ...func(*sqs.Options)) (*sqs.GetQueueUrlOutput, error)
	CreateQueue(context.Context, *sqs.CreateQueueInput, ...func(*sqs.Options)) (*sqs.CreateQueueOutput, error)
}

func constFromOtherPackage(ctx context.Context, c Client) {
	c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(queues.OrdersURL),
		MessageBody:    aws.String("b"),
		MessageGroupId: aws.String("g"),
		DelaySeconds:   5, // want `DelaySeconds is 5 on a send to FIFO queue "…/orders.fifo"`
	})
}

func standardFromOtherPackage(ctx context.Context, c Client) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(queues.AuditURL), MessageBody: aws.String("b"), DelaySeconds: 5})
}

func sprintfTail(ctx context.Context, c Client, account string) {
	c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(fmt.Sprintf("https://sqs.eu-west-1.amazonaws.com/%s/orders.fifo", account)),
		MessageGroupId: aws.String("g"),
		DelaySeconds:   5, // want `DelaySeconds is 5 on a send to FIFO queue "…/orders.fifo"`
	})
}

func sprintfVerbTail(ctx context.Context, c Client, base string) {
	const name = "orders.fifo"
	c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(fmt.Sprintf("%s/%s", base, name)),
		MessageGroupId: aws.String("g"),
		DelaySeconds:   5, // want `DelaySeconds is 5 on a send to FIFO queue "…/orders.fifo"`
	})
}

func sprintfSuffixOnly(ctx context.Context, c Client, base string) {
	c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(fmt.Sprintf("%s.fifo", base)),
		MessageGroupId: aws.String("g"),
		DelaySeconds:   5, // want `DelaySeconds is 5 on a send to FIFO queue "….fifo"`
	})
}

func concatenation(ctx context.Context, c Client) {
	url := os.Getenv("QUEUE_BASE") + "/orders.fifo"
	c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       &url,
		MessageGroupId: aws.String("g"),
		DelaySeconds:   5, // want `DelaySeconds is 5 on a send to FIFO queue "…/orders.fifo"`
	})
}

type Producer struct {
	client Client
	url    string
}

func NewProducer(c Client, region string) *Producer {
	return &Producer{client: c, url: "https://sqs." + region + ".amazonaws.com/123456789012/orders.fifo"}
}

func (p *Producer) constructorField(ctx context.Context) {
	p.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(p.url),
		MessageGroupId: aws.String("g"),
		DelaySeconds:   5, // want `DelaySeconds is 5 on a send to FIFO queue "…/orders.fifo"`
	})
}

// A field that is set from configuration somewhere proves nothing.
type ConfiguredProducer struct {
	client Client
	url    string
}

func NewConfiguredProducer(c Client) *ConfiguredProducer {
	return &ConfiguredProducer{client: c, url: os.Getenv("QUEUE_URL")}
}

func (p *ConfiguredProducer) Set(url string) { p.url = url }

func (p *ConfiguredProducer) send(ctx context.Context) {
	p.client.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(p.url), DelaySeconds: 5})
}

var ordersQueue = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders.fifo"

func packageVar(ctx context.Context, c Client) {
	c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(ordersQueue),
		MessageGroupId: aws.String("g"),
		DelaySeconds:   5, // want `DelaySeconds is 5 on a send to FIFO queue "…/orders.fifo"`
	})
}

func getQueueURL(ctx context.Context, c Client) error {
	out, err := c.GetQueueUrl(ctx, &sqs.GetQueueUrlInput{QueueName: aws.String("orders.fifo")})
	if err != nil {
		return err
	}
	_, err = c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       out.QueueUrl,
		MessageGroupId: aws.String("g"),
		DelaySeconds:   5, // want `DelaySeconds is 5 on a send to FIFO queue "…/orders.fifo"`
	})
	return err
}

func createQueue(ctx context.Context, c Client) error {
	in := &sqs.CreateQueueInput{
		QueueName:  aws.String("jobs.fifo"),
		Attributes: map[string]string{"FifoQueue": "true"},
	}
	out, err := c.CreateQueue(ctx, in)
	if err != nil {
		return err
	}
	_, err = c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       out.QueueUrl,
		MessageGroupId: aws.String("g"),
		DelaySeconds:   5, // want `DelaySeconds is 5 on a send to FIFO queue "…/jobs.fifo"`
	})
	return err
}

func getQueueURLStandard(ctx context.Context, c Client, name string) error {
	out, err := c.GetQueueUrl(ctx, &sqs.GetQueueUrlInput{QueueName: aws.String(name)})
	if err != nil {
		return err
	}
	_, err = c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: out.QueueUrl, DelaySeconds: 5})
	return err
}

// The unexported helper's only caller passes a .fifo URL.
func sendTo(ctx context.Context, c Client, url string) {
	c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(url),
		MessageGroupId: aws.String("g"),
		DelaySeconds:   5, // want `DelaySeconds is 5 on a send to FIFO queue "…/orders.fifo"`
	})
}

func callsSendTo(ctx context.Context, c Client) {
	sendTo(ctx, c, queues.OrdersURL)
}

func suffixCheck(ctx context.Context, c Client, url string, delay int32) {
	in := &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageBody: aws.String("b"), MessageGroupId: aws.String("g")}
	if strings.HasSuffix(url, ".fifo") {
		in.DelaySeconds = 5 // want `DelaySeconds is 5 on a send to a FIFO queue \(the send runs only when its name ends in ".fifo"\)`
		c.SendMessage(ctx, in)
		return
	}
	in.DelaySeconds = delay
	c.SendMessage(ctx, in)
}

func suffixCheckVariable(ctx context.Context, c Client, url string, delay int32) {
	in := &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageBody: aws.String("b")}
	isFIFO := strings.HasSuffix(url, ".fifo")
	if !isFIFO {
		in.DelaySeconds = delay // only on standard queues: fine
	}
	c.SendMessage(ctx, in)
}

func suffixCheckOtherValue(ctx context.Context, c Client, url, other string) {
	if strings.HasSuffix(other, ".fifo") {
		c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(url), DelaySeconds: 5})
	}
}

func dedupEvidence(ctx context.Context, c Client, url, id string) {
	c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(url),
		MessageGroupId:         aws.String("g"),
		MessageDeduplicationId: aws.String(id),
		DelaySeconds:           5, // want `DelaySeconds is 5 on a send to a FIFO queue \(the input sets MessageDeduplicationId`
	})
}

// Not evidence: a runtime URL, a group id, a name that mentions fifo.
func runtimeURL(ctx context.Context, c Client) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(os.Getenv("ORDERS_FIFO_URL")), MessageGroupId: aws.String("g"), DelaySeconds: 5})
}

func groupOnly(ctx context.Context, c Client, fifoURL string) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(fifoURL), MessageGroupId: aws.String("g"), DelaySeconds: 5})
}

func nameWithoutDot(ctx context.Context, c Client) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String("https://sqs.eu-west-1.amazonaws.com/123456789012/orders-fifo"), DelaySeconds: 5})
}

// SNS: the topic ARN decides too.
func topic(ctx context.Context, c *sns.Client) {
	c.Publish(ctx, &sns.PublishInput{TopicArn: aws.String("arn:aws:sns:eu-west-1:123456789012:events.fifo"), Message: aws.String("m")}) // want `Publish to FIFO topic "…:events.fifo" has no MessageGroupId: SNS FIFO requires one on every message`
}

func createTopic(ctx context.Context, c *sns.Client) error {
	out, err := c.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("events.fifo"), Attributes: map[string]string{"FifoTopic": "true"}})
	if err != nil {
		return err
	}
	_, err = c.Publish(ctx, &sns.PublishInput{TopicArn: out.TopicArn, Message: aws.String("m")}) // want `Publish to FIFO topic "…:events.fifo" has no MessageGroupId`
	return err
}

// A *string deduplication id may be nil: no evidence.
func dedupMaybeNil(ctx context.Context, c Client, url string, dedup *string) {
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageDeduplicationId: dedup, DelaySeconds: 5})
}

// A flag may replace the default: taking the address elsewhere makes the
// value unknown.
func flagURL(ctx context.Context, c Client) {
	url := "https://sqs.eu-west-1.amazonaws.com/123456789012/orders.fifo"
	flag.StringVar(&url, "queue", url, "queue URL")
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &url, DelaySeconds: 5})
}

// Stores after the send do not change what it sent, unless a loop or a
// closure runs the send again later.
func laterStore(ctx context.Context, c Client) {
	url := "https://sqs.eu-west-1.amazonaws.com/123456789012/orders.fifo"
	c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &url, MessageGroupId: aws.String("g"), DelaySeconds: 5}) // want `DelaySeconds is 5 on a send to FIFO queue "…/orders.fifo"`
	fmt.Println(&url)
	url = os.Getenv("OTHER")
	_ = url
}

func laterStoreInLoop(ctx context.Context, c Client) {
	url := "https://sqs.eu-west-1.amazonaws.com/123456789012/orders.fifo"
	for i := 0; i < 2; i++ {
		c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &url, DelaySeconds: 5})
		url = os.Getenv("OTHER")
	}
}

func laterStoreClosure(ctx context.Context, c Client) {
	url := "https://sqs.eu-west-1.amazonaws.com/123456789012/orders.fifo"
	send := func() { c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &url, DelaySeconds: 5}) }
	url = os.Getenv("OTHER")
	send()
}
