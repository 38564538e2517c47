// Package settingsuse sends with the group another package decoded at start-up.
package settingsuse

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"example.com/groupid/settings"
)

func Send(ctx context.Context, svc *settings.Service, body string) error {
	_, err := svc.Client.SendMessage(ctx, &sqs.SendMessageInput{MessageBody: aws.String(body), MessageGroupId: aws.String(svc.Group())}) // want `MessageGroupId is settings.Service.Group\(\), which returns field cfg.Group, decoded by envconfig.Process in Service.Init`
	return err
}
