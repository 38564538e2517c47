package queue

import (
	"context"
	"fmt"
	"strconv"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

// Sent is a message captured by MemorySender.
type Sent struct {
	Queue string
	Group string
	Dedup string
	Body  string
}

// MemorySender is an in-process Sender for local runs and demos. It records
// what would have been sent and emulates FIFO deduplication.
type MemorySender struct {
	mu   sync.Mutex
	seq  uint64
	seen map[string]bool
	Sent []Sent
}

// NewMemorySender returns an empty MemorySender.
func NewMemorySender() *MemorySender {
	return &MemorySender{seen: make(map[string]bool)}
}

func (m *MemorySender) record(queueURL string, group, dedup, body *string) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.seq++
	key := aws.ToString(dedup)
	if key == "" || !m.seen[key] {
		m.seen[key] = key != ""
		m.Sent = append(m.Sent, Sent{
			Queue: queueURL,
			Group: aws.ToString(group),
			Dedup: key,
			Body:  aws.ToString(body),
		})
	}
	return strconv.FormatUint(m.seq, 10)
}

// SendMessage implements Sender.
func (m *MemorySender) SendMessage(_ context.Context, in *sqs.SendMessageInput, _ ...func(*sqs.Options)) (*sqs.SendMessageOutput, error) {
	seq := m.record(aws.ToString(in.QueueUrl), in.MessageGroupId, in.MessageDeduplicationId, in.MessageBody)
	return &sqs.SendMessageOutput{
		MessageId:      aws.String(fmt.Sprintf("mem-%s", seq)),
		SequenceNumber: aws.String(seq),
	}, nil
}

// SendMessageBatch implements Sender.
func (m *MemorySender) SendMessageBatch(_ context.Context, in *sqs.SendMessageBatchInput, _ ...func(*sqs.Options)) (*sqs.SendMessageBatchOutput, error) {
	out := &sqs.SendMessageBatchOutput{}
	for _, e := range in.Entries {
		if e.MessageGroupId == nil {
			out.Failed = append(out.Failed, types.BatchResultErrorEntry{
				Id:          e.Id,
				Code:        aws.String("MissingParameter"),
				Message:     aws.String("The request must contain the parameter MessageGroupId."),
				SenderFault: true,
			})
			continue
		}
		seq := m.record(aws.ToString(in.QueueUrl), e.MessageGroupId, e.MessageDeduplicationId, e.MessageBody)
		out.Successful = append(out.Successful, types.SendMessageBatchResultEntry{
			Id:             e.Id,
			MessageId:      aws.String("mem-" + seq),
			SequenceNumber: aws.String(seq),
		})
	}
	return out, nil
}

// Groups returns the distinct message groups seen so far.
func (m *MemorySender) Groups() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	seen := map[string]bool{}
	var groups []string
	for _, s := range m.Sent {
		if !seen[s.Group] {
			seen[s.Group] = true
			groups = append(groups, s.Group)
		}
	}
	return groups
}
