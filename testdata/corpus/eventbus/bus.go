// Package eventbus publishes typed domain events to the events SNS FIFO
// topic. Events are ordered per aggregate.
package eventbus

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/google/uuid"
	"golang.org/x/sync/errgroup"

	"example.com/corpus/internal/ids"
)

// Event is implemented by every domain event.
type Event interface {
	EventID() string
	AggregateID() string
	EventType() string
}

// Client is the part of *sns.Client the bus uses.
type Client interface {
	Publish(ctx context.Context, params *sns.PublishInput, optFns ...func(*sns.Options)) (*sns.PublishOutput, error)
	PublishBatch(ctx context.Context, params *sns.PublishBatchInput, optFns ...func(*sns.Options)) (*sns.PublishBatchOutput, error)
}

// Bus publishes events of one service.
type Bus struct {
	client   Client
	topicARN string
	prefix   string
}

// New returns a Bus. Groups are prefixed with the service name so that two
// services never share an aggregate stream.
func New(client Client, topicARN, service string) *Bus {
	return &Bus{client: client, topicARN: topicARN, prefix: service + "."}
}

func typeAttr(t string) map[string]types.MessageAttributeValue {
	return map[string]types.MessageAttributeValue{
		"type": {DataType: aws.String("String"), StringValue: aws.String(t)},
	}
}

// Publish publishes ev.
func Publish[T Event](ctx context.Context, b *Bus, ev T) error {
	body, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	_, err = b.client.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(b.topicARN),
		Message:                aws.String(string(body)),
		MessageAttributes:      typeAttr(ev.EventType()),
		MessageGroupId:         aws.String(b.prefix + ev.AggregateID()),
		MessageDeduplicationId: aws.String(ev.EventID()),
	})
	if err != nil {
		return fmt.Errorf("eventbus: publish %s %s: %w", ev.EventType(), ev.EventID(), err)
	}
	return nil
}

// BatchError reports entries SNS rejected.
type BatchError struct {
	Failed []types.BatchResultErrorEntry
}

func (e *BatchError) Error() string {
	first := e.Failed[0]
	return fmt.Sprintf("eventbus: %d entries rejected, first %s: %s", len(e.Failed), aws.ToString(first.Code), aws.ToString(first.Message))
}

// PublishAll publishes evs with PublishBatch, ten at a time.
func PublishAll[T Event](ctx context.Context, b *Bus, evs []T) error {
	for chunk := range slices.Chunk(evs, 10) {
		entries := make([]types.PublishBatchRequestEntry, 0, len(chunk))
		for i, ev := range chunk {
			body, err := json.Marshal(ev)
			if err != nil {
				return err
			}
			entries = append(entries, types.PublishBatchRequestEntry{
				Id:                     aws.String(strconv.Itoa(i)),
				Message:                aws.String(string(body)),
				MessageAttributes:      typeAttr(ev.EventType()),
				MessageGroupId:         aws.String(b.prefix + ev.AggregateID()),
				MessageDeduplicationId: aws.String(ev.EventID()),
			})
		}
		out, err := b.client.PublishBatch(ctx, &sns.PublishBatchInput{
			TopicArn:                   aws.String(b.topicARN),
			PublishBatchRequestEntries: entries,
		})
		if err != nil {
			return fmt.Errorf("eventbus: publish batch: %w", err)
		}
		if len(out.Failed) > 0 {
			return &BatchError{Failed: out.Failed}
		}
	}
	return nil
}

// Emit publishes ev in the background so that request latency does not
// depend on SNS.
func Emit[T Event](ctx context.Context, b *Bus, ev T) {
	go Publish(context.WithoutCancel(ctx), b, ev) // BUG(errswallow): error of the wrapper is lost in the goroutine
}

// FanOut publishes ev on several buses (regional topics) concurrently.
func FanOut[T Event](ctx context.Context, buses []*Bus, ev T) error {
	var g errgroup.Group
	for _, b := range buses {
		g.Go(func() error {
			Publish(ctx, b, ev) // BUG(errswallow): the goroutine returns nil whatever happened
			return nil
		})
	}
	return g.Wait()
}

// Replicate is the errgroup version that propagates failures.
func Replicate[T Event](ctx context.Context, buses []*Bus, ev T) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, b := range buses {
		g.Go(func() error {
			return Publish(ctx, b, ev)
		})
	}
	return g.Wait()
}

// Touch signals that an aggregate changed without carrying the change.
func Touch[T Event](ctx context.Context, b *Bus, ev T) error {
	_, err := b.client.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(b.topicARN),
		Message:                aws.String(fmt.Sprintf(`{"type":"Touched","aggregate":%q}`, ev.AggregateID())),
		MessageGroupId:         aws.String(b.prefix + ev.AggregateID()),
		MessageDeduplicationId: aws.String(ids.Stamp()), // BUG(dedupid): base36 of the clock only
	})
	return err
}

// Announce publishes a service-wide announcement. Announcements are
// independent of each other, so each one gets a fresh group; the returned
// id lets the caller correlate the announcement in the consumers' logs.
func (b *Bus) Announce(ctx context.Context, text string) (string, error) {
	id := uuid.Must(uuid.NewV7()).String()
	_, err := b.client.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(b.topicARN),
		Message:                aws.String(text),
		MessageGroupId:         aws.String(uuid.NewString()),
		MessageDeduplicationId: aws.String(id),
	})
	if err != nil {
		return "", err
	}
	return id, nil
}
