// Package dedup holds dedup ids that lose messages.
package dedup

import (
	"context"
	"encoding/hex"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/google/uuid"

	"example.com/dedupid/ids"
	"example.com/dedupid/queue"
)

type Order struct {
	ID, Customer string
	Version      int
}

func UniqidHelper(ctx context.Context, c *sqs.Client, o Order) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{
		MessageGroupId:         aws.String(o.Customer),
		MessageDeduplicationId: aws.String(ids.Uniqid()), // want `MessageDeduplicationId is built from ids.Uniqid\(\) \(from time.Now\(\)\): parallel producers sending in the same instant get the same id`
		MessageBody:            aws.String(o.ID),
	})
	return err
}

func UnixNano(ctx context.Context, c *sqs.Client, o Order) error {
	in := &sqs.SendMessageInput{MessageGroupId: aws.String(o.Customer), MessageBody: aws.String(o.ID)}
	in.MessageDeduplicationId = aws.String(strconv.FormatInt(time.Now().UnixNano(), 10)) // want `MessageDeduplicationId is built from strconv.FormatInt\(time.Now\(\).UnixNano\(\), 10\)`
	_, err := c.SendMessage(ctx, in)
	return err
}

func Formatted(ctx context.Context, c *sqs.Client, o Order) error {
	id := time.Now().Format(time.RFC3339Nano)
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(o.Customer), MessageDeduplicationId: &id, MessageBody: aws.String(o.ID)}) // want `MessageDeduplicationId is built from time.Now\(\).Format\(time.RFC3339Nano\)`
	return err
}

func HexMicros(ctx context.Context, c *sqs.Client, o Order) error {
	b := []byte(strconv.FormatInt(time.Now().UnixMicro(), 16))
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(o.Customer), MessageDeduplicationId: aws.String("evt-" + hex.EncodeToString(b)), MessageBody: aws.String(o.ID)}) // want `MessageDeduplicationId is built from`
	return err
}

func ClockAndIndex(ctx context.Context, c *sqs.Client, orders []Order) error {
	var entries []types.SendMessageBatchRequestEntry
	start := time.Now()
	for i, o := range orders {
		entries = append(entries, types.SendMessageBatchRequestEntry{
			Id:                     aws.String(strconv.Itoa(i)),
			MessageBody:            aws.String(o.ID),
			MessageGroupId:         aws.String(o.Customer),
			MessageDeduplicationId: aws.String(fmt.Sprintf("%d-%d", start.UnixNano(), i)), // want `MessageDeduplicationId is built from`
		})
	}
	_, err := c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{Entries: entries})
	return err
}

func IndexOnly(ctx context.Context, c *sqs.Client, orders []Order) error {
	var entries []types.SendMessageBatchRequestEntry
	for i, o := range orders {
		entries = append(entries, types.SendMessageBatchRequestEntry{
			Id:                     aws.String(strconv.Itoa(i)),
			MessageBody:            aws.String(o.ID),
			MessageGroupId:         aws.String(o.Customer),
			MessageDeduplicationId: aws.String("msg-" + strconv.Itoa(i)), // want `MessageDeduplicationId is loop index i, which starts over with every call: the same ids come back with the next call, after a restart`
		})
	}
	_, err := c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{Entries: entries})
	return err
}

var seq int64

func Counter(ctx context.Context, c *sqs.Client, o Order) error {
	n := atomic.AddInt64(&seq, 1)
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(o.Customer), MessageDeduplicationId: aws.String(strconv.FormatInt(n, 10)), MessageBody: aws.String(o.ID)}) // want `MessageDeduplicationId is a per-process atomic counter, which restarts at 0`
	return err
}

func Constant(ctx context.Context, c *sqs.Client, o Order) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(o.Customer), MessageDeduplicationId: aws.String("order-created"), MessageBody: aws.String(o.ID)}) // want `MessageDeduplicationId is constant "order-created": every message after the first within 5 minutes has the same id and is silently dropped`
	return err
}

type Producer struct {
	client *sqs.Client
	dedup  string
	once   sync.Once
	boot   string
}

func NewProducer(c *sqs.Client) *Producer { return &Producer{client: c, dedup: uuid.NewString()} }

func (p *Producer) Fixed(ctx context.Context, o Order) error {
	_, err := p.client.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(o.Customer), MessageDeduplicationId: aws.String(p.dedup), MessageBody: aws.String(o.ID)}) // want `MessageDeduplicationId is field dedup, set once in NewProducer`
	return err
}

func (p *Producer) bootID() string {
	p.once.Do(func() { p.boot = ids.Uniqid() })
	return p.boot
}

func (p *Producer) Once(ctx context.Context, o Order) error {
	_, err := p.client.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(o.Customer), MessageDeduplicationId: aws.String(p.bootID()), MessageBody: aws.String(o.ID)}) // want `MessageDeduplicationId is Producer.bootID\(\), which returns field boot, set once in Producer.bootID`
	return err
}

func ThroughWrapper(ctx context.Context, t *queue.Topic, o Order) error {
	return t.Publish(ctx, o.Customer, ids.Stamp("o-"), o.ID) // want `MessageDeduplicationId is built from ids.Stamp\(\) \(from time.Now\(\).UTC\(\).Format\("20060102150405.000000"\)\), passed to queue.Topic.Publish`
}
