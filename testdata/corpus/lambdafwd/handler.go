// Package lambdafwd is a Lambda handler that forwards records from an SQS
// event source to another FIFO queue (the cross-account bridge), keeping the
// message group of each record.
package lambdafwd

import (
	"context"
	"log"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

// Record holds the fields of an SQS event record the forwarder needs
// (same shape as events.SQSMessage).
type Record struct {
	MessageId      string            `json:"messageId"`
	ReceiptHandle  string            `json:"receiptHandle"`
	Body           string            `json:"body"`
	Attributes     map[string]string `json:"attributes"`
	EventSourceARN string            `json:"eventSourceARN"`
}

// Event is the SQS event delivered to the function.
type Event struct {
	Records []Record `json:"Records"`
}

// BatchItemFailure names a record to be retried by Lambda.
type BatchItemFailure struct {
	ItemIdentifier string `json:"itemIdentifier"`
}

// Response is the partial batch response.
type Response struct {
	BatchItemFailures []BatchItemFailure `json:"batchItemFailures"`
}

// Sender is implemented by *sqs.Client.
type Sender interface {
	SendMessage(ctx context.Context, params *sqs.SendMessageInput, optFns ...func(*sqs.Options)) (*sqs.SendMessageOutput, error)
	SendMessageBatch(ctx context.Context, params *sqs.SendMessageBatchInput, optFns ...func(*sqs.Options)) (*sqs.SendMessageBatchOutput, error)
}

// instanceGroup is the group of records quarantined by this function.
var instanceGroup = "fwd-" + strings.ToLower(os.Getenv("AWS_LAMBDA_FUNCTION_NAME"))

// Forwarder is the handler.
type Forwarder struct {
	client        Sender
	targetURL     string
	quarantineURL string
}

// NewForwarder returns a Forwarder.
func NewForwarder(client Sender, targetURL, quarantineURL string) *Forwarder {
	return &Forwarder{client: client, targetURL: targetURL, quarantineURL: quarantineURL}
}

func groupOf(rec Record) string {
	if g := rec.Attributes["MessageGroupId"]; g != "" {
		return g
	}
	return rec.MessageId
}

// Handle forwards ev.Records in batches of ten and reports the records that
// could not be forwarded so that Lambda retries only those.
func (f *Forwarder) Handle(ctx context.Context, ev Event) (Response, error) {
	var resp Response
	for chunk := range slices.Chunk(ev.Records, 10) {
		entries := make([]types.SendMessageBatchRequestEntry, 0, len(chunk))
		for _, rec := range chunk {
			if strings.TrimSpace(rec.Body) == "" {
				f.quarantine(ctx, rec)
				continue
			}
			entries = append(entries, types.SendMessageBatchRequestEntry{
				Id:                     aws.String(rec.MessageId),
				MessageBody:            aws.String(rec.Body),
				MessageGroupId:         aws.String(groupOf(rec)),
				MessageDeduplicationId: aws.String(rec.MessageId),
			})
		}
		if len(entries) == 0 {
			continue
		}
		out, err := f.client.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{
			QueueUrl: aws.String(f.targetURL),
			Entries:  entries,
		})
		if err != nil {
			log.Printf("forward batch of %d: %v", len(entries), err)
			for _, e := range entries {
				resp.BatchItemFailures = append(resp.BatchItemFailures, BatchItemFailure{ItemIdentifier: aws.ToString(e.Id)})
			}
			continue
		}
		for _, fe := range out.Failed {
			resp.BatchItemFailures = append(resp.BatchItemFailures, BatchItemFailure{ItemIdentifier: aws.ToString(fe.Id)})
		}
	}
	return resp, nil
}

// quarantine parks a record that cannot be forwarded.
func (f *Forwarder) quarantine(ctx context.Context, rec Record) {
	_, _ = f.client.SendMessage(ctx, &sqs.SendMessageInput{ // BUG(errswallow): result and error both discarded
		QueueUrl:               aws.String(f.quarantineURL),
		MessageBody:            aws.String(`{"reason":"empty body","source":"` + rec.EventSourceARN + `"}`),
		MessageGroupId:         aws.String(instanceGroup), // BUG(groupid): package variable computed once at start-up
		MessageDeduplicationId: aws.String(rec.MessageId),
	})
}

// Redrive re-sends a single record, e.g. from the DLQ console action.
func (f *Forwarder) Redrive(ctx context.Context, rec Record) error {
	_, err := f.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:       aws.String(f.targetURL),
		MessageBody:    aws.String(rec.Body),
		MessageGroupId: aws.String(groupOf(rec)),
		// A new id so that the redriven copy is not taken for the original.
		MessageDeduplicationId: aws.String(strconv.FormatInt(time.Now().UnixNano(), 10)), // BUG(dedupid): only the clock
	})
	return err
}

// RedriveAll re-sends records one at a time and returns the failed ones.
func (f *Forwarder) RedriveAll(ctx context.Context, recs []Record) []BatchItemFailure {
	var failed []BatchItemFailure
	for _, rec := range recs {
		_, err := f.client.SendMessage(ctx, &sqs.SendMessageInput{
			QueueUrl:               aws.String(f.targetURL),
			MessageBody:            aws.String(rec.Body),
			MessageGroupId:         aws.String(groupOf(rec)),
			MessageDeduplicationId: aws.String("redrive-" + rec.MessageId + "-" + strconv.FormatInt(time.Now().Unix(), 10)),
		})
		if err != nil {
			log.Printf("redrive %s: %v", rec.MessageId, err)
			failed = append(failed, BatchItemFailure{ItemIdentifier: rec.MessageId})
		}
	}
	return failed
}
