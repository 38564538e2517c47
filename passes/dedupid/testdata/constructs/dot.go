package constructs

import (
	"context"
	"strconv"
	. "time"

	"github.com/aws/aws-sdk-go-v2/aws"
	. "github.com/aws/aws-sdk-go-v2/service/sqs"
)

// DotImports uses the SDK and the time package through dot imports.
func DotImports(ctx context.Context, c *Client, o Order) error {
	if _, err := c.SendMessage(ctx, &SendMessageInput{MessageDeduplicationId: aws.String(o.Key())}); err != nil {
		return err
	}
	_, err := c.SendMessage(ctx, &SendMessageInput{MessageDeduplicationId: aws.String(strconv.FormatInt(Now().UnixMicro(), 16))}) // want `MessageDeduplicationId is built from .*Now\(\)`
	return err
}
