// Package legacy is the job producer of the old scheduler, still on
// aws-sdk-go v1. It enqueues jobs on the jobs FIFO queue.
package legacy

import (
	"fmt"
	"log"
	"os"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/request"
	"github.com/aws/aws-sdk-go/service/sqs"
	"github.com/aws/aws-sdk-go/service/sqs/sqsiface"
	"github.com/google/uuid"
)

// Job is a unit of work for the job runners.
type Job struct {
	ID      string
	Type    string
	Owner   string // account that owns the job; jobs of one owner run in order
	Payload []byte
	Attempt int
}

// Worker enqueues jobs.
type Worker struct {
	sqs      sqsiface.SQSAPI
	queueURL string
	group    string
	hostname string
}

// NewWorker returns a Worker. Each worker instance gets its own stream.
func NewWorker(api sqsiface.SQSAPI, queueURL string) *Worker {
	host, err := os.Hostname()
	if err != nil {
		host = "unknown"
	}
	return &Worker{
		sqs:      api,
		queueURL: queueURL,
		group:    "jobs-" + uuid.NewString(),
		hostname: host,
	}
}

// Enqueue sends job.
func (w *Worker) Enqueue(ctx aws.Context, job Job) error {
	in := &sqs.SendMessageInput{}
	in.SetQueueUrl(w.queueURL)
	in.SetMessageBody(string(job.Payload))
	in.SetMessageGroupId(w.group) // BUG(groupid): uuid taken once in NewWorker, all jobs of this process share one group
	in.SetMessageDeduplicationId(job.ID)
	in.SetMessageAttributes(map[string]*sqs.MessageAttributeValue{
		"type": {DataType: aws.String("String"), StringValue: aws.String(job.Type)},
	})
	_, err := w.sqs.SendMessageWithContext(ctx, in)
	return err
}

// EnqueueForOwner sends job in its owner's group.
func (w *Worker) EnqueueForOwner(ctx aws.Context, job Job) error {
	in := (&sqs.SendMessageInput{}).
		SetQueueUrl(w.queueURL).
		SetMessageBody(string(job.Payload)).
		SetMessageGroupId(job.Owner).
		SetMessageDeduplicationId(job.ID + "-" + strconv.Itoa(job.Attempt))
	if _, err := w.sqs.SendMessageWithContext(ctx, in); err != nil {
		return fmt.Errorf("enqueue %s: %w", job.ID, err)
	}
	return nil
}

// Requeue puts a failed job back for another attempt.
func (w *Worker) Requeue(job Job) error {
	job.Attempt++
	req, _ := w.sqs.SendMessageRequest(&sqs.SendMessageInput{
		QueueUrl:               aws.String(w.queueURL),
		MessageBody:            aws.String(string(job.Payload)),
		MessageGroupId:         aws.String(job.Owner),
		MessageDeduplicationId: aws.String(fmt.Sprintf("%s-retry-%d", job.ID, job.Attempt)),
	})
	req.Send() // BUG(errswallow): error of req.Send is dropped and Requeue reports success
	return nil
}

// Schedule enqueues a job with a per-request timeout.
func (w *Worker) Schedule(ctx aws.Context, job Job) (string, error) {
	req, out := w.sqs.SendMessageRequest(&sqs.SendMessageInput{
		QueueUrl:               aws.String(w.queueURL),
		MessageBody:            aws.String(string(job.Payload)),
		MessageGroupId:         aws.String(job.Owner),
		MessageDeduplicationId: aws.String(job.ID),
	})
	req.SetContext(ctx)
	req.ApplyOptions(func(r *request.Request) { r.RetryCount = 0 })
	if err := req.Send(); err != nil {
		return "", fmt.Errorf("schedule %s: %w", job.ID, err)
	}
	return aws.StringValue(out.MessageId), nil
}

// Heartbeat tells the scheduler this host is alive. Called every 30s.
func (w *Worker) Heartbeat() {
	_, err := w.sqs.SendMessage(&sqs.SendMessageInput{
		QueueUrl:               aws.String(w.queueURL),
		MessageBody:            aws.String(`{"type":"heartbeat","host":"` + w.hostname + `"}`),
		MessageGroupId:         aws.String("heartbeat"),                     // BUG(groupid): literal group
		MessageDeduplicationId: aws.String(time.Now().Format(time.RFC3339)), // BUG(dedupid): formatted clock
	})
	if err != nil {
		log.Printf("heartbeat: %v", err)
	}
}

// MustEnqueue is used while seeding the queue at start-up.
func (w *Worker) MustEnqueue(job Job) {
	if _, err := w.sqs.SendMessage(&sqs.SendMessageInput{
		QueueUrl:               aws.String(w.queueURL),
		MessageBody:            aws.String(string(job.Payload)),
		MessageGroupId:         aws.String(job.Owner),
		MessageDeduplicationId: aws.String(job.ID),
	}); err != nil {
		panic(fmt.Errorf("seed job %s: %w", job.ID, err))
	}
}
