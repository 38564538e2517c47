// Package audit ships audit trail entries to the audit FIFO queue. The
// compliance archiver requires one totally ordered stream, so every entry is
// sent in the same message group on purpose (throughput is low).
package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/segmentio/ksuid"

	"example.com/corpus/internal/ids"
)

const streamGroup = "audit"

// Entry is one audit record.
type Entry struct {
	ID       string            `json:"id"`
	Actor    string            `json:"actor"`
	Action   string            `json:"action"`
	Resource string            `json:"resource"`
	At       time.Time         `json:"at"`
	Meta     map[string]string `json:"meta,omitempty"`
}

// Sender is implemented by *sqs.Client.
type Sender interface {
	SendMessage(ctx context.Context, params *sqs.SendMessageInput, optFns ...func(*sqs.Options)) (*sqs.SendMessageOutput, error)
}

// Logger records audit entries.
type Logger struct {
	client   Sender
	queueURL string

	mu      sync.Mutex
	lastErr error
}

// NewLogger returns a Logger.
func NewLogger(client Sender, queueURL string) *Logger {
	return &Logger{client: client, queueURL: queueURL}
}

// Record sends e and waits for SQS to accept it.
func (l *Logger) Record(ctx context.Context, e Entry) error {
	if e.ID == "" {
		e.ID = ksuid.New().String()
	}
	body, err := json.Marshal(e)
	if err != nil {
		return err
	}
	_, err = l.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(l.queueURL),
		MessageBody:            aws.String(string(body)),
		MessageGroupId:         aws.String(streamGroup), //fifolint:ignore groupid single ordered audit stream by design
		MessageDeduplicationId: aws.String(ids.ContentHash(body)),
	})
	if err != nil {
		return fmt.Errorf("audit: record %s %s: %w", e.Action, e.Resource, err)
	}
	return nil
}

// RecordAsync sends e in the background. The last failure is kept and
// reported by Err so that the caller can fail its health check.
func (l *Logger) RecordAsync(ctx context.Context, e Entry) {
	go func() {
		if err := l.Record(context.WithoutCancel(ctx), e); err != nil {
			l.mu.Lock()
			l.lastErr = err
			l.mu.Unlock()
		}
	}()
}

// Err returns the last asynchronous failure, if any.
func (l *Logger) Err() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lastErr
}

// RecordLogin is a convenience for the auth service; the login event is
// keyed by session so that a retried login callback is recorded once.
func (l *Logger) RecordLogin(ctx context.Context, userID, sessionID string) error {
	body, err := json.Marshal(Entry{ID: sessionID, Actor: userID, Action: "login", At: time.Now()})
	if err != nil {
		return err
	}
	in := &sqs.SendMessageInput{
		QueueUrl:    aws.String(l.queueURL),
		MessageBody: aws.String(string(body)),
	}
	in.MessageGroupId = aws.String(streamGroup) //fifolint:ignore groupid single ordered audit stream by design
	in.MessageDeduplicationId = aws.String("login-" + sessionID)
	_, err = l.client.SendMessage(ctx, in)
	return err
}
