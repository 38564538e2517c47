package faked

import (
	"context"
	"testing"

	"example.com/errswallow/iface/fakes"
)

type recorder struct{ msgs []string }

func (r *recorder) Notify(ctx context.Context, msg string) error {
	r.msgs = append(r.msgs, msg)
	return nil
}

func TestDropped(t *testing.T) {
	(&Service{n: &recorder{}}).Dropped(context.Background(), "a")
	f := &fakes.Notifier{}
	if err := (&Service{n: f}).Handled(context.Background(), "b"); err != nil {
		t.Fatal(err)
	}
}
