// Package successful checks batch sends through the Successful list.
package successful

import (
	"context"
	"fmt"
	"log"

	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
	sqsv1 "github.com/aws/aws-sdk-go/service/sqs"
)

type Fanout struct {
	queue  *sqs.Client
	topic  *sns.Client
	legacy *sqsv1.SQS
}

// Quiet: every entry that is not in Successful failed, and the count
// comparison finds them.

func (f *Fanout) CountCompared(ctx context.Context, url string, entries []sqstypes.SendMessageBatchRequestEntry) error {
	out, err := f.queue.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: &url, Entries: entries})
	if err != nil {
		return err
	}
	if len(out.Successful) != len(entries) {
		return fmt.Errorf("%d of %d entries not sent", len(entries)-len(out.Successful), len(entries))
	}
	return nil
}

func (f *Fanout) CountComparedSNS(ctx context.Context, in *sns.PublishBatchInput) (bool, error) {
	out, err := f.topic.PublishBatch(ctx, in)
	if err != nil {
		return false, err
	}
	want := len(in.PublishBatchRequestEntries)
	return (len(out.Successful)) < want, nil
}

func (f *Fanout) CountComparedV1(in *sqsv1.SendMessageBatchInput) error {
	out, err := f.legacy.SendMessageBatch(in)
	if err != nil {
		return err
	}
	if len(in.Entries) > len(out.Successful) {
		return fmt.Errorf("partial batch: %d sent", len(out.Successful))
	}
	return nil
}

// AckSent marks only the published rows of an outbox; the rest stay
// pending and are published again.
func (f *Fanout) AckSent(ctx context.Context, in *sns.PublishBatchInput, markSent func(id string)) error {
	out, err := f.topic.PublishBatch(ctx, in)
	if err != nil {
		return err
	}
	for _, s := range out.Successful {
		markSent(*s.Id)
	}
	return nil
}

// Reported: these uses of Successful do not find a partial failure.

func (f *Fanout) CountLogged(ctx context.Context, in *sns.PublishBatchInput) error {
	out, err := f.topic.PublishBatch(ctx, in) // want `PublishBatch reports failed entries in Failed even when err is nil; this code never reads out.Failed`
	if err != nil {
		return err
	}
	log.Printf("published %d events", len(out.Successful))
	return nil
}

func (f *Fanout) OnlyTotalFailure(ctx context.Context, url string, entries []sqstypes.SendMessageBatchRequestEntry) error {
	out, err := f.queue.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: &url, Entries: entries}) // want `SendMessageBatch reports failed entries in Failed even when err is nil; this code never reads out.Failed`
	if err != nil {
		return err
	}
	if len(out.Successful) == 0 {
		return fmt.Errorf("no entry sent")
	}
	return nil
}
