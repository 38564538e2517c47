//go:build fifolint_constructs_excluded

package constructs

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
)

// This file is excluded by its build tag, so it is not analysed: the fixed
// group below must not be reported (analysistest would flag an unexpected
// diagnostic).
func ExcludedSend(ctx context.Context, c *awssqs.Client) error {
	_, err := c.SendMessage(ctx, &awssqs.SendMessageInput{MessageGroupId: aws.String("excluded")})
	return err
}
