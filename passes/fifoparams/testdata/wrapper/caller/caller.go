// Package caller passes queue URLs to the notify wrappers.
package caller

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"

	"example.com/fifoparams/queues"
	"example.com/fifoparams/wrapper/notify"
)

const alertsTopic = "arn:aws:sns:us-east-1:123456789012:alerts.fifo"

func run(ctx context.Context, n *notify.Notifier, c *sns.Client, region string) {
	n.Send(ctx, queues.OrdersURL, "b", "g")                                              // want `DelaySeconds is 10 on a send to FIFO queue "…/orders.fifo" through notify.Notifier.Send: SQS rejects per-message DelaySeconds`
	n.Send(ctx, queues.AuditURL, "b", "g")                                               // a standard queue
	n.Send(ctx, os.Getenv("QUEUE_URL"), "b", "g")                                        // unknown
	n.SendNow(ctx, "https://sqs."+region+".amazonaws.com/123456789012/orders.fifo", "b") // want `SendMessage to FIFO queue "…/orders.fifo" through notify.Notifier.SendNow has no MessageGroupId`
	n.SendGrouped(ctx, queues.OrdersURL, "b", "g")
	n.SendDelayed(ctx, queues.OrdersURL, "b", "g", 0)
	notify.Publish(ctx, c, aws.String(alertsTopic), "m") // want `Publish to FIFO topic "…:alerts.fifo" through notify.Publish has no MessageGroupId: SNS FIFO requires one`
}
