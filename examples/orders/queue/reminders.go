package queue

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"example.com/orders/ids"
	"example.com/orders/order"
)

// Reminders schedules payment reminders on the order-reminders FIFO queue.
type Reminders struct {
	client   *sqs.Client
	queueURL string
}

// NewReminders returns Reminders that send to the order-reminders FIFO
// queue of account in region.
func NewReminders(client *sqs.Client, region, account string) *Reminders {
	return &Reminders{
		client:   client,
		queueURL: fmt.Sprintf("https://sqs.%s.amazonaws.com/%s/order-reminders.fifo", region, account),
	}
}

// RemindUnpaid asks for a payment reminder 15 minutes after checkout.
func (r *Reminders) RemindUnpaid(ctx context.Context, o order.Order) error {
	_, err := r.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(r.queueURL),
		MessageBody:            aws.String("remind:" + o.ID),
		MessageGroupId:         aws.String(o.CustomerID),
		MessageDeduplicationId: aws.String(ids.DedupID(o.ID, o.Version)),
		DelaySeconds:           900, // BUG(fifoparams): FIFO queues reject a per-message delay; every reminder fails
	})
	if err != nil {
		return fmt.Errorf("remind order %s: %w", o.ID, err)
	}
	return nil
}

// Cancel withdraws the reminders of a paid order.
func (r *Reminders) Cancel(ctx context.Context, o order.Order) error {
	_, err := r.client.SendMessage(ctx, &sqs.SendMessageInput{ // BUG(fifoparams): no MessageGroupId on a FIFO send; SQS rejects it
		QueueUrl:               aws.String(r.queueURL),
		MessageBody:            aws.String("cancel:" + o.ID),
		MessageDeduplicationId: aws.String(ids.DedupID(o.ID, o.Version)),
	})
	if err != nil {
		return fmt.Errorf("cancel reminders of order %s: %w", o.ID, err)
	}
	return nil
}
