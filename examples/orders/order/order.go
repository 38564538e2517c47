// Package order holds the order domain types shared by the producers.
package order

import "time"

// Order is an order as accepted by the HTTP API.
type Order struct {
	ID         string    `json:"id"`
	CustomerID string    `json:"customer_id"`
	Version    int       `json:"version"` // incremented on every change to the order
	Items      []Item    `json:"items"`
	PlacedAt   time.Time `json:"placed_at"`
}

// Item is one order line.
type Item struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
}

// Event is what the service publishes when an order changes.
type Event struct {
	Type       string `json:"type"` // "order.placed", "order.cancelled", ...
	OrderID    string `json:"order_id"`
	CustomerID string `json:"customer_id"`
	Version    int    `json:"version"`
	Order      Order  `json:"order"`
}

// Placed returns the order.placed event for o.
func Placed(o Order) Event {
	return Event{Type: "order.placed", OrderID: o.ID, CustomerID: o.CustomerID, Version: o.Version, Order: o}
}
