// Package ports declares the interfaces the app reaches its queues through.
package ports

import "context"

// Notifier's only implementation in view sends to SQS (package adapters).
type Notifier interface {
	Notify(ctx context.Context, msg string) error
}

// Auditor has one implementation that sends and one that does not.
type Auditor interface {
	Audit(ctx context.Context, event string) error
}
