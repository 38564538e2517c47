// Package orders publishes order lifecycle events to the orders SNS FIFO
// topic. Downstream SQS FIFO subscriptions (fulfilment, invoicing, search)
// rely on per-order ordering.
package orders

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"

	"example.com/corpus/internal/config"
	"example.com/corpus/internal/ids"
)

// Order is the aggregate published on every state change.
type Order struct {
	ID         string    `json:"id"`
	CustomerID string    `json:"customer_id"`
	Version    int       `json:"version"`
	Status     string    `json:"status"`
	TotalCents int64     `json:"total_cents"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// ErrUnavailable is returned when the orders topic cannot be reached. The
// API maps it to 503 so that clients retry.
var ErrUnavailable = errors.New("orders: event topic unavailable")

// SNSAPI is the part of *sns.Client used here; tests substitute a fake.
type SNSAPI interface {
	Publish(ctx context.Context, params *sns.PublishInput, optFns ...func(*sns.Options)) (*sns.PublishOutput, error)
}

// OrderPublisher publishes order events.
type OrderPublisher struct {
	client   SNSAPI
	topicARN string
	group    string
	source   string
}

// ProvideOrderPublisher is the wire provider for OrderPublisher.
func ProvideOrderPublisher(cfg config.Config, c *sns.Client) *OrderPublisher {
	return &OrderPublisher{
		client:   c,
		topicARN: cfg.OrdersTopicARN,
		group:    cfg.MessageGroup,
		source:   "orders-api",
	}
}

type envelope struct {
	Type   string `json:"type"`
	Source string `json:"source"`
	Order  Order  `json:"order"`
	Reason string `json:"reason,omitempty"`
}

func (p *OrderPublisher) attrs(eventType string) map[string]types.MessageAttributeValue {
	return map[string]types.MessageAttributeValue{
		"event_type":   {DataType: aws.String("String"), StringValue: aws.String(eventType)},
		"published_at": {DataType: aws.String("String"), StringValue: aws.String(time.Now().UTC().Format(time.RFC3339Nano))},
	}
}

// PublishPlaced announces a new order.
func (p *OrderPublisher) PublishPlaced(ctx context.Context, o Order) error {
	body, err := json.Marshal(envelope{Type: "OrderPlaced", Source: p.source, Order: o})
	if err != nil {
		return err
	}
	_, err = p.client.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(p.topicARN),
		Subject:                aws.String("OrderPlaced"),
		Message:                aws.String(string(body)),
		MessageAttributes:      p.attrs("OrderPlaced"),
		MessageGroupId:         aws.String(p.group), // BUG(groupid): group comes from config at construction, every order shares it
		MessageDeduplicationId: aws.String(ids.OrderKey(o.ID, o.Version)),
	})
	if err != nil {
		return fmt.Errorf("publish OrderPlaced %s: %w", o.ID, err)
	}
	return nil
}

// PublishCancelled announces a cancellation. Ordered per order.
func (p *OrderPublisher) PublishCancelled(ctx context.Context, o Order, reason string) error {
	body, err := json.Marshal(envelope{Type: "OrderCancelled", Source: p.source, Order: o, Reason: reason})
	if err != nil {
		return err
	}
	_, err = p.client.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(p.topicARN),
		Message:                aws.String(string(body)),
		MessageAttributes:      p.attrs("OrderCancelled"),
		MessageGroupId:         aws.String(o.ID),
		MessageDeduplicationId: aws.String(ids.OrderKey(o.ID, o.Version)),
	})
	if err != nil {
		return fmt.Errorf("publish OrderCancelled %s: %w", o.ID, err)
	}
	return nil
}

// PublishShipped announces a shipment. Shipments are ordered per customer
// so that the notification service never reports them out of order.
func (p *OrderPublisher) PublishShipped(ctx context.Context, o Order, trackingNo string) error {
	body, err := json.Marshal(envelope{Type: "OrderShipped", Source: p.source, Order: o})
	if err != nil {
		return err
	}
	in := &sns.PublishInput{
		TopicArn:          aws.String(p.topicARN),
		Message:           aws.String(string(body)),
		MessageAttributes: p.attrs("OrderShipped"),
	}
	in.MessageGroupId = aws.String(p.source + ":" + o.CustomerID)
	in.MessageDeduplicationId = aws.String("shipped-" + o.ID + "-" + trackingNo)
	if _, err := p.client.Publish(ctx, in); err != nil {
		return fmt.Errorf("publish OrderShipped %s: %w", o.ID, err)
	}
	return nil
}

// PublishStatusChanged is used by the back office, which can flip the
// status of an order several times with the same version number.
func (p *OrderPublisher) PublishStatusChanged(ctx context.Context, o Order) error {
	body, err := json.Marshal(envelope{Type: "OrderStatusChanged", Source: p.source, Order: o})
	if err != nil {
		return err
	}
	_, err = p.client.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(p.topicARN),
		Message:                aws.String(string(body)),
		MessageGroupId:         aws.String(o.ID),
		MessageDeduplicationId: aws.String(fmt.Sprintf("%s-%s-%s", o.ID, o.Status, time.Now().Format(time.RFC3339Nano))),
	})
	return err
}

// PublishViewed records that the customer opened the order page. It must not
// add latency to the page, so it is sent in the background.
func (p *OrderPublisher) PublishViewed(ctx context.Context, o Order) {
	go p.client.Publish(context.WithoutCancel(ctx), &sns.PublishInput{ // BUG(errswallow): error of the background publish is dropped
		TopicArn:               aws.String(p.topicARN),
		Message:                aws.String(fmt.Sprintf(`{"type":"OrderViewed","order_id":%q}`, o.ID)),
		MessageGroupId:         aws.String(o.CustomerID),
		MessageDeduplicationId: aws.String(ids.New()),
	})
}

// PublishSnapshot publishes the full order for the search indexer. The topic
// has content-based deduplication enabled, so no explicit id is set.
func (p *OrderPublisher) PublishSnapshot(ctx context.Context, o Order) error {
	body, err := json.Marshal(o)
	if err != nil {
		return err
	}
	in := &sns.PublishInput{
		TopicArn:          aws.String(p.topicARN),
		Subject:           aws.String("OrderSnapshot"),
		Message:           aws.String(string(body)),
		MessageAttributes: p.attrs("OrderSnapshot"),
		MessageGroupId:    aws.String(o.ID),
	}
	if _, err := p.client.Publish(ctx, in); err != nil {
		return ErrUnavailable
	}
	return nil
}
