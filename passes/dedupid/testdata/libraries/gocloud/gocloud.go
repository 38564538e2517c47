// Package gocloud sends gocloud.dev pubsub messages to SNS and SQS FIFO
// with the deduplication id in the metadata.
package gocloud

import (
	"context"
	"strconv"
	"time"

	"github.com/google/uuid"
	"gocloud.dev/pubsub"
	"gocloud.dev/pubsub/awssnssqs"
)

type Order struct {
	ID, Customer string
	JSON         []byte
}

func ClockID(ctx context.Context, t *pubsub.Topic, o Order) error {
	return t.Send(ctx, &pubsub.Message{Body: o.JSON, Metadata: map[string]string{
		awssnssqs.MetadataKeyMessageGroupID:  o.Customer,
		awssnssqs.MetadataKeyDeduplicationID: strconv.FormatInt(time.Now().UnixNano(), 10), // want `MessageDeduplicationId is built from strconv.FormatInt\(time.Now\(\).UnixNano\(\), 10\)`
	}})
}

func ConstantID(ctx context.Context, t *pubsub.Topic, o Order) error {
	md := map[string]string{awssnssqs.MetadataKeyMessageGroupID: o.Customer}
	md[awssnssqs.MetadataKeyDeduplicationID] = "order" // want `MessageDeduplicationId is constant "order"`
	return t.Send(ctx, &pubsub.Message{Body: o.JSON, Metadata: md})
}

func BusinessKey(ctx context.Context, t *pubsub.Topic, o Order) error {
	return t.Send(ctx, &pubsub.Message{Body: o.JSON, Metadata: map[string]string{
		awssnssqs.MetadataKeyMessageGroupID:  o.Customer,
		awssnssqs.MetadataKeyDeduplicationID: o.ID,
	}})
}

func RandomID(ctx context.Context, t *pubsub.Topic, o Order) error {
	return t.Send(ctx, &pubsub.Message{Body: o.JSON, Metadata: map[string]string{
		awssnssqs.MetadataKeyMessageGroupID:  o.Customer,
		awssnssqs.MetadataKeyDeduplicationID: uuid.NewString(),
	}})
}
