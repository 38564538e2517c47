package notify

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// The test of the argoproj shape used a .fifo URL and asserted the delay.
// fifolint reports nothing in test files.
func TestInput(t *testing.T) {
	in := Input(aws.String("https://sqs.us-east-1.amazonaws.com/123456789012/alerts.fifo"), "hello")
	if in.DelaySeconds != 10 {
		t.Fatal("delay")
	}
	std := Input(aws.String("https://sqs.us-east-1.amazonaws.com/123456789012/alerts"), "hello")
	_ = std
}
