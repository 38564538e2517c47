// Package redeliver forwards received messages and deletes them only
// once forwarded: a failed forward leaves the message on the queue.
package redeliver

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	sqsv1 "github.com/aws/aws-sdk-go/service/sqs"
)

type Bridge struct {
	queue  *sqs.Client
	topic  *sns.Client
	legacy *sqsv1.SQS
	source string
	target string
	arn    string
}

// Acker deletes received messages; tests fake it.
type Acker interface {
	Ack(ctx context.Context, in *sqs.DeleteMessageInput, opts ...func(*sqs.Options)) (*sqs.DeleteMessageOutput, error)
}

// Quiet: the message is deleted only after it was forwarded.

func (b *Bridge) Drain(ctx context.Context, msgs []types.Message) error {
	for _, m := range msgs {
		if _, err := b.queue.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &b.target, MessageBody: m.Body}); err != nil {
			continue // visible again after the visibility timeout
		}
		if _, err := b.queue.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: &b.source, ReceiptHandle: m.ReceiptHandle}); err != nil {
			return err
		}
	}
	return nil
}

func (b *Bridge) HandleOne(ctx context.Context, m types.Message, acker Acker) {
	_, err := b.topic.Publish(ctx, &sns.PublishInput{TopicArn: &b.arn, Message: m.Body})
	if err != nil {
		return
	}
	acker.Ack(ctx, &sqs.DeleteMessageInput{QueueUrl: &b.source, ReceiptHandle: m.ReceiptHandle})
}

func (b *Bridge) DrainBatch(ctx context.Context, msgs []types.Message) {
	var done []types.DeleteMessageBatchRequestEntry
	for _, m := range msgs {
		if _, err := b.queue.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &b.target, MessageBody: m.Body}); err == nil {
			done = append(done, types.DeleteMessageBatchRequestEntry{Id: m.MessageId, ReceiptHandle: m.ReceiptHandle})
			b.queue.DeleteMessageBatch(ctx, &sqs.DeleteMessageBatchInput{QueueUrl: &b.source, Entries: done})
		} else {
			break
		}
	}
}

func (b *Bridge) DrainV1(msgs []*sqsv1.Message) {
	for _, m := range msgs {
		if _, err := b.legacy.SendMessage(&sqsv1.SendMessageInput{QueueUrl: &b.target, MessageBody: m.Body}); err != nil {
			continue
		}
		b.legacy.DeleteMessage(&sqsv1.DeleteMessageInput{QueueUrl: &b.source, ReceiptHandle: m.ReceiptHandle})
	}
}

// Reported: the message is deleted whether or not it was forwarded, or
// nothing is deleted at all.

func (b *Bridge) DeleteFirst(ctx context.Context, msgs []types.Message) {
	for _, m := range msgs {
		b.queue.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: &b.source, ReceiptHandle: m.ReceiptHandle})
		if _, err := b.queue.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &b.target, MessageBody: m.Body}); err != nil { // want `the error from SendMessage is dropped: on failure this code skips to the next message`
			continue
		}
	}
}

func (b *Bridge) NoDelete(ctx context.Context, bodies []*string) int {
	sent := 0
	for _, body := range bodies {
		if _, err := b.queue.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &b.target, MessageBody: body}); err != nil { // want `the error from SendMessage is dropped: on failure this code skips to the next message`
			continue
		}
		sent++
	}
	return sent
}
