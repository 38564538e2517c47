// Package batch builds SendMessageBatch and PublishBatch requests in loops.
// An id that does not change from one entry to the next makes SQS and SNS
// drop entries 2..n as duplicates of the first.
package batch

import (
	"context"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	sqsv1 "github.com/aws/aws-sdk-go/service/sqs"
	"github.com/google/uuid"

	"example.com/dedupid/entries"
)

type Job struct{ Key, Kind, Body string }

// PerCallID copies one id given per call into every entry.
func PerCallID(ctx context.Context, c *sqs.Client, url, dedupID string, jobs []Job) error {
	entries := make([]types.SendMessageBatchRequestEntry, 0, len(jobs))
	for i, j := range jobs {
		entries = append(entries, types.SendMessageBatchRequestEntry{
			Id:                     aws.String(strconv.Itoa(i)),
			MessageBody:            aws.String(j.Body),
			MessageGroupId:         aws.String(j.Key),
			MessageDeduplicationId: aws.String(dedupID), // want `MessageDeduplicationId aws.String\(dedupID\) is the same for every entry of the batch this loop builds`
		})
	}
	_, err := c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: entries})
	return err
}

type BatchOptions struct{ DedupID string }

// Chunked sends ten entries at a time; the option is the same for all.
func Chunked(ctx context.Context, c *sns.Client, arn string, jobs []Job, opts BatchOptions) error {
	for start := 0; start < len(jobs); start += 10 {
		var batch []snstypes.PublishBatchRequestEntry
		for i := start; i < len(jobs) && i < start+10; i++ {
			e := snstypes.PublishBatchRequestEntry{
				Id:             aws.String(strconv.Itoa(i)),
				Message:        aws.String(jobs[i].Body),
				MessageGroupId: aws.String(jobs[i].Key),
			}
			if opts.DedupID != "" {
				e.MessageDeduplicationId = aws.String(opts.DedupID) // want `MessageDeduplicationId aws.String\(opts.DedupID\) is the same for every entry`
			}
			batch = append(batch, e)
		}
		if _, err := c.PublishBatch(ctx, &sns.PublishBatchInput{TopicArn: aws.String(arn), PublishBatchRequestEntries: batch}); err != nil {
			return err
		}
	}
	return nil
}

// OneUUID draws one UUID for the whole request.
func OneUUID(ctx context.Context, c *sqs.Client, url string, jobs []Job) error {
	requestID := uuid.NewString()
	entries := make([]types.SendMessageBatchRequestEntry, len(jobs))
	for i, j := range jobs {
		entries[i] = types.SendMessageBatchRequestEntry{Id: aws.String(strconv.Itoa(i)), MessageBody: aws.String(j.Body), MessageGroupId: aws.String(j.Key)}
		entries[i].MessageDeduplicationId = &requestID // want `MessageDeduplicationId &requestID is the same for every entry`
	}
	_, err := c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: entries})
	return err
}

// ClockOnce reads the clock once before the loop: the clock rule reports it.
func ClockOnce(ctx context.Context, c *sqs.Client, url string, jobs []Job) error {
	stamp := strconv.FormatInt(time.Now().UnixNano(), 10)
	var entries []types.SendMessageBatchRequestEntry
	for i, j := range jobs {
		entries = append(entries, types.SendMessageBatchRequestEntry{
			Id:                     aws.String(strconv.Itoa(i)),
			MessageBody:            aws.String(j.Body),
			MessageGroupId:         aws.String(j.Key),
			MessageDeduplicationId: aws.String(stamp), // want `MessageDeduplicationId is built from strconv.FormatInt\(time.Now\(\).UnixNano\(\), 10\)`
		})
	}
	_, err := c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: entries})
	return err
}

// V1Setter builds v1 entries through setters.
func V1Setter(ctx context.Context, c *sqsv1.SQS, url, dedupID string, jobs []Job) error {
	var entries []*sqsv1.SendMessageBatchRequestEntry
	for i, j := range jobs {
		e := &sqsv1.SendMessageBatchRequestEntry{}
		e.SetId(strconv.Itoa(i)).SetMessageBody(j.Body).SetMessageGroupId(j.Key)
		e.SetMessageDeduplicationId(dedupID) // want `MessageDeduplicationId dedupID is the same for every entry`
		entries = append(entries, e)
	}
	_, err := c.SendMessageBatchWithContext(ctx, &sqsv1.SendMessageBatchInput{QueueUrl: &url, Entries: entries})
	return err
}

// Correct batches: each entry carries its own id, or none.

func PerEntry(ctx context.Context, c *sqs.Client, url, requestID string, jobs []Job) error {
	var entries []types.SendMessageBatchRequestEntry
	for i, j := range jobs {
		entries = append(entries, types.SendMessageBatchRequestEntry{
			Id:                     aws.String(strconv.Itoa(i)),
			MessageBody:            aws.String(j.Body),
			MessageGroupId:         aws.String(requestID), // one group for the whole request: ordered, and fine
			MessageDeduplicationId: aws.String(requestID + "-" + j.Key),
		})
	}
	_, err := c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: entries})
	return err
}

func FreshUUID(ctx context.Context, c *sqs.Client, url string, jobs []Job) error {
	var entries []*types.SendMessageBatchRequestEntry
	for i, j := range jobs {
		entries = append(entries, &types.SendMessageBatchRequestEntry{
			Id:                     aws.String(strconv.Itoa(i)),
			MessageBody:            aws.String(j.Body),
			MessageGroupId:         aws.String(j.Key),
			MessageDeduplicationId: aws.String(uuid.NewString()),
		})
	}
	for _, e := range entries {
		_, err := c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: []types.SendMessageBatchRequestEntry{*e}})
		if err != nil {
			return err
		}
	}
	return nil
}

