// Package use calls the wrappers of package wrap.
package use

import (
	"context"

	"example.com/errswallow/wrap"
)

type ID string

func (i ID) String() string { return string(i) }

func Discard(ctx context.Context, t *wrap.Topic) {
	_ = t.Publish(ctx, "g", "b")                     // want `the error from wrap.Topic.Publish \(which returns the error of Publish\) is assigned to _`
	t.PublishAll(ctx, []string{"a"})                 // want `the error from wrap.Topic.PublishAll \(which returns the error of Publish\) is not checked`
	_ = wrap.Send(ctx, t, ID("x"))                   // want `the error from wrap.Send \(which returns the error of Publish\) is assigned to _`
	if err := t.Publish(ctx, "g", "b"); err != nil { // want `on failure this code returns without reporting it`
		return
	}
}

func Handled(ctx context.Context, t *wrap.Topic) error {
	if err := t.Publish(ctx, "g", "b"); err != nil {
		return err
	}
	return wrap.Send(ctx, t, ID("x"))
}
