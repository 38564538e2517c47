// Command relay is the integration gateway: it exposes the producers over
// HTTP, runs the outbox relay and the legacy job heartbeat.
package main

import (
	"context"
	"database/sql"
	"errors"
	"log"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	sqsv1 "github.com/aws/aws-sdk-go/service/sqs"

	"example.com/corpus/billing"
	"example.com/corpus/eventbus"
	"example.com/corpus/internal/config"
	"example.com/corpus/internal/queue"
	"example.com/corpus/legacy"
	"example.com/corpus/notify"
	"example.com/corpus/orders"
	"example.com/corpus/outbox"
	"example.com/corpus/tenants"
)

func main() {
	if err := run(); err != nil {
		log.Fatal(err)
	}
}

type app struct {
	orders     *orders.OrderPublisher
	billing    *billing.Service
	billingQ   *queue.Queue
	notifier   *notify.Notifier
	dispatcher *notify.Dispatcher
	tenants    *tenants.Publisher
	bus        *eventbus.Bus
	jobs       *legacy.Worker
}

func run() error {
	cfg, err := config.Load()
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	awsCfg := aws.Config{Region: cfg.Region}
	sqsClient := sqs.NewFromConfig(awsCfg)
	snsClient := sns.NewFromConfig(awsCfg)

	var sender queue.Sender = queue.RetryingSender{Next: sqsClient, Attempts: 4, Base: 100 * time.Millisecond}
	if cfg.Local {
		sender = queue.NewMemorySender()
	}

	logger := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	billingQ := queue.New(sender, cfg.BillingQueueURL)

	tenantPub, err := tenants.NewPublisher(snsClient, cfg.TenantsTopicARN, cfg.TenantGroups, os.Getenv("TENANT_GROUP_TEMPLATE"))
	if err != nil {
		return err
	}

	sess := session.Must(session.NewSession(&awsv1.Config{Region: awsv1.String(cfg.Region)}))

	a := &app{
		orders:   orders.ProvideOrderPublisher(cfg, snsClient),
		billing:  billing.NewService(billingQ, logger),
		billingQ: billingQ,
		notifier: notify.New(sqsClient, cfg.NotifyQueueURL,
			notify.WithGroup(cfg.MessageGroup),
			notify.WithAttribute("source", "relay")),
		dispatcher: notify.NewDispatcher(sqsClient, cfg.NotifyQueueURL,
			notify.GroupBy(func(n notify.Notification) string { return n.UserID + "/" + n.Channel })),
		tenants: tenantPub,
		bus:     eventbus.New(snsClient, cfg.EventsTopicARN, "relay"),
		jobs:    legacy.NewWorker(sqsv1.New(sess), cfg.JobsQueueURL),
	}

	db, err := sql.Open(os.Getenv("DB_DRIVER"), os.Getenv("DATABASE_URL"))
	if err != nil {
		return err
	}
	defer db.Close()
	relay := outbox.NewRelay(outbox.SQLStore{DB: db}, sqsClient, cfg.OutboxQueueURL)
	go func() {
		if err := relay.Run(ctx, cfg.OutboxInterval); err != nil && !errors.Is(err, context.Canceled) {
			log.Printf("outbox relay stopped: %v", err)
		}
	}()

	go func() {
		t := time.NewTicker(30 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				a.jobs.Heartbeat()
			}
		}
	}()

	srv := &http.Server{Addr: ":8080", Handler: a.routes(), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdownCtx); err != nil {
			log.Printf("shutdown: %v", err)
		}
	}()
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
