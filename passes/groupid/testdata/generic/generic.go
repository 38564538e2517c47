// Package generic sends through another package's generic bus (aws-sdk-go
// v1) and takes groups from its generic helper.
package generic

import (
	"github.com/aws/aws-sdk-go/service/sqs"

	"example.com/groupid/generic/busg"
)

type Kind string

type Event struct {
	Account string
	Kind    Kind
	Body    string
}

func encode(e Event) string { return e.Body }

func Emit(svc *sqs.SQS, e Event) error {
	bus := busg.New[Event](svc, "https://sqs.us-east-1.amazonaws.com/123456789012/events.fifo")
	if err := bus.Send(e.Account, e, encode); err != nil {
		return err
	}
	if err := bus.Send("events", e, encode); err != nil { // want `MessageGroupId is constant "events", passed to busg.Bus.Send`
		return err
	}
	return bus.Send(busg.Lane[Kind]("audit"), e, encode) // want `MessageGroupId is constant "audit", passed to busg.Bus.Send`
}

func EmitByKind(svc *sqs.SQS, e Event) error {
	// A lane per event kind, from the event: quiet.
	return busg.New[Event](svc, "q").Send(busg.Lane(e.Kind), e, encode)
}
