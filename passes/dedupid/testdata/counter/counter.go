// Package counter checks deduplication ids taken from in-process counters,
// in every spelling of the step: n++, n += 1, n = n + 1 and the sync/atomic
// adds. A counter is never a constant: it restarts at 0 with the process.
package counter

import (
	"context"
	"strconv"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/google/uuid"
)

type Order struct{ ID, Customer, Body string }

func send(ctx context.Context, c *sqs.Client, o Order, dedup string) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{
		MessageGroupId:         aws.String(o.Customer),
		MessageDeduplicationId: aws.String(dedup),
		MessageBody:            aws.String(o.Body),
	})
	return err
}

var (
	seq     int64
	next    int
	lastID  int
	hits    int64
	batches atomic.Uint64
)

func IncDec(ctx context.Context, c *sqs.Client, o Order) error {
	seq++
	return send(ctx, c, o, strconv.FormatInt(seq, 10)) // want `MessageDeduplicationId is per-process counter seq, which restarts at 0, passed to send: the same ids come back after a restart and from other producers`
}

func AddAssign(ctx context.Context, c *sqs.Client, o Order) error {
	next += 1
	return send(ctx, c, o, "n-"+strconv.Itoa(next)) // want `MessageDeduplicationId is per-process counter next, which restarts at 0`
}

func Reassign(ctx context.Context, c *sqs.Client, o Order) error {
	lastID = lastID + 1
	return send(ctx, c, o, strconv.Itoa(lastID)) // want `MessageDeduplicationId is per-process counter lastID, which restarts at 0`
}

func AtomicLoad(ctx context.Context, c *sqs.Client, o Order) error {
	atomic.AddInt64(&hits, 1)
	return send(ctx, c, o, strconv.FormatInt(atomic.LoadInt64(&hits), 10)) // want `MessageDeduplicationId is per-process counter hits, which restarts at 0`
}

func AtomicType(ctx context.Context, c *sqs.Client, o Order) error {
	return send(ctx, c, o, strconv.FormatUint(batches.Add(1), 10)) // want `MessageDeduplicationId is a per-process atomic counter, which restarts at 0`
}

func AtomicTypeLoad(ctx context.Context, c *sqs.Client, o Order) error {
	batches.Add(1)
	return send(ctx, c, o, strconv.FormatUint(batches.Load(), 10)) // want `MessageDeduplicationId is per-process counter batches, which restarts at 0`
}

// Producer counts its sends in fields.
type Producer struct {
	client *sqs.Client
	sent   int
	acked  atomic.Int64
}

func NewProducer(c *sqs.Client) *Producer { return &Producer{client: c} }

func (p *Producer) Send(ctx context.Context, o Order) error {
	p.sent = p.sent + 1
	return send(ctx, p.client, o, strconv.Itoa(p.sent)) // want `MessageDeduplicationId is per-process counter sent, which restarts at 0`
}

func (p *Producer) SendAtomic(ctx context.Context, o Order) error {
	n := p.acked.Add(1)
	return send(ctx, p.client, o, strconv.FormatInt(n, 10)) // want `MessageDeduplicationId is a per-process atomic counter, which restarts at 0`
}

// Pump numbers the messages of one run, as a command-line tool does.
func Pump(ctx context.Context, c *sqs.Client, orders []Order) error {
	id := 0
	for _, o := range orders {
		id = id + 1
		if err := send(ctx, c, o, strconv.Itoa(id)); err != nil { // want `MessageDeduplicationId is counter id, which starts over with every call, passed to send: the same ids come back with the next call`
			return err
		}
	}
	return nil
}

// A counter beside the message's key or entropy is unique: quiet.
func Keyed(ctx context.Context, c *sqs.Client, o Order) error {
	seq++
	if err := send(ctx, c, o, o.ID+"-"+strconv.FormatInt(seq, 10)); err != nil {
		return err
	}
	return send(ctx, c, o, uuid.NewString()+"-"+strconv.FormatInt(atomic.AddInt64(&hits, 1), 10))
}

// A string built with += is not a counter: per message here, quiet.
func Appended(ctx context.Context, c *sqs.Client, o Order) error {
	id := "order"
	id += "-" + o.ID
	return send(ctx, c, o, id)
}

// stats counts in its fields.
var stats struct{ sent, acked int64 }

func StatsField(ctx context.Context, c *sqs.Client, o Order) error {
	stats.sent++
	if err := send(ctx, c, o, strconv.FormatInt(stats.sent, 10)); err != nil { // want `MessageDeduplicationId is per-process counter stats.sent, which restarts at 0`
		return err
	}
	return send(ctx, c, o, strconv.FormatInt(atomic.AddInt64(&stats.acked, 1), 10)) // want `MessageDeduplicationId is a per-process atomic counter, which restarts at 0`
}
