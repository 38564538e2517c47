// Package entries builds batch entries for other packages.
package entries

import (
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

// Entry builds entry i of a batch with the id its caller chooses.
func Entry(i int, key, body, dedup string) types.SendMessageBatchRequestEntry {
	return types.SendMessageBatchRequestEntry{
		Id:                     aws.String(strconv.Itoa(i)),
		MessageBody:            aws.String(body),
		MessageGroupId:         aws.String(key),
		MessageDeduplicationId: aws.String(dedup),
	}
}
