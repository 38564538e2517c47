// Package relay sends and computes ids through function values; package
// funcvalue uses it through the facts it exports.
package relay

import (
	"context"
	"strconv"
	"time"

	"example.com/dedupid/queue"
)

// Sender forwards to the wrapper it holds in a field: callers choose the ids.
type Sender struct {
	publish func(ctx context.Context, group, dedup, body string) error
}

func NewSender(t *queue.Topic) *Sender { return &Sender{publish: t.Publish} }

func (s *Sender) Send(ctx context.Context, group, dedup, body string) error {
	return s.publish(ctx, group, dedup, body)
}

var clock = time.Now

// Token reads the clock through a package variable.
func Token() string { return strconv.FormatInt(clock().UnixNano(), 36) }

// Now is the package's clock; tests elsewhere replace it.
var Now = time.Now

// Label is not a clock: other packages may store anything here, so it is
// not exported as a fact.
var Label = func() string { return "relay" }
