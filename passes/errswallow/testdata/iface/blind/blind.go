// Package blind imports ports but not adapters: it cannot see the
// implementation, so calls through the interface stay unknown.
package blind

import (
	"context"

	"example.com/errswallow/iface/ports"
)

func Dropped(ctx context.Context, n ports.Notifier, msg string) {
	_ = n.Notify(ctx, msg)
}
