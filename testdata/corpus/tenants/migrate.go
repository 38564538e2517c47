package tenants

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
)

// History returns the stored events of one tenant, oldest first.
type History interface {
	Tenants(ctx context.Context) ([]string, error)
	Events(ctx context.Context, tenantID string) ([]Event, error)
}

// Replayer republishes stored events after a consumer migration.
type Replayer struct {
	client   SNSPublisher
	topicARN string
	history  History

	// group is the stream currently being replayed.
	group string
	sent  int
}

// NewReplayer returns a Replayer.
func NewReplayer(client SNSPublisher, topicARN string, history History) *Replayer {
	return &Replayer{client: client, topicARN: topicARN, history: history}
}

// Replay republishes every tenant's history, one tenant stream at a time.
func (r *Replayer) Replay(ctx context.Context) (int, error) {
	tenantIDs, err := r.history.Tenants(ctx)
	if err != nil {
		return 0, err
	}
	for _, tenantID := range tenantIDs {
		evs, err := r.history.Events(ctx, tenantID)
		if err != nil {
			return r.sent, fmt.Errorf("history of %s: %w", tenantID, err)
		}
		r.group = "replay-" + tenantID
		for _, ev := range evs {
			if err := r.publish(ctx, ev); err != nil {
				return r.sent, err
			}
		}
	}
	return r.sent, nil
}

func (r *Replayer) publish(ctx context.Context, ev Event) error {
	_, err := r.client.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(r.topicARN),
		Message:                aws.String(string(ev.Payload)),
		MessageGroupId:         aws.String(r.group),
		MessageDeduplicationId: aws.String("replay-" + ev.TenantID + ":" + ev.ID),
	})
	if err != nil {
		return fmt.Errorf("replay %s/%s: %w", ev.TenantID, ev.ID, err)
	}
	r.sent++
	return nil
}
