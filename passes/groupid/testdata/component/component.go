// Package component is a sidecar-style pub/sub component: its host calls
// Init with the component's properties once, then Publish per message.
package component

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/mitchellh/mapstructure"
	"gopkg.in/yaml.v3"
)

type metadata struct {
	TopicArn string `mapstructure:"topicArn"`
	GroupID  string `mapstructure:"groupId"`
	Partial  bool   `mapstructure:"partial"`
}

type Component struct {
	client *sns.Client
	meta   metadata
}

func parseMetadata(props map[string]string) (metadata, error) {
	var m metadata
	err := mapstructure.WeakDecode(props, &m)
	return m, err
}

func (c *Component) Init(ctx context.Context, props map[string]string) error {
	m, err := parseMetadata(props)
	if err != nil {
		return err
	}
	c.meta = m
	return nil
}

type Request struct {
	Data []byte
	Key  string
}

func (c *Component) Publish(ctx context.Context, req Request) error {
	_, err := c.client.Publish(ctx, &sns.PublishInput{
		TopicArn:       aws.String(c.meta.TopicArn),
		Message:        aws.String(string(req.Data)),
		MessageGroupId: aws.String(c.meta.GroupID), // want `MessageGroupId is field meta.GroupID, decoded by mapstructure.WeakDecode in Component.Init`
	})
	return err
}

func (c *Component) PublishKeyed(ctx context.Context, req Request) error {
	_, err := c.client.Publish(ctx, &sns.PublishInput{
		TopicArn:       aws.String(c.meta.TopicArn),
		Message:        aws.String(string(req.Data)),
		MessageGroupId: aws.String(req.Key),
	})
	return err
}

// settings is filled when the pump starts.
var settings struct {
	Group string `yaml:"group"`
}

type Pump struct{ client *sns.Client }

func (p *Pump) Start(doc []byte) error { return yaml.Unmarshal(doc, &settings) }

func (p *Pump) Flush(ctx context.Context, body string) error {
	_, err := p.client.Publish(ctx, &sns.PublishInput{Message: aws.String(body), MessageGroupId: aws.String(settings.Group)}) // want `MessageGroupId is package variable settings`
	return err
}

// lastRequest is decoded for every message: not configuration.
var lastRequest struct {
	Group string `json:"group"`
}

func (p *Pump) Forward(ctx context.Context, doc []byte) error {
	if err := yaml.Unmarshal(doc, &lastRequest); err != nil {
		return err
	}
	_, err := p.client.Publish(ctx, &sns.PublishInput{Message: aws.String(string(doc)), MessageGroupId: aws.String(lastRequest.Group)})
	return err
}
