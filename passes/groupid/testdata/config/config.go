// Package config holds producers whose settings are decoded once, at
// construction or in a start-up method that never sends.
package config

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	snsv1 "github.com/aws/aws-sdk-go/service/sns"
	env "github.com/caarlos0/env/v11"
	mapstructurev2 "github.com/go-viper/mapstructure/v2"
	"github.com/kelseyhightower/envconfig"
	"github.com/mitchellh/mapstructure"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	yamlv2 "gopkg.in/yaml.v2"
	"gopkg.in/yaml.v3"
)

type Settings struct {
	Queue string `envconfig:"QUEUE" env:"QUEUE" yaml:"queue" json:"queue" xml:"queue" mapstructure:"queue"`
	Group string `envconfig:"GROUP" env:"GROUP" yaml:"group" json:"group" xml:"group" mapstructure:"group"`
}

type Order struct{ ID, Customer, Kind string }

// EnvProducer reads its settings when the service starts.
type EnvProducer struct {
	client *sqs.Client
	cfg    Settings
}

func (p *EnvProducer) Start(ctx context.Context) error {
	return envconfig.Process("orders", &p.cfg)
}

func (p *EnvProducer) Send(ctx context.Context, o Order) error {
	_, err := p.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(p.cfg.Queue),
		MessageBody:    aws.String(o.ID),
		MessageGroupId: aws.String(p.cfg.Group), // want `MessageGroupId is field cfg.Group, decoded by envconfig.Process in EnvProducer.Start`
	})
	return err
}

// SendPerCustomer keys the group by customer under the configured prefix.
func (p *EnvProducer) SendPerCustomer(ctx context.Context, o Order) error {
	_, err := p.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(p.cfg.Queue),
		MessageBody:    aws.String(o.ID),
		MessageGroupId: aws.String(p.cfg.Group + "-" + o.Customer),
	})
	return err
}

// EnvParsed decodes into a local and keeps it (caarlos0/env, a provisioning hook).
type EnvParsed struct {
	client *sqs.Client
	cfg    Settings
}

func (p *EnvParsed) Provision() error {
	var s Settings
	if err := env.Parse(&s); err != nil {
		return err
	}
	p.cfg = s
	return nil
}

func (p *EnvParsed) Send(ctx context.Context, o Order) error {
	_, err := p.client.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(p.cfg.Queue), MessageBody: aws.String(o.ID), MessageGroupId: aws.String(p.cfg.Group)}) // want `MessageGroupId is field cfg.Group, decoded by env.Parse in EnvParsed.Provision`
	return err
}

// FileProducer is built from a YAML file.
type FileProducer struct {
	client *sqs.Client
	cfg    Settings
}

func NewFileProducer(c *sqs.Client, path string) (*FileProducer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	p := &FileProducer{client: c}
	if err := yaml.Unmarshal(b, &p.cfg); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *FileProducer) Send(ctx context.Context, o Order) error {
	_, err := p.client.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(p.cfg.Queue), MessageBody: aws.String(o.ID), MessageGroupId: aws.String(p.cfg.Group)}) // want `MessageGroupId is field cfg.Group, decoded by yaml.Unmarshal in NewFileProducer`
	return err
}

// Plugin is configured by its host through Configure (v1 SDK), before any send.
type Plugin struct {
	client *snsv1.SNS
	topic  string
	group  string
	legacy Settings
	json   Settings
	xml    Settings
	fromMS Settings
	fromV2 Settings
	viper  Settings
}

func (p *Plugin) Configure(raw map[string]any, doc []byte, xmlDoc []byte) error {
	if err := mapstructure.Decode(raw, &p.fromMS); err != nil {
		return err
	}
	if err := mapstructurev2.Decode(raw, &p.fromV2); err != nil {
		return err
	}
	if err := yamlv2.Unmarshal(doc, &p.legacy); err != nil {
		return err
	}
	if err := json.Unmarshal(doc, &p.json); err != nil {
		return err
	}
	if err := viper.Unmarshal(&p.viper); err != nil {
		return err
	}
	return xml.Unmarshal(xmlDoc, &p.xml)
}

func (p *Plugin) RegisterFlags(fs *pflag.FlagSet, std *flag.FlagSet) {
	fs.StringVar(&p.topic, "topic", "", "topic ARN")
	std.StringVar(&p.group, "group", "events", "message group")
}

func (p *Plugin) publish(ctx context.Context, group, body string) error {
	_, err := p.client.PublishWithContext(ctx, &snsv1.PublishInput{TopicArn: awsv1.String(p.topic), Message: awsv1.String(body), MessageGroupId: awsv1.String(group)})
	return err
}

func (p *Plugin) Emit(ctx context.Context, o Order) error {
	_ = p.publish(ctx, p.fromMS.Group, o.ID) // want `MessageGroupId is field fromMS.Group, decoded by mapstructure.Decode in Plugin.Configure`
	_ = p.publish(ctx, p.fromV2.Group, o.ID) // want `MessageGroupId is field fromV2.Group, decoded by mapstructure.Decode in Plugin.Configure`
	_ = p.publish(ctx, p.legacy.Group, o.ID) // want `MessageGroupId is field legacy.Group, decoded by yaml.Unmarshal in Plugin.Configure`
	_ = p.publish(ctx, p.json.Group, o.ID)   // want `MessageGroupId is field json.Group, decoded by json.Unmarshal in Plugin.Configure`
	_ = p.publish(ctx, p.xml.Group, o.ID)    // want `MessageGroupId is field xml.Group, decoded by xml.Unmarshal in Plugin.Configure`
	_ = p.publish(ctx, p.viper.Group, o.ID)  // want `MessageGroupId is field viper.Group, decoded by viper.Unmarshal in Plugin.Configure`
	_ = p.publish(ctx, p.group, o.ID)        // want `MessageGroupId is field group, decoded by flag.FlagSet.StringVar in Plugin.RegisterFlags`
	return p.publish(ctx, o.Customer, o.ID)
}

// Quiet: decoding on the send path is per-message data.

type Handler struct {
	client *sqs.Client
	req    Settings
	cfg    Settings
}

// Handle decodes each request, then sends it.
func (h *Handler) Handle(ctx context.Context, body []byte) error {
	if err := json.Unmarshal(body, &h.req); err != nil {
		return err
	}
	_, err := h.client.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(h.req.Queue), MessageBody: aws.String(string(body)), MessageGroupId: aws.String(h.req.Group)})
	return err
}

// refresh re-reads the settings; Send calls it before every message.
func (h *Handler) refresh(doc []byte) error { return json.Unmarshal(doc, &h.cfg) }

func (h *Handler) Send(ctx context.Context, doc []byte, o Order) error {
	if err := h.refresh(doc); err != nil {
		return err
	}
	_, err := h.client.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(h.cfg.Queue), MessageBody: aws.String(o.ID), MessageGroupId: aws.String(h.cfg.Group)})
	return err
}

// Generic decoder: env.ParseAs returns the settings.
type Typed struct {
	client *sqs.Client
	cfg    Settings
}

func (t *Typed) Setup() error {
	s, err := env.ParseAs[Settings]()
	if err != nil {
		return err
	}
	t.cfg = s
	return nil
}

func (t *Typed) Send(ctx context.Context, o Order) error {
	_, err := t.client.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(t.cfg.Queue), MessageBody: aws.String(o.ID), MessageGroupId: aws.String(t.cfg.Group)}) // want `MessageGroupId is field cfg.Group, decoded by env.ParseAs in Typed.Setup`
	return err
}
