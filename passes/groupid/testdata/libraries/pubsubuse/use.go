// Package use sends gocloud.dev pubsub messages with FIFO ids in metadata.
package use

import (
	"context"

	"gocloud.dev/pubsub"
	"gocloud.dev/pubsub/awssnssqs"

	bus "example.com/libraries/pubsubbus"
)

type Order struct {
	ID, Customer string
	JSON         []byte
}

func OneGroup(ctx context.Context, t *pubsub.Topic, o Order) error {
	return t.Send(ctx, &pubsub.Message{Body: o.JSON, Metadata: map[string]string{
		awssnssqs.MetadataKeyMessageGroupID:  "orders", // want `MessageGroupId is constant "orders"`
		awssnssqs.MetadataKeyDeduplicationID: o.ID,
	}})
}

func PerCustomer(ctx context.Context, t *pubsub.Topic, o Order) error {
	return t.Send(ctx, &pubsub.Message{Body: o.JSON, Metadata: map[string]string{
		awssnssqs.MetadataKeyMessageGroupID:  o.Customer,
		awssnssqs.MetadataKeyDeduplicationID: o.ID,
	}})
}

// OtherKeys carries metadata that is not a group id.
func OtherKeys(ctx context.Context, t *pubsub.Topic, o Order) error {
	return t.Send(ctx, &pubsub.Message{Body: o.JSON, Metadata: map[string]string{
		"kind":                              "order",
		awssnssqs.MetadataKeyMessageGroupID: o.Customer,
	}})
}

func ThroughBus(ctx context.Context, b *bus.Bus, o Order) error {
	return b.Publish(ctx, "orders", o.ID, o.JSON) // want `MessageGroupId is constant "orders", passed to bus.Bus.Publish`
}

func ThroughBusPerCustomer(ctx context.Context, b *bus.Bus, o Order) error {
	return b.Publish(ctx, o.Customer, o.ID, o.JSON)
}
