package notifier

import "testing"

var SendMessageInput = (sqsService).sendMessageInput

func TestSendMessageInput(t *testing.T) {
	s := sqsService{}
	queueURL := "https://sqs.us-east-1.amazonaws.com/123456789012/test-queue.fifo"
	input := SendMessageInput(s, &queueURL, Notification{Message: "hi", Group: "g"}) // want `DelaySeconds is 10 on a send to FIFO queue "…/test-queue.fifo" through sqsService.sendMessageInput`
	if input.DelaySeconds != 10 {
		t.Fatal("delay")
	}
	build := s.sendMessageInput
	otherURL := "https://sqs.us-east-1.amazonaws.com/123456789012/test-queue.fifo"
	_ = build(&otherURL, Notification{Message: "hi"}) // want `DelaySeconds is 10 on a send to FIFO queue "…/test-queue.fifo" through sqsService.sendMessageInput`
	standardURL := "https://sqs.us-east-1.amazonaws.com/123456789012/test-queue"
	_ = SendMessageInput(s, &standardURL, Notification{Message: "hi"})
}
