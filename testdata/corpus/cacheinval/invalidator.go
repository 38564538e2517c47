// Package cacheinval broadcasts cache invalidations on an SNS FIFO topic.
// Every cache node subscribes with its own SQS FIFO queue.
package cacheinval

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/rs/xid"
	"github.com/segmentio/ksuid"
)

// SNSAPI is implemented by *sns.Client.
type SNSAPI interface {
	Publish(ctx context.Context, params *sns.PublishInput, optFns ...func(*sns.Options)) (*sns.PublishOutput, error)
}

// nodeGroup is the group invalidations from this node are published in.
var nodeGroup = sync.OnceValue(func() string {
	host, err := os.Hostname()
	if err != nil {
		return "node-unknown"
	}
	return "node-" + host
})

// startedAt is when this process started.
var startedAt = time.Now()

// Invalidator publishes invalidations.
type Invalidator struct {
	client     SNSAPI
	topicARN   string
	drTopicARN string
	failures   atomic.Int64
}

// New returns an Invalidator. drTopicARN is the topic in the recovery region.
func New(client SNSAPI, topicARN, drTopicARN string) *Invalidator {
	return &Invalidator{client: client, topicARN: topicARN, drTopicARN: drTopicARN}
}

// Failures returns the number of failed publishes since start.
func (i *Invalidator) Failures() int64 { return i.failures.Load() }

// Invalidate tells every node to drop key.
func (i *Invalidator) Invalidate(ctx context.Context, key string) error {
	_, err := i.client.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(i.topicARN),
		Message:                aws.String(key),
		MessageGroupId:         aws.String(nodeGroup()), // BUG(groupid): computed once per process by sync.OnceValue
		MessageDeduplicationId: aws.String(key + "@" + strconv.FormatInt(time.Now().UnixMilli(), 10)),
	})
	return err
}

// InvalidateKey is the per-key ordered variant used by the catalogue.
func (i *Invalidator) InvalidateKey(ctx context.Context, key string, version int64) error {
	return i.publishWithRetry(ctx, &sns.PublishInput{
		TopicArn:               aws.String(i.topicARN),
		Message:                aws.String(key),
		MessageGroupId:         aws.String("key:" + key),
		MessageDeduplicationId: aws.String(key + "#" + strconv.FormatInt(version, 10)),
	})
}

// FlushAll drops every cache entry on every node.
func (i *Invalidator) FlushAll(ctx context.Context) error {
	in := &sns.PublishInput{
		TopicArn: aws.String(i.topicARN),
		Message:  aws.String("*"),
	}
	// A fixed id on a fixed message ("*") deduplicates one logical message,
	// as content-based deduplication would: dedupid leaves it alone, and
	// groupid too, since every copy collapses into one delivery and the
	// one group serializes nothing.
	in.MessageGroupId = aws.String(os.Getenv("CACHE_FLUSH_GROUP"))
	in.MessageDeduplicationId = aws.String("flush-all")
	return i.publishWithRetry(ctx, in)
}

// Ping publishes a liveness probe through the whole fan-out.
func (i *Invalidator) Ping(ctx context.Context) error {
	_, err := i.client.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(i.topicARN),
		Message:                aws.String("ping"),
		MessageGroupId:         aws.String(xid.New().String()),
		MessageDeduplicationId: aws.String("ping-" + strconv.FormatInt(int64(time.Since(startedAt)), 10)), // BUG(dedupid): uptime is just the clock
	})
	return err
}

// publishWithRetry publishes in with exponential backoff.
func (i *Invalidator) publishWithRetry(ctx context.Context, in *sns.PublishInput) error {
	backoff := 100 * time.Millisecond
	var err error
	for attempt := 1; attempt <= 5; attempt++ {
		if _, err = i.client.Publish(ctx, in); err == nil {
			return nil
		}
		i.failures.Add(1)
		select {
		case <-ctx.Done():
			return errors.Join(err, ctx.Err())
		case <-time.After(backoff):
		}
		backoff *= 2
	}
	return fmt.Errorf("invalidate after 5 attempts: %w", err)
}

// InvalidateEverywhere invalidates key in the primary and recovery regions.
func (i *Invalidator) InvalidateEverywhere(ctx context.Context, key string) error {
	in := &sns.PublishInput{
		TopicArn:               aws.String(i.topicARN),
		Message:                aws.String(key),
		MessageGroupId:         aws.String("key:" + key),
		MessageDeduplicationId: aws.String(ksuid.New().String()),
	}
	_, err := i.client.Publish(ctx, in) // BUG(errswallow): err is overwritten by the DR publish before it is checked
	in.TopicArn = aws.String(i.drTopicARN)
	_, err = i.client.Publish(ctx, in)
	return err
}

// InvalidatePrefix drops every key under prefix.
func (i *Invalidator) InvalidatePrefix(ctx context.Context, prefix string) error {
	_, err := i.client.Publish(ctx, &sns.PublishInput{ // BUG(errswallow): failure only counted, caller is told it worked
		TopicArn:               aws.String(i.topicARN),
		Message:                aws.String(prefix + "*"),
		MessageGroupId:         aws.String("prefix:" + prefix),
		MessageDeduplicationId: aws.String(xid.New().String()),
	})
	if err != nil {
		i.failures.Add(1)
	}
	return nil
}

// Around runs fn and invalidates key afterwards, whatever fn returned.
func (i *Invalidator) Around(ctx context.Context, key string, fn func() error) error {
	defer i.client.Publish(ctx, &sns.PublishInput{ // BUG(errswallow): deferred publish, error never seen
		TopicArn:               aws.String(i.topicARN),
		Message:                aws.String(key),
		MessageGroupId:         aws.String("key:" + key),
		MessageDeduplicationId: aws.String(ksuid.New().String()),
	})
	return fn()
}

// Prime warms keys on every node.
func (i *Invalidator) Prime(ctx context.Context, keys []string) error {
	publish := i.client.Publish
	for _, k := range keys {
		if _, err := publish(ctx, &sns.PublishInput{
			TopicArn:               aws.String(i.topicARN),
			Message:                aws.String("prime " + k),
			MessageGroupId:         aws.String("key:" + k),
			MessageDeduplicationId: aws.String("prime-" + strings.ReplaceAll(k, " ", "_") + "-" + xid.New().String()),
		}); err != nil {
			return fmt.Errorf("prime %q: %w", k, err)
		}
	}
	return nil
}
