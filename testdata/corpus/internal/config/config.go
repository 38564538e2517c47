// Package config loads the producer configuration from the environment once
// at boot.
package config

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

// Config is the process configuration.
type Config struct {
	Region string
	Local  bool

	OrdersTopicARN  string
	PricingTopicARN string
	CacheTopicARN   string
	CacheDRTopicARN string
	EventsTopicARN  string
	TenantsTopicARN string
	BillingQueueURL string
	NotifyQueueURL  string
	ImportQueueURL  string
	OutboxQueueURL  string
	AuditQueueURL   string
	JobsQueueURL    string
	ForwardQueueURL string
	QuarantineURL   string

	// MessageGroup is the message group the service publishes under.
	MessageGroup string
	// TenantGroups maps tenant ids to dedicated message groups, for tenants
	// that share an ordering domain ("acme=acme-eu,globex=globex").
	TenantGroups map[string]string

	OutboxInterval time.Duration
}

// Load reads the configuration from the environment.
func Load() (Config, error) {
	cfg := Config{
		Region:          getenv("AWS_REGION", "eu-west-1"),
		Local:           os.Getenv("LOCAL") == "1",
		OrdersTopicARN:  os.Getenv("ORDERS_TOPIC_ARN"),
		PricingTopicARN: os.Getenv("PRICING_TOPIC_ARN"),
		CacheTopicARN:   os.Getenv("CACHE_TOPIC_ARN"),
		CacheDRTopicARN: os.Getenv("CACHE_DR_TOPIC_ARN"),
		EventsTopicARN:  os.Getenv("EVENTS_TOPIC_ARN"),
		TenantsTopicARN: os.Getenv("TENANTS_TOPIC_ARN"),
		BillingQueueURL: os.Getenv("BILLING_QUEUE_URL"),
		NotifyQueueURL:  os.Getenv("NOTIFY_QUEUE_URL"),
		ImportQueueURL:  os.Getenv("IMPORT_QUEUE_URL"),
		OutboxQueueURL:  os.Getenv("OUTBOX_QUEUE_URL"),
		AuditQueueURL:   os.Getenv("AUDIT_QUEUE_URL"),
		JobsQueueURL:    os.Getenv("JOBS_QUEUE_URL"),
		ForwardQueueURL: os.Getenv("FORWARD_QUEUE_URL"),
		QuarantineURL:   os.Getenv("QUARANTINE_QUEUE_URL"),
		MessageGroup:    getenv("MESSAGE_GROUP", "orders"),
		TenantGroups:    parsePairs(os.Getenv("TENANT_GROUPS")),
	}
	d, err := time.ParseDuration(getenv("OUTBOX_INTERVAL", "2s"))
	if err != nil {
		return Config{}, fmt.Errorf("OUTBOX_INTERVAL: %w", err)
	}
	cfg.OutboxInterval = d
	if cfg.OrdersTopicARN == "" && !cfg.Local {
		return Config{}, errors.New("ORDERS_TOPIC_ARN is required")
	}
	return cfg, nil
}

func getenv(key, def string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return def
}

func parsePairs(s string) map[string]string {
	m := make(map[string]string)
	for _, kv := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(kv), "=")
		if ok && k != "" && v != "" {
			m[k] = v
		}
	}
	return m
}
