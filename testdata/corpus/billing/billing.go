// Package billing emits billing events to the billing FIFO queue through the
// shared queue package.
package billing

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"

	"example.com/corpus/internal/ids"
	"example.com/corpus/internal/queue"
)

// refundsGroup keeps refunds in one stream for the finance export.
const refundsGroup = "refunds"

// Invoice is an issued invoice.
type Invoice struct {
	ID          string `json:"id"`
	AccountID   string `json:"account_id"`
	AmountCents int64  `json:"amount_cents"`
	Currency    string `json:"currency"`
}

// Payment is a captured payment.
type Payment struct {
	ID          string `json:"id"`
	InvoiceID   string `json:"invoice_id"`
	AccountID   string `json:"account_id"`
	AmountCents int64  `json:"amount_cents"`
}

// Refund is a refund request.
type Refund struct {
	ID        string `json:"id"`
	PaymentID string `json:"payment_id"`
	AccountID string `json:"account_id"`
}

// Credit is a credit note applied to an account.
type Credit struct {
	ID          string `json:"id"`
	AccountID   string `json:"account_id"`
	AmountCents int64  `json:"amount_cents"`
}

// Service publishes billing events.
type Service struct {
	q   *queue.Queue
	log *slog.Logger
}

// NewService returns a Service publishing to q.
func NewService(q *queue.Queue, log *slog.Logger) *Service {
	return &Service{q: q, log: log}
}

// InvoiceIssued publishes an issued invoice, ordered per account.
func (s *Service) InvoiceIssued(ctx context.Context, inv Invoice) error {
	body, err := json.Marshal(inv)
	if err != nil {
		return err
	}
	return s.q.Publish(ctx, inv.AccountID, "invoice-"+inv.ID, string(body))
}

// PaymentCaptured publishes a captured payment.
func (s *Service) PaymentCaptured(ctx context.Context, p Payment) error {
	body, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return s.q.Publish(ctx, "billing", ids.Uniqid(), string(body)) // BUG(groupid,dedupid): one constant group for all payments; uniqid is only the clock
}

// RefundRequested publishes a refund request.
func (s *Service) RefundRequested(ctx context.Context, r Refund) error {
	body, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return s.q.Publish(ctx, refundsGroup, "refund-"+r.ID, string(body)) // BUG(groupid): const group for every refund
}

// InvoiceViewed records an analytics event. Best effort.
func (s *Service) InvoiceViewed(ctx context.Context, inv Invoice) {
	body := fmt.Sprintf(`{"type":"InvoiceViewed","invoice_id":%q}`, inv.ID)
	_ = s.q.Publish(ctx, inv.AccountID, ids.ContentHash([]byte(body)), body) // BUG(errswallow): wrapper error discarded
}

type event struct {
	Kind    string `json:"kind"`
	Payload any    `json:"payload"`
}

// emit wraps payload in an event envelope and publishes it in group.
func (s *Service) emit(ctx context.Context, group, kind string, payload any) error {
	body, err := json.Marshal(event{Kind: kind, Payload: payload})
	if err != nil {
		return fmt.Errorf("marshal %s: %w", kind, err)
	}
	if err := s.q.Publish(ctx, group, ids.ContentHash(body), string(body)); err != nil {
		s.log.Error("billing event not published", "kind", kind, "err", err)
		return err
	}
	return nil
}

// DunningStarted tells the collections service to start dunning an account.
func (s *Service) DunningStarted(ctx context.Context, accountID string, invoiceIDs []string) error {
	return s.emit(ctx, accountID, "DunningStarted", invoiceIDs)
}

// LedgerClosed announces that an accounting period has been closed.
func (s *Service) LedgerClosed(ctx context.Context, period string) error {
	return s.emit(ctx, "ledger", "LedgerClosed", map[string]string{"period": period}) // BUG(groupid): constant group through two wrappers
}

// CreditApplied publishes a credit note.
func (s *Service) CreditApplied(ctx context.Context, c Credit) {
	// emit logs a failure before it returns it, so dropping its error
	// leaves a trace: only -errswallow.strict reports this call.
	s.emit(ctx, c.AccountID, "CreditApplied", c)
}

// PaymentsSettled publishes a settlement run; each payment keeps its account
// ordering.
func (s *Service) PaymentsSettled(ctx context.Context, payments []Payment) error {
	msgs := make([]queue.Message, 0, len(payments))
	for _, p := range payments {
		body, err := json.Marshal(p)
		if err != nil {
			return err
		}
		msgs = append(msgs, queue.Message{Group: p.AccountID, Dedup: "settled-" + p.ID, Body: string(body)})
	}
	return s.q.PublishBatch(ctx, msgs)
}
