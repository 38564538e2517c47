// Package constructs checks dedupid on Go constructs that set a
// deduplication id in less usual ways: generics, method values and
// function-typed fields that carry the send, embedded interfaces, dot and
// renamed imports, and type aliases of the SDK types. An id from the clock
// or fixed for the process is reported; one derived from the message is
// not.
package constructs

import (
	"context"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/google/uuid"

	"example.com/dedupid/constructs/clockg"
)

type Order struct {
	ID, Customer string
	Version      int
}

func (o Order) Key() string { return o.ID + "-v" + strconv.Itoa(o.Version) }

// --- Generics ----------------------------------------------------------------

type Keyed interface{ Key() string }

// SendKeyed takes the id from the message: quiet.
func SendKeyed[T Keyed](ctx context.Context, c *awssqs.Client, v T) error {
	_, err := c.SendMessage(ctx, &awssqs.SendMessageInput{MessageGroupId: aws.String("g"), MessageDeduplicationId: aws.String(v.Key())})
	return err
}

// SendStamped is generic, but its id comes from the clock.
func SendStamped[T any](ctx context.Context, c *awssqs.Client, v T) error {
	_, err := c.SendMessage(ctx, &awssqs.SendMessageInput{MessageDeduplicationId: aws.String(strconv.FormatInt(time.Now().UnixNano(), 10))}) // want `MessageDeduplicationId is built from strconv.FormatInt\(time.Now\(\).UnixNano\(\), 10\)`
	return err
}

// Publish is a generic wrapper: its callers choose the id.
func Publish[T any](ctx context.Context, c *awssqs.Client, dedup string, v T) error {
	_, err := c.SendMessage(ctx, &awssqs.SendMessageInput{MessageDeduplicationId: aws.String(dedup)})
	return err
}

func UseGenerics(ctx context.Context, c *awssqs.Client, o Order) error {
	if err := SendKeyed(ctx, c, o); err != nil {
		return err
	}
	if err := Publish(ctx, c, o.Key(), o); err != nil {
		return err
	}
	if err := Publish(ctx, c, uuid.NewString(), o); err != nil {
		return err
	}
	if err := Publish[Order](ctx, c, stamp(o), o); err != nil { // want `MessageDeduplicationId is built from stamp\(\) .*, passed to Publish`
		return err
	}
	// A generic helper of another package that returns the message's
	// content is quiet; one that returns the clock is not.
	if err := Publish(ctx, c, clockg.Stamp(o), o); err != nil { // want `MessageDeduplicationId is built from clockg.Stamp\(\)`
		return err
	}
	return Publish(ctx, c, clockg.Key(o), o)
}

// stamp is a generic helper that returns the clock.
func stamp[T any](v T) string { return strconv.FormatInt(time.Now().UnixNano(), 10) }

// --- Method values, function-typed fields, embedded interfaces ----------------

type SQSAPI interface {
	SendMessage(ctx context.Context, in *awssqs.SendMessageInput, optFns ...func(*awssqs.Options)) (*awssqs.SendMessageOutput, error)
}

type API interface {
	SQSAPI
	Publish(ctx context.Context, in *awssns.PublishInput, optFns ...func(*awssns.Options)) (*awssns.PublishOutput, error)
}

type Sender struct {
	api  API
	send func(context.Context, *awssqs.SendMessageInput, ...func(*awssqs.Options)) (*awssqs.SendMessageOutput, error)
}

func MethodValue(ctx context.Context, c *awssqs.Client, o Order) error {
	send := c.SendMessage
	if _, err := send(ctx, &awssqs.SendMessageInput{MessageDeduplicationId: aws.String(o.Key())}); err != nil {
		return err
	}
	_, err := send(ctx, &awssqs.SendMessageInput{MessageDeduplicationId: aws.String(time.Now().Format(time.RFC3339Nano))}) // want `MessageDeduplicationId is built from time.Now\(\).Format\(time.RFC3339Nano\)`
	return err
}

func (s *Sender) FuncField(ctx context.Context, o Order) error {
	if _, err := s.send(ctx, &awssqs.SendMessageInput{MessageDeduplicationId: aws.String(o.Key())}); err != nil {
		return err
	}
	_, err := s.send(ctx, &awssqs.SendMessageInput{MessageDeduplicationId: aws.String("field-func")}) // want `MessageDeduplicationId is constant "field-func"`
	return err
}

func (s *Sender) Embedded(ctx context.Context, o Order) error {
	if _, err := s.api.Publish(ctx, &awssns.PublishInput{MessageDeduplicationId: aws.String(o.Key())}); err != nil {
		return err
	}
	_, err := s.api.Publish(ctx, &awssns.PublishInput{MessageDeduplicationId: aws.String(strconv.FormatInt(time.Now().UnixMilli(), 36))}) // want `MessageDeduplicationId is built from`
	return err
}

// --- Type aliases ---------------------------------------------------------------

type (
	Input = awssqs.SendMessageInput
	Entry = sqstypes.SendMessageBatchRequestEntry
	Clock = time.Time
)

func now() Clock { return time.Now() }

func Aliases(ctx context.Context, c *awssqs.Client, orders []Order) error {
	in := &Input{MessageDeduplicationId: aws.String(now().String())} // want `MessageDeduplicationId is built from`
	if _, err := c.SendMessage(ctx, in); err != nil {
		return err
	}
	var entries []Entry
	for i, o := range orders {
		entries = append(entries, Entry{Id: aws.String(strconv.Itoa(i)), MessageDeduplicationId: aws.String(o.Key())})
		entries = append(entries, Entry{Id: aws.String(strconv.Itoa(i)), MessageDeduplicationId: aws.String("e-" + strconv.Itoa(i))}) // want `MessageDeduplicationId is loop index i`
	}
	_, err := c.SendMessageBatch(ctx, &awssqs.SendMessageBatchInput{Entries: entries})
	return err
}
