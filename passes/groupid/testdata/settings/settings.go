// Package settings exposes the group a service decoded when it started.
package settings

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/kelseyhightower/envconfig"
)

type config struct {
	Group string `envconfig:"GROUP"`
}

type Service struct {
	Client *sqs.Client
	cfg    config
}

func (s *Service) Init(ctx context.Context) error { return envconfig.Process("svc", &s.cfg) }

func (s *Service) Group() string { return s.cfg.Group }
