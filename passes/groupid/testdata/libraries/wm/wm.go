// Package wm publishes watermill messages to an SNS FIFO topic through
// watermill-aws, which takes the ids from the message metadata.
package wm

import (
	"os"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill-aws/sns"
	"github.com/ThreeDotsLabs/watermill/message"
)

var region = os.Getenv("REGION")

type Order struct {
	ID, Customer string
	JSON         []byte
}

func OneGroup(pub message.Publisher, o Order) error {
	msg := message.NewMessage(watermill.NewUUID(), o.JSON)
	msg.Metadata.Set(sns.MessageGroupIdMetadataField, "orders") // want `MessageGroupId is constant "orders"`
	msg.Metadata.Set(sns.MessageDeduplicationIdMetadataField, o.ID)
	return pub.Publish("orders", msg)
}

func RegionGroup(pub message.Publisher, o Order) error {
	msg := message.NewMessage(watermill.NewUUID(), o.JSON)
	msg.Metadata = message.Metadata{sns.MessageGroupIdMetadataField: region} // want `MessageGroupId is package variable region`
	return pub.Publish("orders", msg)
}

func PerCustomer(pub message.Publisher, o Order) error {
	msg := message.NewMessage(watermill.NewUUID(), o.JSON)
	msg.Metadata.Set(sns.MessageGroupIdMetadataField, o.Customer)
	msg.Metadata["tenant"] = "acme"
	return pub.Publish("orders", msg)
}

func ByIndex(pub message.Publisher, o Order) error {
	msg := message.NewMessage(watermill.NewUUID(), o.JSON)
	msg.Metadata[sns.MessageGroupIdMetadataField] = "orders" // want `MessageGroupId is constant "orders"`
	return pub.Publish("orders", msg)
}
