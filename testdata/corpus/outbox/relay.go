// Package outbox relays rows of the transactional outbox table to the
// integration FIFO queue. Rows are written in the same transaction as the
// business change; the relay publishes them in order and marks them sent.
package outbox

import (
	"context"
	"fmt"
	"log"
	"slices"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

// Row is one outbox row.
type Row struct {
	ID            int64
	AggregateType string
	AggregateID   string
	EventType     string
	Payload       []byte
	CreatedAt     time.Time
}

// Store is the outbox table.
type Store interface {
	Pending(ctx context.Context, limit int) ([]Row, error)
	MarkSent(ctx context.Context, ids []int64) error
	MarkFailed(ctx context.Context, id int64, reason string) error
}

// BatchSender is implemented by *sqs.Client.
type BatchSender interface {
	SendMessageBatch(ctx context.Context, params *sqs.SendMessageBatchInput, optFns ...func(*sqs.Options)) (*sqs.SendMessageBatchOutput, error)
}

// Relay moves outbox rows to SQS.
type Relay struct {
	store     Store
	client    BatchSender
	queueURL  string
	pageSize  int
	batchSize int
}

// NewRelay returns a Relay.
func NewRelay(store Store, client BatchSender, queueURL string) *Relay {
	return &Relay{store: store, client: client, queueURL: queueURL, pageSize: 100, batchSize: 10}
}

// Run relays until ctx is cancelled. Errors are logged and retried on the
// next tick; rows stay pending until they are marked sent.
func (r *Relay) Run(ctx context.Context, interval time.Duration) error {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		n, err := r.RunOnce(ctx)
		if err != nil {
			log.Printf("outbox: relay: %v", err)
		} else if n > 0 {
			log.Printf("outbox: relayed %d rows", n)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// RunOnce relays one page of pending rows and returns how many were sent.
func (r *Relay) RunOnce(ctx context.Context) (int, error) {
	rows, err := r.store.Pending(ctx, r.pageSize)
	if err != nil {
		return 0, fmt.Errorf("load pending rows: %w", err)
	}
	total := 0
	for chunk := range slices.Chunk(rows, r.batchSize) {
		sent, err := r.sendChunk(ctx, chunk)
		if err != nil {
			return total, err
		}
		if err := r.store.MarkSent(ctx, sent); err != nil {
			return total, fmt.Errorf("mark sent: %w", err)
		}
		total += len(sent)
	}
	return total, nil
}

// sendChunk sends up to ten rows and returns the ids of the rows SQS
// accepted. Rejected rows are marked failed.
func (r *Relay) sendChunk(ctx context.Context, rows []Row) ([]int64, error) {
	entries := make([]types.SendMessageBatchRequestEntry, 0, len(rows))
	for _, row := range rows {
		group := row.AggregateType + "-" + row.AggregateID
		entries = append(entries, types.SendMessageBatchRequestEntry{
			Id:                     aws.String(strconv.FormatInt(row.ID, 10)),
			MessageBody:            aws.String(string(row.Payload)),
			MessageGroupId:         &group,
			MessageDeduplicationId: aws.String(fmt.Sprintf("outbox-%d", row.ID)),
			MessageAttributes: map[string]types.MessageAttributeValue{
				"event_type": {DataType: aws.String("String"), StringValue: aws.String(row.EventType)},
			},
		})
	}
	out, err := r.client.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{
		QueueUrl: aws.String(r.queueURL),
		Entries:  entries,
	})
	if err != nil {
		return nil, fmt.Errorf("send outbox batch: %w", err)
	}
	failed := make(map[int64]bool, len(out.Failed))
	for _, f := range out.Failed {
		id, err := strconv.ParseInt(aws.ToString(f.Id), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("unexpected batch entry id %q", aws.ToString(f.Id))
		}
		failed[id] = true
		reason := aws.ToString(f.Code) + ": " + aws.ToString(f.Message)
		if err := r.store.MarkFailed(ctx, id, reason); err != nil {
			return nil, err
		}
	}
	sent := make([]int64, 0, len(rows))
	for _, row := range rows {
		if !failed[row.ID] {
			sent = append(sent, row.ID)
		}
	}
	return sent, nil
}
