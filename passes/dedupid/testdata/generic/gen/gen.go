// Package gen exports generic id helpers and a generic publisher, used
// from package generic.
package gen

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

// Tag prefixes the current nanosecond with a kind: the clock.
func Tag[K ~string](kind K) string {
	return string(kind) + "-" + strconv.FormatInt(time.Now().UnixNano(), 36)
}

// Digest is the content of v.
func Digest[T any](v T) string { return fmt.Sprintf("%x", fmt.Sprint(v)) }

// Stamper prefixes the time of the call.
type Stamper[T any] struct{ Prefix string }

func (s Stamper[T]) Stamp(v T) string { return s.Prefix + time.Now().Format(time.RFC3339Nano) }

// Bus sends values of one type; its callers choose the ids.
type Bus[T any] struct {
	client *sqs.Client
	url    string
}

func NewBus[T any](c *sqs.Client, url string) *Bus[T] { return &Bus[T]{client: c, url: url} }

func (b *Bus[T]) Publish(ctx context.Context, group, dedup string, v T) error {
	_, err := b.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(b.url),
		MessageBody:            aws.String(fmt.Sprint(v)),
		MessageGroupId:         aws.String(group),
		MessageDeduplicationId: aws.String(dedup),
	})
	return err
}
