// Package seeded lives in a module that says go 1.23, where rand.Seed
// still seeds math/rand's global source: seeding it with the clock right
// before drawing makes the draw the clock.
package seeded

import (
	"math/rand"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/sqs"
)

type Event struct{ Stream, Payload string }

func Emit(svc *sqs.SQS, url string, e Event) error {
	rand.Seed(time.Now().UnixNano())
	_, err := svc.SendMessage(&sqs.SendMessageInput{
		QueueUrl:               aws.String(url),
		MessageBody:            aws.String(e.Payload),
		MessageGroupId:         aws.String(e.Stream),
		MessageDeduplicationId: aws.String(strconv.FormatInt(rand.Int63(), 16)), // want `MessageDeduplicationId is built from rand.Int63\(\), drawn from a generator seeded with time.Now\(\).UnixNano\(\) on every call`
	})
	return err
}

func EmitSetter(svc *sqs.SQS, url string, e Event) error {
	rand.Seed(time.Now().UnixNano())
	in := &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageBody: aws.String(e.Payload), MessageGroupId: aws.String(e.Stream)}
	in.SetMessageDeduplicationId(strconv.Itoa(rand.Intn(1 << 30))) // want `MessageDeduplicationId is built from rand.Intn\(1 << 30\), drawn from a generator seeded`
	_, err := svc.SendMessage(in)
	return err
}

// A generator made per call with the clock: the v1 SDK's spelling of the
// same bug.
func EmitFresh(svc *sqs.SQS, url string, e Event) error {
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	in := &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageBody: aws.String(e.Payload), MessageGroupId: aws.String(e.Stream)}
	in.SetMessageDeduplicationId(strconv.FormatUint(r.Uint64(), 36)) // want `MessageDeduplicationId is built from r.Uint64\(\), drawn from a generator seeded with time.Now\(\).UnixNano\(\) on every call`
	_, err := svc.SendMessage(in)
	return err
}

// init seeds once per process; draws in the sends are then a sequence,
// not the clock: quiet.
func init() { rand.Seed(time.Now().UnixNano()) }

func EmitSeededOnce(svc *sqs.SQS, url string, e Event) error {
	_, err := svc.SendMessage(&sqs.SendMessageInput{
		QueueUrl:               aws.String(url),
		MessageBody:            aws.String(e.Payload),
		MessageGroupId:         aws.String(e.Stream),
		MessageDeduplicationId: aws.String(strconv.FormatInt(rand.Int63(), 16)),
	})
	return err
}

// Seeded once before the loop, drawn once per message: quiet.
func EmitAll(svc *sqs.SQS, url string, events []Event) error {
	rand.Seed(time.Now().UnixNano())
	for _, e := range events {
		in := &sqs.SendMessageInput{QueueUrl: aws.String(url), MessageBody: aws.String(e.Payload), MessageGroupId: aws.String(e.Stream)}
		in.SetMessageDeduplicationId(strconv.FormatInt(rand.Int63(), 16))
		if _, err := svc.SendMessage(in); err != nil {
			return err
		}
	}
	return nil
}
