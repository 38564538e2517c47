// Package handler decodes into a producer's fields. What an HTTP handler
// decodes is a request, new with every request, even when another method
// sends it; what a start-up method decodes from a file is configuration.
package handler

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"gopkg.in/yaml.v3"
)

type order struct {
	Customer string `json:"customer"`
	Body     string `json:"body"`
}

type settings struct {
	Group string `yaml:"group"`
}

// Stager keeps the last request and forwards it on demand.
type Stager struct {
	client   *sqs.Client
	url      string
	staged   order
	settings settings
}

// Stage decodes the request into the staging slot.
func (s *Stager) Stage(w http.ResponseWriter, r *http.Request) {
	if err := json.NewDecoder(r.Body).Decode(&s.staged); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
	}
}

// Start reads the settings once.
func (s *Stager) Start(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return yaml.Unmarshal(b, &s.settings)
}

func (s *Stager) Forward(ctx context.Context, note string) error {
	_, err := s.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(s.url),
		MessageBody:    aws.String(s.staged.Body + note),
		MessageGroupId: aws.String(s.staged.Customer),
	})
	return err
}

func (s *Stager) ForwardSettled(ctx context.Context, note string) error {
	_, err := s.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(s.url),
		MessageBody:    aws.String(note),
		MessageGroupId: aws.String(s.settings.Group), // want `MessageGroupId is field settings.Group, decoded by yaml.Unmarshal in Stager.Start`
	})
	return err
}

var lastTenant struct{ Tenant string }

// Remember is a handler func that fills a package variable per request.
func Remember(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	_ = json.Unmarshal(b, &lastTenant)
}

func Notify(ctx context.Context, c *sqs.Client, url, body string) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageBody: aws.String(body), MessageGroupId: aws.String(lastTenant.Tenant)})
	return err
}
