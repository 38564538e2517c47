// Package tenants publishes tenant-scoped domain events to the shared SNS
// FIFO topic. Each tenant gets its own ordering stream so that a noisy
// tenant cannot hold up the others.
package tenants

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"strings"
	"text/template"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"golang.org/x/sync/errgroup"

	"example.com/corpus/internal/ids"
)

// Event is a tenant-scoped domain event.
type Event struct {
	TenantID string          `json:"tenant_id"`
	ID       string          `json:"id"`
	Kind     string          `json:"kind"`
	Payload  json.RawMessage `json:"payload"`
}

// SNSPublisher is implemented by *sns.Client.
type SNSPublisher interface {
	Publish(ctx context.Context, params *sns.PublishInput, optFns ...func(*sns.Options)) (*sns.PublishOutput, error)
}

// DefaultGroupTemplate renders the group of tenants without an explicit
// mapping.
const DefaultGroupTemplate = "{{.TenantID}}-{{.Kind}}"

// Publisher publishes tenant events.
type Publisher struct {
	client    SNSPublisher
	topicARN  string
	groups    map[string]string // tenant id -> message group
	groupTmpl *template.Template
}

// NewPublisher returns a Publisher. groups maps tenants that share an
// ordering domain to a common group; other tenants get a group rendered from
// groupTemplate.
func NewPublisher(client SNSPublisher, topicARN string, groups map[string]string, groupTemplate string) (*Publisher, error) {
	if groupTemplate == "" {
		groupTemplate = DefaultGroupTemplate
	}
	tmpl, err := template.New("group").Option("missingkey=error").Parse(groupTemplate)
	if err != nil {
		return nil, fmt.Errorf("group template: %w", err)
	}
	return &Publisher{
		client:    client,
		topicARN:  topicARN,
		groups:    maps.Clone(groups),
		groupTmpl: tmpl,
	}, nil
}

func (p *Publisher) groupFor(ev Event) (string, error) {
	if g, ok := p.groups[ev.TenantID]; ok {
		return g, nil
	}
	var b strings.Builder
	if err := p.groupTmpl.Execute(&b, ev); err != nil {
		return "", fmt.Errorf("render group for tenant %s: %w", ev.TenantID, err)
	}
	return b.String(), nil
}

// Publish publishes ev in its tenant's group.
func (p *Publisher) Publish(ctx context.Context, ev Event) error {
	group, err := p.groupFor(ev)
	if err != nil {
		return err
	}
	_, err = p.client.Publish(ctx, &sns.PublishInput{
		TopicArn: aws.String(p.topicARN),
		Message:  aws.String(string(ev.Payload)),
		MessageAttributes: map[string]types.MessageAttributeValue{
			"tenant": {DataType: aws.String("String"), StringValue: aws.String(ev.TenantID)},
			"kind":   {DataType: aws.String("String"), StringValue: aws.String(ev.Kind)},
		},
		MessageGroupId:         aws.String(group),
		MessageDeduplicationId: aws.String(ev.TenantID + ":" + ev.ID),
	})
	if err != nil {
		return fmt.Errorf("publish %s for tenant %s: %w", ev.Kind, ev.TenantID, err)
	}
	return nil
}

// Broadcast publishes the same payload to every tenant in tenantIDs, eight at
// a time, and returns the first error.
func (p *Publisher) Broadcast(ctx context.Context, kind string, payload json.RawMessage, tenantIDs []string) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	hash := ids.ContentHash(payload)
	for _, tenantID := range tenantIDs {
		g.Go(func() error {
			ev := Event{TenantID: tenantID, Kind: kind, Payload: payload}
			group, err := p.groupFor(ev)
			if err != nil {
				return err
			}
			_, err = p.client.Publish(ctx, &sns.PublishInput{
				TopicArn:               aws.String(p.topicARN),
				Message:                aws.String(string(payload)),
				MessageGroupId:         aws.String(group),
				MessageDeduplicationId: aws.String(tenantID + ":" + kind + ":" + hash),
			})
			return err
		})
	}
	return g.Wait()
}
