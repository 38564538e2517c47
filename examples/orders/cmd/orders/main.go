// Command orders is the order service: it accepts orders over HTTP and
// publishes them to SQS and SNS FIFO queues and topics.
package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"example.com/orders/notify"
	"example.com/orders/order"
	"example.com/orders/queue"
)

// config is read from the environment once, at boot.
type config struct {
	Addr           string
	Region         string
	EventsQueueURL string
	ShipQueueURL   string
	AuditQueueURL  string
	TopicARN       string
}

func loadConfig() config {
	return config{
		Addr:           getenv("ORDERS_ADDR", ":8080"),
		Region:         getenv("AWS_REGION", "eu-west-1"),
		EventsQueueURL: os.Getenv("ORDERS_EVENTS_QUEUE_URL"),
		ShipQueueURL:   os.Getenv("ORDERS_SHIP_QUEUE_URL"),
		AuditQueueURL:  os.Getenv("ORDERS_AUDIT_QUEUE_URL"),
		TopicARN:       os.Getenv("ORDERS_TOPIC_ARN"),
	}
}

func getenv(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// server holds the long-lived dependencies, built once in main.
type server struct {
	log        *slog.Logger
	producer   *queue.Producer
	fulfilment *queue.Fulfilment
	audit      *queue.Audit
	notifier   *notify.Notifier

	mu      sync.Mutex
	pending []order.Event // order events waiting for the next batch
}

func (s *server) placeOrder(w http.ResponseWriter, r *http.Request) {
	var o order.Order
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil || o.ID == "" || o.CustomerID == "" {
		http.Error(w, "invalid order", http.StatusBadRequest)
		return
	}
	if o.Version == 0 {
		o.Version = 1
	}
	o.PlacedAt = time.Now()
	ev := order.Placed(o)

	if err := s.audit.Record(r.Context(), ev); err != nil {
		s.log.Error("audit order", "order", o.ID, "err", err)
		http.Error(w, "could not record the order", http.StatusInternalServerError)
		return
	}
	if err := s.fulfilment.Ship(r.Context(), o); err != nil {
		s.log.Error("ship order", "order", o.ID, "err", err)
		http.Error(w, "could not queue the order", http.StatusBadGateway)
		return
	}
	if err := s.notifier.Publish(r.Context(), ev); err != nil {
		s.log.Error("notify order", "order", o.ID, "err", err)
		http.Error(w, "could not queue the order", http.StatusBadGateway)
		return
	}
	s.producer.Send(r.Context(), ev) // legacy event stream, best effort

	s.mu.Lock()
	s.pending = append(s.pending, ev)
	s.mu.Unlock()
	w.WriteHeader(http.StatusAccepted)
}

// flushLoop sends the pending order events in batches of up to 10.
func (s *server) flushLoop(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		s.mu.Lock()
		n := min(len(s.pending), 10)
		batch := s.pending[:n:n]
		s.pending = s.pending[n:]
		s.mu.Unlock()
		if n > 0 {
			s.producer.SendBatch(ctx, batch) // BUG(errswallow): SendBatch's error is dropped
		}
	}
}

func main() {
	cfg := loadConfig()
	logger := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	awsCfg := aws.Config{
		Region: cfg.Region,
		Credentials: aws.NewCredentialsCache(aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{
				AccessKeyID:     os.Getenv("AWS_ACCESS_KEY_ID"),
				SecretAccessKey: os.Getenv("AWS_SECRET_ACCESS_KEY"),
				SessionToken:    os.Getenv("AWS_SESSION_TOKEN"),
				Source:          "environment",
			}, nil
		})),
	}
	sqsClient := sqs.NewFromConfig(awsCfg)

	s := &server{
		log:        logger,
		producer:   queue.NewProducer(sqsClient, cfg.EventsQueueURL, logger),
		fulfilment: queue.NewFulfilment(sqsClient, cfg.ShipQueueURL),
		audit:      queue.NewAudit(sqsClient, cfg.AuditQueueURL),
		notifier:   notify.New(sns.NewFromConfig(awsCfg), cfg.TopicARN),
	}
	go s.flushLoop(context.Background())

	mux := http.NewServeMux()
	mux.HandleFunc("POST /orders", s.placeOrder)
	logger.Info("listening", "addr", cfg.Addr)
	if err := http.ListenAndServe(cfg.Addr, mux); err != nil {
		logger.Error("serve", "err", err)
		os.Exit(1)
	}
}
