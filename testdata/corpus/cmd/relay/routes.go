package main

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"example.com/corpus/billing"
	"example.com/corpus/eventbus"
	"example.com/corpus/internal/ids"
	"example.com/corpus/legacy"
	"example.com/corpus/notify"
	"example.com/corpus/orders"
	"example.com/corpus/tenants"
)

func decode[T any](w http.ResponseWriter, r *http.Request) (T, bool) {
	var v T
	if err := json.NewDecoder(r.Body).Decode(&v); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return v, false
	}
	return v, true
}

func reply(w http.ResponseWriter, err error) {
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

func (a *app) routes() http.Handler {
	mux := http.NewServeMux()

	mux.HandleFunc("POST /orders/placed", func(w http.ResponseWriter, r *http.Request) {
		o, ok := decode[orders.Order](w, r)
		if !ok {
			return
		}
		reply(w, a.orders.PublishPlaced(r.Context(), o))
	})

	mux.HandleFunc("POST /orders/{id}/cancel", func(w http.ResponseWriter, r *http.Request) {
		o, ok := decode[orders.Order](w, r)
		if !ok {
			return
		}
		o.ID = r.PathValue("id")
		reply(w, a.orders.PublishCancelled(r.Context(), o, r.URL.Query().Get("reason")))
	})

	mux.HandleFunc("POST /billing/invoices", func(w http.ResponseWriter, r *http.Request) {
		inv, ok := decode[billing.Invoice](w, r)
		if !ok {
			return
		}
		go a.billing.InvoiceIssued(context.WithoutCancel(r.Context()), inv) // BUG(errswallow): wrapper error lost in the goroutine
		w.WriteHeader(http.StatusAccepted)
	})

	mux.HandleFunc("POST /billing/dunning", func(w http.ResponseWriter, r *http.Request) {
		req, ok := decode[struct {
			AccountID  string   `json:"account_id"`
			InvoiceIDs []string `json:"invoice_ids"`
		}](w, r)
		if !ok {
			return
		}
		reply(w, a.billing.DunningStarted(r.Context(), req.AccountID, req.InvoiceIDs))
	})

	mux.HandleFunc("POST /billing/ledger/{period}/close", func(w http.ResponseWriter, r *http.Request) {
		reply(w, a.billing.LedgerClosed(r.Context(), r.PathValue("period")))
	})

	mux.HandleFunc("POST /queue/billing", func(w http.ResponseWriter, r *http.Request) {
		req, ok := decode[struct {
			Group string `json:"group"`
			Dedup string `json:"dedup"`
			Body  string `json:"body"`
		}](w, r)
		if !ok {
			return
		}
		reply(w, a.billingQ.Publish(r.Context(), req.Group, req.Dedup, req.Body))
	})

	mux.HandleFunc("POST /notifications", func(w http.ResponseWriter, r *http.Request) {
		n, ok := decode[notify.Notification](w, r)
		if !ok {
			return
		}
		if n.ID == "" {
			n.ID = ids.NewV7()
		}
		reply(w, a.dispatcher.Dispatch(r.Context(), n))
	})

	mux.HandleFunc("POST /notifications/legacy", func(w http.ResponseWriter, r *http.Request) {
		n, ok := decode[notify.Notification](w, r)
		if !ok {
			return
		}
		if !a.notifier.TryNotify(r.Context(), n) {
			w.Header().Set("X-Notification", "skipped")
		}
		w.WriteHeader(http.StatusNoContent)
	})

	mux.HandleFunc("POST /tenants/{tenant}/events", func(w http.ResponseWriter, r *http.Request) {
		ev, ok := decode[tenants.Event](w, r)
		if !ok {
			return
		}
		ev.TenantID = r.PathValue("tenant")
		reply(w, a.tenants.Publish(r.Context(), ev))
	})

	mux.HandleFunc("POST /users", func(w http.ResponseWriter, r *http.Request) {
		req, ok := decode[struct {
			UserID string `json:"user_id"`
			Email  string `json:"email"`
		}](w, r)
		if !ok {
			return
		}
		eventbus.Emit(r.Context(), a.bus, eventbus.UserRegistered{
			ID:        ids.New(),
			UserID:    req.UserID,
			Email:     req.Email,
			CreatedAt: time.Now(),
		})
		w.WriteHeader(http.StatusCreated)
	})

	mux.HandleFunc("POST /users/{id}/email", func(w http.ResponseWriter, r *http.Request) {
		req, ok := decode[struct {
			Old string `json:"old"`
			New string `json:"new"`
		}](w, r)
		if !ok {
			return
		}
		ev := eventbus.EmailChanged{ID: ids.Token(), UserID: r.PathValue("id"), Old: req.Old, New: req.New}
		reply(w, eventbus.Publish(r.Context(), a.bus, ev))
	})

	mux.HandleFunc("POST /jobs", func(w http.ResponseWriter, r *http.Request) {
		job, ok := decode[legacy.Job](w, r)
		if !ok {
			return
		}
		reply(w, a.jobs.EnqueueForOwner(r.Context(), job))
	})

	return mux
}
