// Package failwrap reports a send's failure without returning its error;
// its callers live in package failuse.
package failwrap

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/sns"
)

// ErrNotPublished replaces the cause.
var ErrNotPublished = errors.New("event not published")

type Events struct{ client *sns.Client }

// Publish chooses a sentinel on the failure path.
func (e *Events) Publish(ctx context.Context, in *sns.PublishInput) error {
	if _, err := e.client.Publish(ctx, in); err != nil {
		return ErrNotPublished
	}
	return nil
}

// PublishInto stores the failure through an out-parameter.
func (e *Events) PublishInto(ctx context.Context, in *sns.PublishInput, errp *error) error {
	_, err := e.client.Publish(ctx, in)
	if err != nil {
		*errp = fmt.Errorf("publish: %w", err)
		return *errp
	}
	return nil
}

// PublishOK reports failure as a new error.
func (e *Events) PublishOK(ctx context.Context, in *sns.PublishInput) (bool, error) {
	if _, err := e.client.Publish(ctx, in); err != nil {
		return false, errors.New("publish failed")
	}
	return true, nil
}
