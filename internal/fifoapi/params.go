package fifoapi

import (
	"go/types"
	"strings"
)

// A Service is SQS or SNS.
type Service int

const (
	SQS Service = iota
	SNS
)

func (s Service) String() string {
	if s == SNS {
		return "SNS"
	}
	return "SQS"
}

// A Param identifies one of the SDK request or response structs whose
// fields fifolint checks, in either SDK: the type name is the same in
// aws-sdk-go-v2 and aws-sdk-go (v1).
type Param struct {
	Service Service
	Name    string // e.g. "SendMessageInput", "SendMessageBatchRequestEntry"
	V1      bool   // aws-sdk-go (v1): numbers are *int64 and every field is a pointer
}

// paramTypes lists the structs by package path and type name.
var paramTypes = func() map[[2]string]Param {
	m := make(map[[2]string]Param)
	sqsOps := []string{"SendMessageInput", "SendMessageBatchInput", "ReceiveMessageInput",
		"ChangeMessageVisibilityInput", "ChangeMessageVisibilityBatchInput", "DeleteMessageBatchInput",
		"CreateQueueInput", "CreateQueueOutput", "GetQueueUrlInput", "GetQueueUrlOutput"}
	sqsTypes := []string{"SendMessageBatchRequestEntry", "ChangeMessageVisibilityBatchRequestEntry", "DeleteMessageBatchRequestEntry"}
	snsOps := []string{"PublishInput", "PublishBatchInput", "CreateTopicInput", "CreateTopicOutput"}
	snsTypes := []string{"PublishBatchRequestEntry"}
	add := func(path string, svc Service, v1 bool, names []string) {
		for _, n := range names {
			m[[2]string{path, n}] = Param{Service: svc, Name: n, V1: v1}
		}
	}
	add(V2SQS, SQS, false, sqsOps)
	add(V2SQSTypes, SQS, false, sqsTypes)
	add(V2SNS, SNS, false, snsOps)
	add(V2SNSTypes, SNS, false, snsTypes)
	add(V1SQS, SQS, true, append(sqsOps, sqsTypes...))
	add(V1SNS, SNS, true, append(snsOps, snsTypes...))
	return m
}()

// ParamOf reports whether t (or the type it points to) is one of the
// request or response structs in the catalogue.
func ParamOf(t types.Type) (Param, bool) {
	if t == nil {
		return Param{}, false
	}
	path, name, ok := namedPath(deref(t))
	if !ok {
		return Param{}, false
	}
	p, ok := paramTypes[[2]string{path, name}]
	return p, ok
}

// EntriesField names the field of a batch input that holds its entries:
// "Entries" (SQS) or "PublishBatchRequestEntries" (SNS); "" for other
// types.
func (p Param) EntriesField() string {
	switch p.Name {
	case "SendMessageBatchInput", "ChangeMessageVisibilityBatchInput", "DeleteMessageBatchInput":
		return "Entries"
	case "PublishBatchInput":
		return "PublishBatchRequestEntries"
	}
	return ""
}

// IsEntry reports whether p is a batch request entry type.
func (p Param) IsEntry() bool { return strings.HasSuffix(p.Name, "RequestEntry") }

// Operation names the API operation of an input type or batch entry type,
// e.g. "SendMessageBatch" for SendMessageBatchRequestEntry.
func (p Param) Operation() string {
	name := strings.TrimSuffix(strings.TrimSuffix(p.Name, "Input"), "Output")
	return strings.TrimSuffix(name, "RequestEntry")
}

// URLFields returns the fields of a send input that name its queue or
// topic: QueueUrl (SQS), TopicArn and TargetArn (SNS).
func (p Param) URLFields() []string {
	if p.Service == SNS {
		return []string{"TopicArn", "TargetArn"}
	}
	return []string{"QueueUrl"}
}

// SetterField reports whether fn is a v1 setter of a catalogued struct,
// such as (*sqs.SendMessageInput).SetDelaySeconds, and returns the struct
// and the field it sets. v1 setters return their receiver, so calls chain.
func SetterField(fn *types.Func) (Param, string, bool) {
	recv, field, ok := v1Setter(fn)
	if !ok {
		return Param{}, "", false
	}
	p, ok := ParamOf(recv)
	if !ok || !p.V1 {
		return Param{}, "", false
	}
	st, ok := deref(recv).Underlying().(*types.Struct)
	if !ok {
		return Param{}, "", false
	}
	for f := range st.Fields() {
		if f.Name() == field {
			return p, field, true
		}
	}
	return Param{}, "", false
}

// Service reports the service of a send operation.
func (op Op) Service() Service {
	if op.pkg == V2SNS || op.pkg == V1SNS {
		return SNS
	}
	return SQS
}

// InputArg returns the index of the parameter of sig that takes op's
// input, or -1.
func (op Op) InputArg(sig *types.Signature) int {
	return argOfType(sig, op.pkg, op.input)
}

// queueOutputs are the operations whose output names a queue or topic that
// their input names: GetQueueUrl and CreateQueue (QueueName, QueueUrl) and
// CreateTopic (Name, TopicArn).
var queueOutputs = map[string]struct{ input, nameField string }{
	"GetQueueUrlOutput": {"GetQueueUrlInput", "QueueName"},
	"CreateQueueOutput": {"CreateQueueInput", "QueueName"},
	"CreateTopicOutput": {"CreateTopicInput", "Name"},
}

// NamingInput reports, for a call of an operation whose result of type out
// is a GetQueueUrl, CreateQueue or CreateTopic output, the index of the
// parameter that takes the input and the input's field holding the name.
func NamingInput(sig *types.Signature, out Param) (arg int, nameField string) {
	q, ok := queueOutputs[out.Name]
	if !ok {
		return -1, ""
	}
	path := V2SQS
	switch {
	case out.Service == SNS && out.V1:
		path = V1SNS
	case out.Service == SNS:
		path = V2SNS
	case out.V1:
		path = V1SQS
	}
	return argOfType(sig, path, q.input), q.nameField
}

func argOfType(sig *types.Signature, path, name string) int {
	if sig == nil {
		return -1
	}
	for i := range sig.Params().Len() {
		if isNamed(pointee(sig.Params().At(i).Type()), path, name) {
			return i
		}
	}
	return -1
}
