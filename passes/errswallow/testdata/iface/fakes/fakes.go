// Package fakes holds test doubles of ports, imported only by tests.
package fakes

import "context"

// Notifier records what it was asked to send.
type Notifier struct{ Sent []string }

func (n *Notifier) Notify(ctx context.Context, msg string) error {
	n.Sent = append(n.Sent, msg)
	return nil
}
