package legacy

import (
	"fmt"
	"log"
	"strconv"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/sqs"
)

// EnqueueAll sends jobs in batches of ten and returns the ids of the jobs
// that SQS rejected.
func (w *Worker) EnqueueAll(ctx aws.Context, jobs []Job) ([]string, error) {
	var rejected []string
	for start := 0; start < len(jobs); start += 10 {
		end := min(start+10, len(jobs))
		entries := make([]*sqs.SendMessageBatchRequestEntry, 0, end-start)
		for i, job := range jobs[start:end] {
			e := &sqs.SendMessageBatchRequestEntry{}
			e.SetId(strconv.Itoa(i))
			e.SetMessageBody(string(job.Payload))
			e.SetMessageGroupId(job.Owner)
			e.SetMessageDeduplicationId(job.ID)
			entries = append(entries, e)
		}
		out, err := w.sqs.SendMessageBatchWithContext(ctx, &sqs.SendMessageBatchInput{
			QueueUrl: aws.String(w.queueURL),
			Entries:  entries,
		})
		if err != nil {
			return rejected, fmt.Errorf("enqueue batch at %d: %w", start, err)
		}
		logFailures(out.Failed)
		for _, f := range out.Failed {
			i, _ := strconv.Atoi(aws.StringValue(f.Id))
			rejected = append(rejected, jobs[start+i].ID)
		}
	}
	return rejected, nil
}

func logFailures(failed []*sqs.BatchResultErrorEntry) {
	for _, f := range failed {
		log.Printf("job entry %s rejected: %s (sender fault: %t)", aws.StringValue(f.Id), aws.StringValue(f.Code), aws.BoolValue(f.SenderFault))
	}
}

// EnqueueRetries re-sends a batch of jobs in the default group.
func (w *Worker) EnqueueRetries(jobs []Job) error {
	entries := make([]*sqs.SendMessageBatchRequestEntry, 0, len(jobs))
	for i, job := range jobs {
		entries = append(entries, &sqs.SendMessageBatchRequestEntry{
			Id:                     aws.String(strconv.Itoa(i)),
			MessageBody:            aws.String(string(job.Payload)),
			MessageGroupId:         aws.String(w.group), // BUG(groupid): constructor-set group
			MessageDeduplicationId: aws.String(fmt.Sprintf("%s-retry-%d", job.ID, job.Attempt)),
		})
	}
	_, err := w.sqs.SendMessageBatch(&sqs.SendMessageBatchInput{ // BUG(errswallow): output discarded, rejected entries are lost
		QueueUrl: aws.String(w.queueURL),
		Entries:  entries,
	})
	return err
}
