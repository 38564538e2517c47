package notify

import (
	"context"
	"fmt"
	"log"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"example.com/corpus/internal/ids"
)

var (
	runOnce sync.Once
	runID   string
)

// currentRun identifies this digest run in logs and in the messages.
func currentRun() string {
	runOnce.Do(func() { runID = ids.New() })
	return runID
}

// SendDigests enqueues the daily digest for every user. It keeps going when
// a single user fails; failures are logged and counted.
func (n *Notifier) SendDigests(ctx context.Context, userIDs []string) (failed int) {
	for _, uid := range userIDs {
		_, err := n.client.SendMessage(ctx, &sqs.SendMessageInput{
			QueueUrl:               aws.String(n.queueURL),
			MessageBody:            aws.String(fmt.Sprintf(`{"template":"daily-digest","user_id":%q,"run":%q}`, uid, currentRun())),
			MessageGroupId:         aws.String(uid),
			MessageDeduplicationId: aws.String(currentRun()), // BUG(dedupid): one id per process, every digest after the first is dropped
		})
		if err != nil {
			log.Printf("digest for %s: %v", uid, err)
			failed++
		}
	}
	return failed
}

// SendDigest enqueues one user's digest; the dedup id covers user and day so
// a retried cron run does not send it twice.
func (n *Notifier) SendDigest(ctx context.Context, userID, day string) error {
	_, err := n.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(n.queueURL),
		MessageBody:            aws.String(fmt.Sprintf(`{"template":"daily-digest","user_id":%q,"day":%q}`, userID, day)),
		MessageGroupId:         aws.String(userID),
		MessageDeduplicationId: aws.String("digest-" + userID + "-" + day),
	})
	return err
}
