// Package prng checks deduplication ids drawn from math/rand generators. A
// generator seeded with the clock in the call that draws from it is a
// function of the clock: two sends in one tick get the same id. A
// generator seeded once and drawn from many times is not.
package prng

import (
	"context"
	"encoding/hex"
	"hash/fnv"
	"math/rand"
	randv2 "math/rand/v2"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

type Job struct{ Tenant, ID, Payload string }

// randomToken looks random, but its generator starts from the nanosecond.
func randomToken() string {
	gen := rand.New(rand.NewSource(time.Now().UnixNano()))
	return strconv.FormatInt(gen.Int63(), 36)
}

func Enqueue(ctx context.Context, c *sqs.Client, url string, j Job) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(url),
		MessageBody:            aws.String(j.Payload),
		MessageGroupId:         aws.String(j.Tenant),
		MessageDeduplicationId: aws.String(randomToken()), // want `MessageDeduplicationId is built from randomToken\(\) \(from gen.Int63\(\), drawn from a generator seeded with time.Now\(\).UnixNano\(\) on every call\)`
	})
	return err
}

func EnqueueInline(ctx context.Context, c *sqs.Client, url string, j Job) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(url),
		MessageBody:            aws.String(j.Payload),
		MessageGroupId:         aws.String(j.Tenant),
		MessageDeduplicationId: aws.String(strconv.FormatUint(rand.New(rand.NewSource(time.Now().UnixNano())).Uint64(), 16)), // want `MessageDeduplicationId is built from rand.New\(rand.NewSource\(time.Now\(\).UnixNano\(\)\)\).Uint64\(\), drawn from a generator seeded with time.Now\(\).UnixNano\(\) on every call`
	})
	return err
}

// math/rand/v2, with a PCG source seeded from the clock.
func Announce(ctx context.Context, c *sns.Client, arn string, j Job) error {
	src := randv2.NewPCG(uint64(time.Now().UnixNano()), 0x9e3779b97f4a7c15)
	r := randv2.New(src)
	_, err := c.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(arn),
		Message:                aws.String(j.Payload),
		MessageGroupId:         aws.String(j.Tenant),
		MessageDeduplicationId: aws.String(strconv.FormatUint(r.Uint64(), 16)), // want `MessageDeduplicationId is built from r.Uint64\(\), drawn from a generator seeded with time.Now\(\).UnixNano\(\) on every call`
	})
	if err != nil {
		return err
	}
	// Drawn from the source itself.
	_, err = c.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(arn),
		Message:                aws.String(j.Payload),
		MessageGroupId:         aws.String(j.Tenant),
		MessageDeduplicationId: aws.String(strconv.FormatUint(randv2.NewPCG(uint64(time.Now().UnixMicro()), 1).Uint64(), 16)), // want `drawn from a generator seeded with time.Now\(\).UnixMicro\(\) on every call`
	})
	return err
}

// tokenFrom seeds with whatever its caller passes.
func tokenFrom(seed int64) string {
	return strconv.FormatInt(rand.New(rand.NewSource(seed)).Int63(), 10)
}

func EnqueueSeeded(ctx context.Context, c *sqs.Client, url string, j Job) error {
	if _, err := c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(url),
		MessageBody:            aws.String(j.Payload),
		MessageGroupId:         aws.String(j.Tenant),
		MessageDeduplicationId: aws.String(tokenFrom(time.Now().UnixMilli())), // want `MessageDeduplicationId is built from time.Now\(\).UnixMilli\(\)`
	}); err != nil {
		return err
	}
	// Seeded with the job's own hash: the same job gets the same id, as
	// deduplication wants. Quiet.
	h := fnv.New64a()
	h.Write([]byte(j.ID))
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(url),
		MessageBody:            aws.String(j.Payload),
		MessageGroupId:         aws.String(j.Tenant),
		MessageDeduplicationId: aws.String(tokenFrom(int64(len(j.ID))) + hex.EncodeToString(h.Sum(nil))),
	})
	return err
}

// --- Quiet: generators that are not reseeded per draw ----------------------

// Worker seeds its generator once, when it is built.
type Worker struct {
	client *sqs.Client
	url    string
	rng    *rand.Rand
}

func NewWorker(c *sqs.Client, url string) *Worker {
	return &Worker{client: c, url: url, rng: rand.New(rand.NewSource(time.Now().UnixNano()))}
}

func (w *Worker) Enqueue(ctx context.Context, j Job) error {
	_, err := w.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(w.url),
		MessageBody:            aws.String(j.Payload),
		MessageGroupId:         aws.String(j.Tenant),
		MessageDeduplicationId: aws.String(strconv.FormatInt(w.rng.Int63(), 36)),
	})
	return err
}

var shared = rand.New(rand.NewSource(time.Now().UnixNano()))

// Drain seeds one generator before its loop and draws once per message.
func Drain(ctx context.Context, c *sqs.Client, url string, jobs []Job) error {
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	for _, j := range jobs {
		_, err := c.SendMessage(ctx, &sqs.SendMessageInput{
			QueueUrl:               aws.String(url),
			MessageBody:            aws.String(j.Payload),
			MessageGroupId:         aws.String(j.Tenant),
			MessageDeduplicationId: aws.String(strconv.FormatInt(r.Int63(), 36) + strconv.FormatInt(shared.Int63(), 36)),
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// This module says go 1.25: rand.Seed does nothing, and the global source
// stays randomly seeded.
func EnqueueGlobal(ctx context.Context, c *sqs.Client, url string, j Job) error {
	rand.Seed(time.Now().UnixNano())
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(url),
		MessageBody:            aws.String(j.Payload),
		MessageGroupId:         aws.String(j.Tenant),
		MessageDeduplicationId: aws.String(strconv.FormatInt(rand.Int63(), 36) + strconv.FormatUint(randv2.Uint64(), 36)),
	})
	return err
}
