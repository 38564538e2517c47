package recorded

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

// Quiet: the loop stops at the first failure, and the check after it
// sees that not every message was sent.

func (s *Sender) StopAtFirst(ctx context.Context, ins []*sqs.SendMessageInput) (int, error) {
	sent := 0
	for _, in := range ins {
		if _, err := s.client.SendMessage(ctx, in); err != nil {
			break
		}
		sent++
	}
	if sent < len(ins) {
		return sent, fmt.Errorf("sent %d of %d messages", sent, len(ins))
	}
	return sent, nil
}

func (s *Sender) LastSentChecked(ctx context.Context, ins []*sqs.SendMessageInput) error {
	last := -1
	for i, in := range ins {
		_, err := s.client.SendMessage(ctx, in)
		if err != nil {
			break
		}
		last = i
	}
	if last != len(ins)-1 {
		return fmt.Errorf("stopped after message %d", last)
	}
	return nil
}

// Reported: nothing after the loop checks how far it got.

func (s *Sender) StopAndReturnCount(ctx context.Context, ins []*sqs.SendMessageInput) (int, error) {
	sent := 0
	for _, in := range ins {
		if _, err := s.client.SendMessage(ctx, in); err != nil { // want `the error from SendMessage is dropped: on failure this code leaves the loop without reporting it`
			break
		}
		sent++
	}
	return sent, nil
}

func (s *Sender) StopInSwitch(ctx context.Context, ins []*sqs.SendMessageInput, mode int) error {
	sent := 0
	for _, in := range ins {
		switch mode {
		case 1:
			if _, err := s.client.SendMessage(ctx, in); err != nil { // want `the error from SendMessage is dropped: on failure this code leaves the switch without reporting it`
				break // leaves the switch only
			}
			sent++
		}
	}
	if sent == 0 {
		return fmt.Errorf("nothing sent")
	}
	return nil
}
