//go:build !fifolint_constructs_excluded

package constructs

import (
	"context"

	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
)

// This file's build constraint holds by default, so it is analysed.
func IncludedDrop(ctx context.Context, c *awssqs.Client) {
	c.SendMessage(ctx, in()) // want `the error from SendMessage is not checked`
}
