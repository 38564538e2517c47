// Package startup sends with deduplication ids read from configuration
// when the service starts.
package startup

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/kelseyhightower/envconfig"
)

type settings struct {
	Topic  string `envconfig:"TOPIC"`
	Source string `envconfig:"SOURCE"`
}

type Notifier struct {
	client *sns.Client
	cfg    settings
}

func (n *Notifier) Init() error { return envconfig.Process("notify", &n.cfg) }

type Event struct{ ID, Account, Body string }

func (n *Notifier) Notify(ctx context.Context, e Event) error {
	_, err := n.client.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(n.cfg.Topic),
		Message:                aws.String(e.Body),
		MessageGroupId:         aws.String(e.Account),
		MessageDeduplicationId: aws.String(n.cfg.Source), // want `MessageDeduplicationId is field cfg.Source, decoded by envconfig.Process in Notifier.Init: every message after the first`
	})
	return err
}

// NotifyKeyed scopes the event id by the configured source.
func (n *Notifier) NotifyKeyed(ctx context.Context, e Event) error {
	_, err := n.client.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(n.cfg.Topic),
		Message:                aws.String(e.Body),
		MessageGroupId:         aws.String(e.Account),
		MessageDeduplicationId: aws.String(n.cfg.Source + ":" + e.ID),
	})
	return err
}
