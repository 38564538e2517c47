// Package queue sends order messages to SQS FIFO queues.
package queue

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/google/uuid"

	"example.com/orders/ids"
	"example.com/orders/order"
)

// Producer publishes order events to the order-events FIFO queue. It is a
// port of the PHP producer: one Producer is built at boot and shared by
// every request.
type Producer struct {
	client   *sqs.Client
	queueURL string
	groupID  string
	log      *slog.Logger
}

// NewProducer is the provider the service container calls once at boot.
func NewProducer(client *sqs.Client, queueURL string, log *slog.Logger) *Producer {
	return &Producer{
		client:   client,
		queueURL: queueURL,
		groupID:  uuid.NewString(), // one group id for the life of the process
		log:      log,
	}
}

// Send publishes ev and reports whether it was sent.
func (p *Producer) Send(ctx context.Context, ev order.Event) bool {
	body, err := json.Marshal(ev)
	if err != nil {
		p.log.Error("encode order event", "order", ev.OrderID, "err", err)
		return false
	}
	return p.send(ctx, p.groupID, ids.Uniqid(), body) // BUG(groupid,dedupid): groupID is fixed at construction; Uniqid is the clock in µs
}

func (p *Producer) send(ctx context.Context, groupID, dedupID string, body []byte) bool {
	_, err := p.client.SendMessage(ctx, &sqs.SendMessageInput{ // BUG(errswallow): on failure send returns false and the error is lost
		QueueUrl:               aws.String(p.queueURL),
		MessageBody:            aws.String(string(body)),
		MessageGroupId:         aws.String(groupID),
		MessageDeduplicationId: aws.String(dedupID),
	})
	if err != nil {
		return false // as in the PHP version: catch (SqsException $e) { return false; }
	}
	return true
}

// SendBatch publishes up to 10 events in one request.
func (p *Producer) SendBatch(ctx context.Context, evs []order.Event) error {
	entries := make([]types.SendMessageBatchRequestEntry, 0, len(evs))
	for i, ev := range evs {
		body, err := json.Marshal(ev)
		if err != nil {
			return fmt.Errorf("encode order event %s: %w", ev.OrderID, err)
		}
		entries = append(entries, types.SendMessageBatchRequestEntry{
			Id:                     aws.String(strconv.Itoa(i)),
			MessageBody:            aws.String(string(body)),
			MessageGroupId:         aws.String(p.groupID),    // BUG(groupid): groupID is fixed in NewProducer, so all events share one group
			MessageDeduplicationId: aws.String(ids.Uniqid()), // BUG(dedupid): entries built in the same µs get the same id and are dropped
		})
	}
	out, err := p.client.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{ // BUG(errswallow): out.Failed is never read
		QueueUrl: aws.String(p.queueURL),
		Entries:  entries,
	})
	if err != nil {
		return fmt.Errorf("send order events: %w", err)
	}
	p.log.Info("sent order events", "count", len(out.Successful))
	return nil
}
