//go:build fifolint_constructs_excluded

package constructs

import (
	"context"

	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
)

// This file is excluded by its build tag, so it is not analysed: the
// dropped error below must not be reported (analysistest would flag an
// unexpected diagnostic).
func ExcludedDrop(ctx context.Context, c *awssqs.Client) {
	c.SendMessage(ctx, in())
}
