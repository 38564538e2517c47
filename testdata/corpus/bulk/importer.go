// Package bulk pushes catalogue import records onto the import FIFO queue.
package bulk

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/google/uuid"

	"example.com/corpus/internal/ids"
)

// defaultGroup is the stream import records are sent to.
var defaultGroup = "bulk-import"

// Record is one line of an import file.
type Record struct {
	Key  string // SKU or external id
	Body []byte
}

// Importer sends import records.
type Importer struct {
	client   *sqs.Client
	queueURL string
	source   string
	runID    string
	seq      atomic.Uint64
}

// NewImporter returns an Importer for one import source ("catalog", "prices").
func NewImporter(client *sqs.Client, queueURL, source string) *Importer {
	return &Importer{
		client:   client,
		queueURL: queueURL,
		source:   source,
		runID:    uuid.NewString(),
	}
}

// Import sends recs in batches of ten.
func (im *Importer) Import(ctx context.Context, recs []Record) error {
	now := time.Now()
	for start := 0; start < len(recs); start += 10 {
		end := min(start+10, len(recs))
		var entries []types.SendMessageBatchRequestEntry
		for i, rec := range recs[start:end] {
			entries = append(entries, types.SendMessageBatchRequestEntry{
				Id:                     aws.String("r" + strconv.Itoa(i)),
				MessageBody:            aws.String(string(rec.Body)),
				MessageGroupId:         aws.String(defaultGroup),                                  // BUG(groupid): package-level variable, one stream for the whole import
				MessageDeduplicationId: aws.String(fmt.Sprintf("%d-%d", now.UnixNano(), start+i)), // BUG(dedupid): clock plus position, a re-run of the file is not deduplicated
			})
		}
		if _, err := im.client.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{ // BUG(errswallow): Failed entries are never looked at
			QueueUrl: aws.String(im.queueURL),
			Entries:  entries,
		}); err != nil {
			return fmt.Errorf("import batch at %d: %w", start, err)
		}
	}
	return nil
}

// ImportKeyed is the replacement for Import: ordered per key, deduplicated
// by content, and partial failures reported.
func (im *Importer) ImportKeyed(ctx context.Context, recs []Record) error {
	for start := 0; start < len(recs); start += 10 {
		end := min(start+10, len(recs))
		var entries []types.SendMessageBatchRequestEntry
		for i, rec := range recs[start:end] {
			entries = append(entries, types.SendMessageBatchRequestEntry{
				Id:                     aws.String("r" + strconv.Itoa(i)),
				MessageBody:            aws.String(string(rec.Body)),
				MessageGroupId:         aws.String(im.source + "/" + rec.Key),
				MessageDeduplicationId: aws.String(ids.ContentHash(rec.Body)),
			})
		}
		out, err := im.client.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{
			QueueUrl: aws.String(im.queueURL),
			Entries:  entries,
		})
		if err != nil {
			return fmt.Errorf("import batch at %d: %w", start, err)
		}
		if n := len(out.Failed); n > 0 {
			return fmt.Errorf("import batch at %d: %d of %d entries rejected", start, n, len(entries))
		}
	}
	return nil
}

// Resend re-sends a single record that the consumer rejected.
func (im *Importer) Resend(ctx context.Context, rec Record) error {
	_, err := im.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(im.queueURL),
		MessageBody:            aws.String(string(rec.Body)),
		MessageGroupId:         aws.String(im.source + "/" + rec.Key),
		MessageDeduplicationId: aws.String(fmt.Sprintf("%d.%d", time.Now().Unix(), im.seq.Add(1))), // BUG(dedupid): clock plus in-process counter
	})
	return err
}

// ImportEach sends records one by one; used for small files.
func (im *Importer) ImportEach(ctx context.Context, recs []Record) error {
	send := func(rec Record) error {
		_, err := im.client.SendMessage(ctx, &sqs.SendMessageInput{
			QueueUrl:               aws.String(im.queueURL),
			MessageBody:            aws.String(string(rec.Body)),
			MessageGroupId:         aws.String(im.source + "/" + rec.Key),
			MessageDeduplicationId: aws.String(rec.Key + "-" + ids.ContentHash(rec.Body)),
		})
		return err
	}
	var errs []error
	for _, rec := range recs {
		if err := send(rec); err != nil {
			errs = append(errs, fmt.Errorf("record %s: %w", rec.Key, err))
		}
	}
	return errors.Join(errs...)
}

// Done publishes an "import finished" marker so that consumers can compact.
func (im *Importer) Done(ctx context.Context, count int) error {
	_, err := im.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(im.queueURL),
		MessageBody:            aws.String(fmt.Sprintf(`{"type":"import.done","source":%q,"count":%d}`, im.source, count)),
		MessageGroupId:         aws.String(im.source), // BUG(groupid): source is fixed when the importer is built
		MessageDeduplicationId: aws.String(im.runID),  // BUG(dedupid): uuid taken once at construction, every later Done is dropped
	})
	return err
}
