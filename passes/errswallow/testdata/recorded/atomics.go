package recorded

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

// Quiet: goroutines flag or count failures atomically, and the function
// checks the flag or count once they are done.

func (s *Sender) FlaggedInGoroutines(ctx context.Context, ins []*sqs.SendMessageInput) error {
	var failed atomic.Bool
	var wg sync.WaitGroup
	for _, in := range ins {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.client.SendMessage(ctx, in); err != nil {
				failed.Store(true)
			}
		}()
	}
	wg.Wait()
	if failed.Load() {
		return errors.New("at least one send failed")
	}
	return nil
}

func (s *Sender) CountedWithAddInt64(ctx context.Context, ins []*sqs.SendMessageInput) error {
	var failures int64
	var wg sync.WaitGroup
	for _, in := range ins {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.client.SendMessage(ctx, in); err != nil {
				atomic.AddInt64(&failures, 1)
			}
		}()
	}
	wg.Wait()
	if n := atomic.LoadInt64(&failures); n > 0 {
		return fmt.Errorf("%d sends failed", n)
	}
	return nil
}

func (s *Sender) AtomicCountThenChecked(ctx context.Context, ins []*sqs.SendMessageInput) error {
	var failures atomic.Int32
	for _, in := range ins {
		if _, err := s.client.SendMessage(ctx, in); err != nil {
			failures.Add(1)
			continue
		}
	}
	if failures.Load() > 0 {
		return errors.New("some sends failed")
	}
	return nil
}

// Reported: the count is never looked at, or it is a metric in a field.

type Meter struct{ failures atomic.Int64 }

func (s *Sender) AtomicCountIgnored(ctx context.Context, ins []*sqs.SendMessageInput) error {
	var failures atomic.Int32
	for _, in := range ins {
		if _, err := s.client.SendMessage(ctx, in); err != nil { // want `the error from SendMessage is dropped: on failure this code skips to the next message`
			failures.Add(1)
			continue
		}
	}
	return nil
}

func (s *Sender) FieldMetric(ctx context.Context, m *Meter, in *sqs.SendMessageInput) error {
	if _, err := s.client.SendMessage(ctx, in); err != nil { // want `the error from SendMessage is dropped: on failure this code returns nil`
		m.failures.Add(1)
		return nil
	}
	return nil
}

func (s *Sender) CountedInGoroutinesIgnored(ctx context.Context, ins []*sqs.SendMessageInput) error {
	var failures atomic.Int64
	var wg sync.WaitGroup
	for _, in := range ins {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.client.SendMessage(ctx, in); err != nil { // want `the error from SendMessage is dropped: on failure this code carries on`
				failures.Add(1)
			}
		}()
	}
	wg.Wait()
	return nil
}
