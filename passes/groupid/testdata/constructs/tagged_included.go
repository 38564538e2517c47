//go:build !fifolint_constructs_excluded

package constructs

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
)

// This file's build constraint holds by default, so it is analysed.
func IncludedSend(ctx context.Context, c *awssqs.Client) error {
	_, err := c.SendMessage(ctx, &awssqs.SendMessageInput{MessageGroupId: aws.String("included")}) // want `MessageGroupId is constant "included"`
	return err
}
