package queue

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"example.com/orders/ids"
	"example.com/orders/order"
)

// auditGroup is the message group of the audit queue.
const auditGroup = "audit-log"

// Audit appends order events to the audit FIFO queue, which compliance
// reads as one totally ordered log.
type Audit struct {
	client   *sqs.Client
	queueURL string
}

// NewAudit returns an Audit that sends to queueURL.
func NewAudit(client *sqs.Client, queueURL string) *Audit {
	return &Audit{client: client, queueURL: queueURL}
}

// Record appends ev to the audit log.
func (a *Audit) Record(ctx context.Context, ev order.Event) error {
	body, err := json.Marshal(ev)
	if err != nil {
		return fmt.Errorf("encode audit record for %s: %w", ev.OrderID, err)
	}
	_, err = a.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(a.queueURL),
		MessageBody:            aws.String(string(body)),
		MessageGroupId:         aws.String(auditGroup), //fifolint:ignore groupid the audit log is one ordered stream by design (low volume)
		MessageDeduplicationId: aws.String(ids.DedupID(ev.Type+":"+ev.OrderID, ev.Version)),
	})
	if err != nil {
		return fmt.Errorf("record %s for %s: %w", ev.Type, ev.OrderID, err)
	}
	return nil
}
