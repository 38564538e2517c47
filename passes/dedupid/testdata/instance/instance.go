// Package instance numbers messages within a process named by an id drawn
// at start-up. The id tells processes apart, including one process and its
// restart; the sequence tells this process's messages apart. Together no
// two sends share an id. A name that a restart keeps (the host) or a
// number that starts over for each call (a loop index) does not do it.
package instance

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go/service/sns"
	"github.com/google/uuid"
)

type Emitter struct {
	client *sqs.Client
	url    string
	boot   string
	host   string
	sent   atomic.Uint64
}

func NewEmitter(c *sqs.Client, url string) *Emitter {
	h, _ := os.Hostname()
	return &Emitter{client: c, url: url, boot: uuid.NewString(), host: h}
}

func (e *Emitter) send(ctx context.Context, body, group, dedup string) error {
	_, err := e.client.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(e.url), MessageBody: aws.String(body), MessageGroupId: aws.String(group), MessageDeduplicationId: aws.String(dedup)})
	return err
}

// Numbered: boot id + sequence.
func (e *Emitter) Numbered(ctx context.Context, account, body string) error {
	seq := e.sent.Add(1)
	return e.send(ctx, body, account, e.boot+"-"+strconv.FormatUint(seq, 10))
}

var (
	process = uuid.NewString()
	serial  int64
)

// Serial (aws-sdk-go v1): package instance id + package counter, through fmt.
func Serial(c *sns.SNS, arn, account, body string) error {
	serial++
	_, err := c.Publish(&sns.PublishInput{TopicArn: aws.String(arn), Message: aws.String(body), MessageGroupId: aws.String(account), MessageDeduplicationId: aws.String(fmt.Sprintf("%s/%d", process, serial))})
	return err
}

// HostNumbered: the host comes back after a restart, with the counter at 0.
func (e *Emitter) HostNumbered(ctx context.Context, account, body string) error {
	seq := e.sent.Add(1)
	return e.send(ctx, body, account, e.host+"-"+strconv.FormatUint(seq, 10)) // want `MessageDeduplicationId is a per-process atomic counter, which restarts at 0`
}

// Each: the index starts over with every call.
func (e *Emitter) Each(ctx context.Context, account string, bodies []string) error {
	for i, b := range bodies {
		if err := e.send(ctx, b, account, e.boot+"-"+strconv.Itoa(i)); err != nil { // want `MessageDeduplicationId is loop index i`
			return err
		}
	}
	return nil
}

// Boot alone is one id for the whole process.
func (e *Emitter) Boot(ctx context.Context, account, body string) error {
	return e.send(ctx, body, account, e.boot) // want `MessageDeduplicationId is field boot, set once in NewEmitter`
}

// Stamped: two sends in the same tick share the id.
func (e *Emitter) Stamped(ctx context.Context, account, body string) error {
	return e.send(ctx, body, account, e.boot+"-"+strconv.FormatInt(time.Now().UnixNano(), 10)) // want `MessageDeduplicationId is built from strconv.FormatInt\(time.Now\(\).UnixNano\(\), 10\)`
}
