// Package safe holds dedup ids that are fine: entropy or identity.
package safe

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	gofrs "github.com/gofrs/uuid/v5"
	"github.com/google/uuid"
	"github.com/oklog/ulid/v2"
	"github.com/rs/xid"
	"github.com/segmentio/ksuid"

	"example.com/dedupid/queue"
)

type Order struct {
	ID, Customer, Body string
	Version            int
	CreatedAt          time.Time
}

func send(ctx context.Context, c *sqs.Client, o Order, dedup *string) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(o.Customer), MessageDeduplicationId: dedup, MessageBody: aws.String(o.Body)})
	return err
}

func All(ctx context.Context, c *sqs.Client, t *queue.Topic, o Order) error {
	v7 := uuid.Must(uuid.NewV7())
	g4, _ := gofrs.NewV4()
	raw := make([]byte, 16)
	if _, err := rand.Read(raw); err != nil {
		return err
	}
	sum := sha256.Sum256([]byte(o.Body))
	for _, id := range []string{
		uuid.NewString(),
		v7.String(),
		g4.String(),
		gofrs.Must(gofrs.NewV7()).String(),
		ulid.Make().String(),
		ulid.MustNew(ulid.Timestamp(time.Now()), rand.Reader).String(),
		ksuid.New().String(),
		xid.New().String(),
		hex.EncodeToString(raw),
		hex.EncodeToString(sum[:]),
		o.ID + "-v" + strconv.Itoa(o.Version),
		fmt.Sprintf("%s-%d", o.ID, time.Now().UnixNano()),
		o.CreatedAt.Format(time.RFC3339Nano),
	} {
		if err := send(ctx, c, o, aws.String(id)); err != nil {
			return err
		}
	}
	if err := send(ctx, c, o, nil); err != nil { // content-based deduplication
		return err
	}
	return t.Publish(ctx, o.Customer, uuid.NewString(), o.Body)
}

func ContentBased(ctx context.Context, c *sqs.Client, o Order) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(o.Customer), MessageBody: aws.String(o.Body)})
	return err
}
