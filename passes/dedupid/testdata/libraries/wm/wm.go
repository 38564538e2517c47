// Package wm publishes watermill messages through watermill-aws SNS with
// the deduplication id in the metadata.
package wm

import (
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill-aws/sns"
	"github.com/ThreeDotsLabs/watermill/message"
)

type Order struct {
	ID, Customer string
	JSON         []byte
}

func ClockID(pub message.Publisher, o Order) error {
	msg := message.NewMessage(watermill.NewUUID(), o.JSON)
	msg.Metadata.Set(sns.MessageGroupIdMetadataField, o.Customer)
	msg.Metadata.Set(sns.MessageDeduplicationIdMetadataField, time.Now().Format(time.RFC3339)) // want `MessageDeduplicationId is built from time.Now\(\).Format\(time.RFC3339\)`
	return pub.Publish("orders", msg)
}

func MessageUUID(pub message.Publisher, o Order) error {
	msg := message.NewMessage(watermill.NewUUID(), o.JSON)
	msg.Metadata = message.Metadata{
		sns.MessageGroupIdMetadataField:         o.Customer,
		sns.MessageDeduplicationIdMetadataField: msg.UUID,
	}
	return pub.Publish("orders", msg)
}

func BusinessKey(pub message.Publisher, o Order) error {
	msg := message.NewMessage(watermill.NewUUID(), o.JSON)
	msg.Metadata.Set(sns.MessageDeduplicationIdMetadataField, o.ID)
	return pub.Publish("orders", msg)
}
