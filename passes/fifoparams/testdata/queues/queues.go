// Package queues names the queues of a service, for other packages.
package queues

// OrdersURL is a FIFO queue URL.
const OrdersURL = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders.fifo"

// AuditURL is a standard queue URL.
const AuditURL = "https://sqs.eu-west-1.amazonaws.com/123456789012/audit"