// FanOut sends one entry to each queue: deduplication is per queue.
func FanOut(ctx context.Context, c *sqs.Client, urls []string, dedupID string, j Job) error {
	for _, url := range urls {
		entries := []types.SendMessageBatchRequestEntry{{
			Id:                     aws.String("0"),
			MessageBody:            aws.String(j.Body),
			MessageGroupId:         aws.String(j.Key),
			MessageDeduplicationId: aws.String(dedupID),
		}}
		if _, err := c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: entries}); err != nil {
			return err
		}
	}
	return nil
}

// FanOutAppend collects into a slice made per queue.
func FanOutAppend(ctx context.Context, c *sns.Client, arns []string, dedupID string, j Job) error {
	for _, arn := range arns {
		var entries []snstypes.PublishBatchRequestEntry
		entries = append(entries, snstypes.PublishBatchRequestEntry{Id: aws.String("0"), Message: aws.String(j.Body), MessageGroupId: aws.String(j.Key), MessageDeduplicationId: aws.String(dedupID)})
		if _, err := c.PublishBatch(ctx, &sns.PublishBatchInput{TopicArn: aws.String(arn), PublishBatchRequestEntries: entries}); err != nil {
			return err
		}
	}
	return nil
}

// ContentBased leaves the id out.
func ContentBased(ctx context.Context, c *sqs.Client, url string, jobs []Job) error {
	var entries []types.SendMessageBatchRequestEntry
	for i, j := range jobs {
		entries = append(entries, types.SendMessageBatchRequestEntry{Id: aws.String(strconv.Itoa(i)), MessageBody: aws.String(j.Body), MessageGroupId: aws.String(j.Key), MessageDeduplicationId: nil})
	}
	_, err := c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: entries})
	return err
}

// Reassigned changes the id in every iteration.
func Reassigned(ctx context.Context, c *sqs.Client, url string, jobs []Job) error {
	var entries []types.SendMessageBatchRequestEntry
	var id string
	for i, j := range jobs {
		id = j.Kind + "/" + j.Key
		entries = append(entries, types.SendMessageBatchRequestEntry{Id: aws.String(strconv.Itoa(i)), MessageBody: aws.String(j.Body), MessageGroupId: aws.String(j.Key), MessageDeduplicationId: aws.String(id)})
	}
	_, err := c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: entries})
	return err
}

// Built by a helper of another package, with the request's id for all.
func ViaBuilder(ctx context.Context, c *sqs.Client, url, requestID string, jobs []Job) error {
	var batch []types.SendMessageBatchRequestEntry
	for i, j := range jobs {
		batch = append(batch, entries.Entry(i, j.Key, j.Body, requestID)) // want `MessageDeduplicationId requestID is the same for every entry`
	}
	_, err := c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(url), Entries: batch})
	return err
}

// Built by a helper of this package, with the item's own id.
func ViaLocalBuilder(ctx context.Context, c *sqs.Client, url, requestID string, jobs []Job) error {
	var batch []*types.SendMessageBatchRequestEntry
	for i, j := range jobs {
		e := entry(i, j, requestID+"/"+j.Key)
		batch = append(batch, e)
	}
	return flush(ctx, c, url, batch)
}

// Built by a helper of this package, with one option for all.
func ViaLocalBuilderOption(ctx context.Context, c *sqs.Client, url string, jobs []Job, opts BatchOptions) error {
	var batch []*types.SendMessageBatchRequestEntry
	for i, j := range jobs {
		e := entry(i, j, opts.DedupID) // want `MessageDeduplicationId opts.DedupID is the same for every entry`
		batch = append(batch, e)
	}
	return flush(ctx, c, url, batch)
}

func entry(i int, j Job, dedup string) *types.SendMessageBatchRequestEntry {
	return &types.SendMessageBatchRequestEntry{Id: aws.String(strconv.Itoa(i)), MessageBody: aws.String(j.Body), MessageGroupId: aws.String(j.Key), MessageDeduplicationId: aws.String(dedup)}
}

func flush(ctx context.Context, c *sqs.Client, url string, batch []*types.SendMessageBatchRequestEntry) error {
	in := &sqs.SendMessageBatchInput{QueueUrl: aws.String(url)}
	for _, e := range batch {
		in.Entries = append(in.Entries, *e)
	}
	_, err := c.SendMessageBatch(ctx, in)
	return err
}

// Built by a helper that takes the options whole.
func ViaOptionsBuilder(ctx context.Context, c *sqs.Client, url string, jobs []Job, opts BatchOptions) error {
	var batch []*types.SendMessageBatchRequestEntry
	for i, j := range jobs {
		batch = append(batch, entryWith(i, j, opts)) // want `MessageDeduplicationId opts \(its field DedupID\) is the same for every entry`
	}
	return flush(ctx, c, url, batch)
}

func entryWith(i int, j Job, opts BatchOptions) *types.SendMessageBatchRequestEntry {
	return &types.SendMessageBatchRequestEntry{Id: aws.String(strconv.Itoa(i)), MessageBody: aws.String(j.Body), MessageGroupId: aws.String(j.Key), MessageDeduplicationId: aws.String(opts.DedupID)}
}
