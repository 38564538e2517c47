// Package funcopts passes the group to a wrapper as a functional option.
// What each option writes into the wrapper's options decides the group at
// the call: a constant written by WithGroup("x") is one group for every
// call like it; an option that sets something else leaves the wrapper's
// default in place.
package funcopts

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/google/uuid"
)

type settings struct {
	group, dedup string
	route        struct{ group string }
}

type Option func(*settings)

func WithGroup(g string) Option      { return func(s *settings) { s.group = g } }
func WithDedup(d string) Option      { return func(s *settings) { s.dedup = d } }
func WithRouteGroup(g string) Option { return func(s *settings) { s.route.group = g } }

// WithNormalizedGroup does more than assign: what it writes is not judged.
func WithNormalizedGroup(g string) Option {
	return func(s *settings) {
		if g != "" {
			s.group = strings.ToLower(g)
		}
	}
}

type Topic struct {
	client *sns.Client
	arn    string
}

func (t *Topic) Publish(ctx context.Context, body string, opts ...Option) error {
	s := settings{group: "shared", dedup: uuid.NewString()}
	for _, o := range opts {
		o(&s)
	}
	_, err := t.client.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(t.arn), Message: aws.String(body), MessageGroupId: aws.String(s.group), MessageDeduplicationId: aws.String(s.dedup)})
	return err
}

func (t *Topic) PublishRouted(ctx context.Context, body string, opts ...Option) error {
	var s settings
	for _, o := range opts {
		o(&s)
	}
	_, err := t.client.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(t.arn), Message: aws.String(body), MessageGroupId: aws.String(s.route.group), MessageDeduplicationId: aws.String(uuid.NewString())})
	return err
}

func (t *Topic) Callers(ctx context.Context, tenant, requestID, body string) error {
	if err := t.Publish(ctx, body, WithGroup(tenant)); err != nil {
		return err
	}
	if err := t.Publish(ctx, body, WithDedup(requestID), WithGroup(tenant)); err != nil {
		return err
	}
	if err := t.Publish(ctx, body, WithNormalizedGroup("Billing")); err != nil {
		return err
	}
	if err := t.Publish(ctx, body, WithGroup("everything")); err != nil { // want `MessageGroupId is constant "everything", passed to Topic.Publish`
		return err
	}
	if err := t.Publish(ctx, body, WithDedup(requestID)); err != nil { // want `MessageGroupId is constant "shared", which Topic.Publish falls back to when none of the options this call passes sets it`
		return err
	}
	if err := t.PublishRouted(ctx, body, WithRouteGroup(tenant)); err != nil {
		return err
	}
	return t.PublishRouted(ctx, body, WithRouteGroup("routed")) // want `MessageGroupId is constant "routed", passed to Topic.PublishRouted`
}

// Setting is an option in the interface style: what its apply method
// writes is not followed. A constant handed to an option that sets the
// dedup id is not the group.
type Setting interface{ apply(*settings) }

type dedupSetting string

func (d dedupSetting) apply(s *settings) { s.dedup = string(d) }

func Dedup(d string) Setting { return dedupSetting(d) }

type Queue struct {
	client *sns.Client
	arn    string
}

func (q *Queue) Publish(ctx context.Context, body string, opts ...Setting) error {
	var s settings
	for _, o := range opts {
		o.apply(&s)
	}
	_, err := q.client.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(q.arn), Message: aws.String(body), MessageGroupId: aws.String(s.group), MessageDeduplicationId: aws.String(uuid.NewString())})
	return err
}

func (q *Queue) Callers(ctx context.Context, body string) error {
	return q.Publish(ctx, body, Dedup("nightly"))
}
