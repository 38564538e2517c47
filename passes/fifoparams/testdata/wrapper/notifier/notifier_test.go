package notifier

import "testing"

// The argoproj test, in a test file: fifolint reports nothing in tests.
var SendMessageInput = (sqsService).sendMessageInput

func TestSendMessageInput(t *testing.T) {
	queueURL := "https://sqs.us-east-1.amazonaws.com/123456789012/test-queue.fifo"
	input := SendMessageInput(sqsService{}, &queueURL, Notification{Message: "hi", Group: "g"})
	if input.DelaySeconds != 10 {
		t.Fatal("delay")
	}
}
