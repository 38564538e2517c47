package queue

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"

	"example.com/orders/ids"
	"example.com/orders/order"
)

// Fulfilment sends ship requests to the fulfilment FIFO queue. Messages are
// grouped per customer: one customer's orders stay in order, different
// customers are processed in parallel.
type Fulfilment struct {
	client   *sqs.Client
	queueURL string
}

// NewFulfilment returns a Fulfilment that sends to queueURL.
func NewFulfilment(client *sqs.Client, queueURL string) *Fulfilment {
	return &Fulfilment{client: client, queueURL: queueURL}
}

// Ship asks the warehouse to ship o.
func (f *Fulfilment) Ship(ctx context.Context, o order.Order) error {
	body, err := json.Marshal(o)
	if err != nil {
		return fmt.Errorf("encode order %s: %w", o.ID, err)
	}
	_, err = f.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(f.queueURL),
		MessageBody:            aws.String(string(body)),
		MessageGroupId:         aws.String(o.CustomerID),
		MessageDeduplicationId: aws.String(ids.DedupID(o.ID, o.Version)),
	})
	if err != nil {
		return fmt.Errorf("ship order %s: %w", o.ID, err)
	}
	return nil
}

// ShipBatch sends up to 10 ship requests and returns the orders SQS did not
// accept, so that the caller can retry them.
func (f *Fulfilment) ShipBatch(ctx context.Context, orders []order.Order) ([]order.Order, error) {
	entries := make([]types.SendMessageBatchRequestEntry, 0, len(orders))
	for i, o := range orders {
		body, err := json.Marshal(o)
		if err != nil {
			return nil, fmt.Errorf("encode order %s: %w", o.ID, err)
		}
		entries = append(entries, types.SendMessageBatchRequestEntry{
			Id:                     aws.String(strconv.Itoa(i)),
			MessageBody:            aws.String(string(body)),
			MessageGroupId:         aws.String(o.CustomerID),
			MessageDeduplicationId: aws.String(ids.DedupID(o.ID, o.Version)),
		})
	}
	out, err := f.client.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{
		QueueUrl: aws.String(f.queueURL),
		Entries:  entries,
	})
	if err != nil {
		return nil, fmt.Errorf("ship %d orders: %w", len(orders), err)
	}
	var failed []order.Order
	for _, e := range out.Failed {
		i, err := strconv.Atoi(aws.ToString(e.Id))
		if err != nil || i < 0 || i >= len(orders) {
			return nil, fmt.Errorf("ship batch: unknown entry id %q", aws.ToString(e.Id))
		}
		failed = append(failed, orders[i])
	}
	return failed, nil
}
