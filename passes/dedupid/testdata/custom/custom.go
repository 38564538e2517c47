// Package custom uses a clock named by the -dedupid.clock flag.
package custom

import (
	"context"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"example.com/dedupid/hlc"
)

func Send(ctx context.Context, c *sqs.Client, group, body string) error {
	_, err := c.SendMessage(ctx, &sqs.SendMessageInput{MessageGroupId: aws.String(group), MessageDeduplicationId: aws.String(strconv.FormatInt(hlc.Now(), 36)), MessageBody: aws.String(body)}) // want `MessageDeduplicationId is built from strconv.FormatInt\(hlc.Now\(\), 36\)`
	return err
}
