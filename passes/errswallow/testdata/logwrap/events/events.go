// Package events is a send layer whose Publish logs a failure before it
// returns it.
package events

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/aws/aws-sdk-go-v2/service/sns"
)

type Bus struct {
	client *sns.Client
	log    *slog.Logger
}

// Publish logs the failure, then returns it.
func (b *Bus) Publish(ctx context.Context, in *sns.PublishInput) error {
	if _, err := b.client.Publish(ctx, in); err != nil {
		b.log.ErrorContext(ctx, "publish failed", "topic", *in.TopicArn, "err", err)
		return fmt.Errorf("events: publish: %w", err)
	}
	return nil
}

// PublishLogged logs through an assignment before returning the error.
func (b *Bus) PublishLogged(ctx context.Context, in *sns.PublishInput) (string, error) {
	out, err := b.client.Publish(ctx, in)
	if err == nil {
		return *out.MessageId, nil
	}
	b.log.Warn("publish failed", "err", err)
	return "", err
}

// PublishTraced logs before it sends: the failure itself is not logged.
func (b *Bus) PublishTraced(ctx context.Context, in *sns.PublishInput) error {
	b.log.Debug("publishing", "topic", *in.TopicArn)
	_, err := b.client.Publish(ctx, in)
	return err
}

// PublishNoted logs on success only.
func (b *Bus) PublishNoted(ctx context.Context, in *sns.PublishInput) error {
	_, err := b.client.Publish(ctx, in)
	if err == nil {
		b.log.Info("published")
	}
	return err
}

// PublishSome logs one failure path and not the other.
func (b *Bus) PublishSome(ctx context.Context, in *sns.PublishInput, retry bool) error {
	_, err := b.client.Publish(ctx, in)
	if err != nil && !retry {
		return err
	}
	if err != nil {
		b.log.Warn("publish failed, not retrying", "err", err)
		return err
	}
	return nil
}

// Direct hands the send's error on without logging it.
func (b *Bus) Direct(ctx context.Context, in *sns.PublishInput) error {
	_, err := b.client.Publish(ctx, in)
	return err
}

// Notify hands on the error of Publish, which logged it.
func (b *Bus) Notify(ctx context.Context, in *sns.PublishInput) error {
	return b.Publish(ctx, in)
}

// NotifyWrapped wraps the error of Publish, which logged it.
func (b *Bus) NotifyWrapped(ctx context.Context, in *sns.PublishInput) error {
	if err := b.Publish(ctx, in); err != nil {
		return fmt.Errorf("notify: %w", err)
	}
	return nil
}
