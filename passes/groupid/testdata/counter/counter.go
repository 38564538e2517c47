// Package counter spreads messages over a few groups with a counter, in
// every spelling of the step. Round-robin groups are deliberate: quiet.
// (Before counters were recognized in every spelling, the package variable
// stepped with += or = n + 1 read as fixed for the process.)
package counter

import (
	"context"
	"strconv"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqsv1 "github.com/aws/aws-sdk-go/service/sqs"
)

var (
	shard int
	turn  int
	lane  uint32
)

func RoundRobin(ctx context.Context, c *sqs.Client, body string) error {
	shard += 1
	turn = turn + 1
	atomic.AddUint32(&lane, 1)
	for _, g := range []string{strconv.Itoa(shard % 8), strconv.Itoa(turn % 4), strconv.Itoa(int(atomic.LoadUint32(&lane) % 2))} {
		if _, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(g), MessageBody: aws.String(body)}); err != nil {
			return err
		}
	}
	return nil
}

func RoundRobinV1(svc *sqsv1.SQS, body string) error {
	shard = shard + 1
	in := &sqsv1.SendMessageInput{MessageBody: &body}
	in.SetMessageGroupId("shard-" + strconv.Itoa(shard%8))
	_, err := svc.SendMessage(in)
	return err
}

var stats struct{ sent int }

func ByStats(ctx context.Context, c *sqs.Client, body string) error {
	stats.sent++
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String("g" + strconv.Itoa(stats.sent%16)), MessageBody: aws.String(body)})
	return err
}
