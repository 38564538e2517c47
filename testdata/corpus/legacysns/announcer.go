// Package legacysns announces price changes on the pricing SNS FIFO topic.
// It predates the move to aws-sdk-go-v2.
package legacysns

import (
	"encoding/json"
	"fmt"
	"log"
	"os"
	"strconv"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/sns"
	"github.com/aws/aws-sdk-go/service/sns/snsiface"
	"github.com/gofrs/uuid/v5"

	"example.com/corpus/internal/ids"
)

var pricingGroup string

func init() {
	pricingGroup = os.Getenv("PRICING_GROUP")
	if pricingGroup == "" {
		pricingGroup = "pricing"
	}
}

// PriceChange is a new price for a SKU. Seq increases per SKU.
type PriceChange struct {
	SKU      string `json:"sku"`
	OldCents int64  `json:"old_cents"`
	NewCents int64  `json:"new_cents"`
	Seq      int64  `json:"seq"`
}

// Announcer publishes price changes.
type Announcer struct {
	sns      snsiface.SNSAPI
	topicARN string
}

// NewAnnouncer returns an Announcer.
func NewAnnouncer(api snsiface.SNSAPI, topicARN string) *Announcer {
	return &Announcer{sns: api, topicARN: topicARN}
}

func (a *Announcer) input(pc PriceChange) (*sns.PublishInput, error) {
	body, err := json.Marshal(pc)
	if err != nil {
		return nil, err
	}
	return &sns.PublishInput{
		TopicArn: aws.String(a.topicARN),
		Message:  aws.String(string(body)),
	}, nil
}

// Announce publishes pc.
func (a *Announcer) Announce(ctx aws.Context, pc PriceChange) error {
	in, err := a.input(pc)
	if err != nil {
		return err
	}
	in.SetMessageGroupId(pricingGroup) // BUG(groupid): package variable set once in init
	in.SetMessageDeduplicationId(pc.SKU + ":" + strconv.FormatInt(pc.Seq, 10))
	_, err = a.sns.PublishWithContext(ctx, in)
	return err
}

// AnnounceMany publishes changes with PublishBatch, ordered per SKU.
func (a *Announcer) AnnounceMany(ctx aws.Context, changes []PriceChange) error {
	for start := 0; start < len(changes); start += 10 {
		end := min(start+10, len(changes))
		entries := make([]*sns.PublishBatchRequestEntry, 0, end-start)
		for i, pc := range changes[start:end] {
			body, err := json.Marshal(pc)
			if err != nil {
				return err
			}
			entries = append(entries, (&sns.PublishBatchRequestEntry{}).
				SetId("pc"+strconv.Itoa(i)).
				SetMessage(string(body)).
				SetMessageGroupId(pc.SKU).
				SetMessageDeduplicationId(pc.SKU+":"+strconv.FormatInt(pc.Seq, 10)))
		}
		out, err := a.sns.PublishBatchWithContext(ctx, &sns.PublishBatchInput{ // BUG(errswallow): only Successful is read, Failed is ignored
			TopicArn:                   aws.String(a.topicARN),
			PublishBatchRequestEntries: entries,
		})
		if err != nil {
			return fmt.Errorf("announce batch at %d: %w", start, err)
		}
		log.Printf("announced %d price changes", len(out.Successful))
	}
	return nil
}

// AnnounceSync publishes pc and returns the SNS message id.
func (a *Announcer) AnnounceSync(pc PriceChange) (msgID string, err error) {
	in, err := a.input(pc)
	if err != nil {
		return "", err
	}
	in.SetMessageGroupId(pc.SKU)
	in.SetMessageDeduplicationId(uuid.Must(uuid.NewV4()).String())
	req, out := a.sns.PublishRequest(in)
	err = req.Send()
	if err == nil {
		msgID = aws.StringValue(out.MessageId)
	}
	return msgID, err
}

// AnnounceClearance publishes the end-of-season clearance for a SKU.
func (a *Announcer) AnnounceClearance(sku string, pct int) error {
	in := &sns.PublishInput{
		TopicArn: aws.String(a.topicARN),
		Message:  aws.String(fmt.Sprintf(`{"sku":%q,"clearance_pct":%d}`, sku, pct)),
	}
	in.SetMessageGroupId(sku)
	in.SetMessageDeduplicationId(ids.TimeHex()) // BUG(dedupid): hex of the clock, not of the change
	if _, err := a.sns.Publish(in); err != nil {
		return fmt.Errorf("clearance %s: %w", sku, err)
	}
	return nil
}

// AnnounceBatchRequest publishes changes using the request form and returns
// the entries SNS rejected.
func (a *Announcer) AnnounceBatchRequest(ctx aws.Context, changes []PriceChange) ([]*sns.BatchResultErrorEntry, error) {
	entries := make([]*sns.PublishBatchRequestEntry, 0, len(changes))
	for i, pc := range changes {
		entries = append(entries, &sns.PublishBatchRequestEntry{
			Id:                     aws.String(strconv.Itoa(i)),
			Message:                aws.String(strconv.FormatInt(pc.NewCents, 10)),
			MessageGroupId:         aws.String(pc.SKU),
			MessageDeduplicationId: aws.String(fmt.Sprintf("%s:%d", pc.SKU, pc.Seq)),
		})
	}
	req, out := a.sns.PublishBatchRequest(&sns.PublishBatchInput{
		TopicArn:                   aws.String(a.topicARN),
		PublishBatchRequestEntries: entries,
	})
	req.SetContext(ctx)
	if err := req.Send(); err != nil {
		return nil, err
	}
	return out.Failed, nil
}
