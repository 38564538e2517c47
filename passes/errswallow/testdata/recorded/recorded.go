// Package recorded keeps the outcome of a failed send in a local variable
// and acts on it later.
package recorded

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

type Sender struct {
	client *sqs.Client
}

type Receipt struct {
	Dedup  string
	Status string
}

// Quiet: the function remembers the failure and reports it afterwards.

func (s *Sender) CountedThenReported(ctx context.Context, ins []*sqs.SendMessageInput) error {
	failed := 0
	for _, in := range ins {
		if _, err := s.client.SendMessage(ctx, in); err != nil {
			failed++
			continue
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d sends failed", failed, len(ins))
	}
	return nil
}

func (s *Sender) StatusReturned(ctx context.Context, in *sqs.SendMessageInput) Receipt {
	status := "queued"
	if _, err := s.client.SendMessage(ctx, in); err != nil {
		status = "not-queued"
	}
	return Receipt{Dedup: *in.MessageDeduplicationId, Status: status}
}

func (s *Sender) FlagThenChecked(ctx context.Context, ins []*sqs.SendMessageInput) error {
	ok := true
	for _, in := range ins {
		if _, err := s.client.SendMessage(ctx, in); err != nil {
			ok = false
			break
		}
	}
	if !ok {
		return errors.New("stopped at the first failed send")
	}
	return nil
}

func (s *Sender) BudgetCheckedInLoop(ctx context.Context, ins []*sqs.SendMessageInput) error {
	misses := 0
	for _, in := range ins {
		if misses > 3 {
			return errors.New("too many failed sends")
		}
		if _, err := s.client.SendMessage(ctx, in); err != nil {
			misses++
		}
	}
	return nil
}

func (s *Sender) CountedInGoroutines(ctx context.Context, ins []*sqs.SendMessageInput) error {
	var (
		mu     sync.Mutex
		failed int
		wg     sync.WaitGroup
	)
	for _, in := range ins {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.client.SendMessage(ctx, in); err != nil {
				mu.Lock()
				failed++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if failed > 0 {
		return fmt.Errorf("%d sends failed", failed)
	}
	return nil
}

// Reported: what the failure path records is never acted on.

func (s *Sender) CountedNeverRead(ctx context.Context, ins []*sqs.SendMessageInput) error {
	failed := 0
	for _, in := range ins {
		if _, err := s.client.SendMessage(ctx, in); err != nil { // want `the error from SendMessage is dropped: on failure this code skips to the next message`
			failed++
			continue
		}
	}
	return nil
}

func (s *Sender) RetryCounterOnlyInCondition(ctx context.Context, in *sqs.SendMessageInput) error {
	for retries := 0; retries < 3; {
		if _, err := s.client.SendMessage(ctx, in); err != nil { // want `the error from SendMessage is dropped: on failure this code skips to the next message`
			retries++
			continue
		}
		return nil
	}
	return nil
}

func (s *Sender) StatusReadOnlyBefore(ctx context.Context, in *sqs.SendMessageInput, trace func(string)) {
	status := "sending"
	trace(status)
	if _, err := s.client.SendMessage(ctx, in); err != nil { // want `the error from SendMessage is dropped: on failure this code carries on`
		status = "failed"
	}
}

func (s *Sender) NamedResultFlag(ctx context.Context, in *sqs.SendMessageInput) (sent bool) {
	if _, err := s.client.SendMessage(ctx, in); err != nil { // want `the error from SendMessage is dropped: on failure this code returns without reporting it`
		sent = false
		return
	}
	return true
}
