// Package app reaches SQS through ports; it imports adapters, so it sees
// every implementation.
package app

import (
	"context"
	"log"

	"example.com/errswallow/iface/adapters"
	"example.com/errswallow/iface/ports"
)

type Service struct {
	notifier ports.Notifier
	auditor  ports.Auditor
}

func New(n *adapters.QueueNotifier) *Service { return &Service{notifier: n} }

func (s *Service) Dropped(ctx context.Context, msg string) {
	_ = s.notifier.Notify(ctx, msg) // want `the error from ports.Notifier.Notify \(whose implementations return the error of SendMessage\) is assigned to _`
}

func (s *Service) Swallowed(ctx context.Context, msg string) bool {
	if err := s.notifier.Notify(ctx, msg); err != nil { // want `ports.Notifier.Notify .* on failure this code returns false`
		return false
	}
	return true
}

// Quiet: handled, or an implementation in view does not send.

func (s *Service) Handled(ctx context.Context, msg string) error {
	return s.notifier.Notify(ctx, msg)
}

func (s *Service) Logged(ctx context.Context, msg string) {
	if err := s.notifier.Notify(ctx, msg); err != nil {
		log.Printf("notify: %v", err)
	}
}

func (s *Service) MixedImplementations(ctx context.Context, event string) {
	_ = s.auditor.Audit(ctx, event)
}
