// Package bus publishes through gocloud.dev pubsub to an SNS FIFO topic;
// the group and deduplication ids travel in the message metadata.
package bus

import (
	"context"

	"gocloud.dev/pubsub"
	"gocloud.dev/pubsub/awssnssqs"
)

type Bus struct{ topic *pubsub.Topic }

// Publish sets the ids its callers choose.
func (b *Bus) Publish(ctx context.Context, group, dedup string, body []byte) error {
	md := map[string]string{}
	md[awssnssqs.MetadataKeyMessageGroupID] = group
	md[awssnssqs.MetadataKeyDeduplicationID] = dedup
	return b.topic.Send(ctx, &pubsub.Message{Body: body, Metadata: md})
}
