// Package notify publishes order notifications to an SNS FIFO topic.
package notify

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/google/uuid"

	"example.com/orders/ids"
	"example.com/orders/order"
)

// Notifier publishes order events to the order-notifications FIFO topic.
type Notifier struct {
	client   *sns.Client
	topicARN string
}

// New returns a Notifier that publishes to topicARN.
func New(client *sns.Client, topicARN string) *Notifier {
	return &Notifier{client: client, topicARN: topicARN}
}

// Publish publishes ev, grouped by customer and deduplicated per order
// version.
func (n *Notifier) Publish(ctx context.Context, ev order.Event) error {
	body, err := json.Marshal(ev)
	if err != nil {
		return fmt.Errorf("encode %s event for %s: %w", ev.Type, ev.OrderID, err)
	}
	_, err = n.client.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(n.topicARN),
		Message:                aws.String(string(body)),
		MessageGroupId:         aws.String(ev.CustomerID),
		MessageDeduplicationId: aws.String(ids.DedupID(ev.OrderID, ev.Version)),
	})
	if err != nil {
		return fmt.Errorf("publish %s event for %s: %w", ev.Type, ev.OrderID, err)
	}
	return nil
}

// PublishBatch publishes up to 10 reminder events. Each reminder is a new
// message, so it gets a fresh random deduplication id.
func (n *Notifier) PublishBatch(ctx context.Context, evs []order.Event) error {
	entries := make([]types.PublishBatchRequestEntry, 0, len(evs))
	for i, ev := range evs {
		body, err := json.Marshal(ev)
		if err != nil {
			return fmt.Errorf("encode %s event for %s: %w", ev.Type, ev.OrderID, err)
		}
		entries = append(entries, types.PublishBatchRequestEntry{
			Id:                     aws.String(strconv.Itoa(i)),
			Message:                aws.String(string(body)),
			MessageGroupId:         aws.String(ev.CustomerID),
			MessageDeduplicationId: aws.String(uuid.NewString()),
		})
	}
	out, err := n.client.PublishBatch(ctx, &sns.PublishBatchInput{
		TopicArn:                   aws.String(n.topicARN),
		PublishBatchRequestEntries: entries,
	})
	if err != nil {
		return fmt.Errorf("publish %d events: %w", len(evs), err)
	}
	if len(out.Failed) > 0 {
		f := out.Failed[0]
		return fmt.Errorf("publish batch: %d of %d entries failed, first: %s %s",
			len(out.Failed), len(entries), aws.ToString(f.Code), aws.ToString(f.Message))
	}
	return nil
}
