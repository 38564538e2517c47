// Package fifoapi is fifolint's catalogue of the Amazon SQS and SNS FIFO
// producer APIs in aws-sdk-go-v2 and aws-sdk-go (v1): the types that carry
// MessageGroupId and MessageDeduplicationId, the v1 setters, the client types
// and the send operations.
//
// Everything is matched by package path and type name, so fifolint itself
// never imports an SDK: the SDK stays out of its users' module graphs.
package fifoapi

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// SDK package paths.
const (
	V2SQS      = "github.com/aws/aws-sdk-go-v2/service/sqs"
	V2SQSTypes = "github.com/aws/aws-sdk-go-v2/service/sqs/types"
	V2SNS      = "github.com/aws/aws-sdk-go-v2/service/sns"
	V2SNSTypes = "github.com/aws/aws-sdk-go-v2/service/sns/types"
	V1SQS      = "github.com/aws/aws-sdk-go/service/sqs"
	V1SNS      = "github.com/aws/aws-sdk-go/service/sns"
	V1Request  = "github.com/aws/aws-sdk-go/aws/request"
)

// IDField names one of the two FIFO id fields.
type IDField int

const (
	GroupID IDField = iota
	DedupID
)

// Name is the SDK field name, e.g. "MessageGroupId".
func (f IDField) Name() string {
	if f == DedupID {
		return "MessageDeduplicationId"
	}
	return "MessageGroupId"
}

// fieldByName maps SDK field names to IDField.
func fieldByName(name string) (IDField, bool) {
	switch name {
	case "MessageGroupId":
		return GroupID, true
	case "MessageDeduplicationId":
		return DedupID, true
	}
	return 0, false
}

// carriers are the struct types whose MessageGroupId and
// MessageDeduplicationId fields reach the service, keyed by package path
// and type name.
var carriers = map[[2]string]bool{
	{V2SQS, "SendMessageInput"}:                  true,
	{V2SQSTypes, "SendMessageBatchRequestEntry"}: true,
	{V2SNS, "PublishInput"}:                      true,
	{V2SNSTypes, "PublishBatchRequestEntry"}:     true,
	{V1SQS, "SendMessageInput"}:                  true,
	{V1SQS, "SendMessageBatchRequestEntry"}:      true,
	{V1SNS, "PublishInput"}:                      true,
	{V1SNS, "PublishBatchRequestEntry"}:          true,
}

// IsCarrier reports whether t (or the type it points to) is an SDK struct
// with FIFO id fields.
func IsCarrier(t types.Type) bool {
	path, name, ok := namedPath(deref(t))
	return ok && carriers[[2]string{path, name}]
}

// FieldOf reports whether field, selected from a value of type recv, is an
// id field of a carrier type.
func FieldOf(recv types.Type, field *types.Var) (IDField, bool) {
	if !field.IsField() || !IsCarrier(recv) {
		return 0, false
	}
	return fieldByName(field.Name())
}

// Setter reports whether fn is a v1 setter of an id field, such as
// (*sqs.SendMessageInput).SetMessageGroupId.
func Setter(fn *types.Func) (IDField, bool) {
	recv, field, ok := v1Setter(fn)
	if !ok || !IsCarrier(recv) {
		return 0, false
	}
	return fieldByName(field)
}

// v1Setter reports whether fn has the shape of an aws-sdk-go (v1) setter,
// a method SetX(v) of an SDK struct, and returns the receiver type and X.
func v1Setter(fn *types.Func) (recv types.Type, field string, ok bool) {
	sig, isSig := fn.Type().(*types.Signature)
	if !isSig || sig.Recv() == nil || sig.Params().Len() != 1 || !strings.HasPrefix(fn.Name(), "Set") {
		return nil, "", false
	}
	recv = sig.Recv().Type()
	path, _, named := namedPath(deref(recv))
	if !named || !strings.HasPrefix(path, "github.com/aws/aws-sdk-go/") {
		return nil, "", false
	}
	return recv, strings.TrimPrefix(fn.Name(), "Set"), true
}

// clients are the SDK client types and v1 client interfaces.
var clients = map[[2]string]bool{
	{V2SQS, "Client"}:               true,
	{V2SNS, "Client"}:               true,
	{V1SQS, "SQS"}:                  true,
	{V1SNS, "SNS"}:                  true,
	{V1SQS + "/sqsiface", "SQSAPI"}: true,
	{V1SNS + "/snsiface", "SNSAPI"}: true,
}

// IsClient reports whether t (or the type it points to) is an SQS or SNS
// client type of either SDK.
func IsClient(t types.Type) bool {
	path, name, ok := namedPath(deref(t))
	return ok && clients[[2]string{path, name}]
}

// IsSDKPath reports whether path belongs to an AWS SDK for Go module or to
// smithy-go. fifolint knows these packages from this catalogue and never
// analyses their source.
func IsSDKPath(path string) bool {
	path = TrimVendor(path)
	return strings.HasPrefix(path, "github.com/aws/aws-sdk-go/") ||
		strings.HasPrefix(path, "github.com/aws/aws-sdk-go-v2/") ||
		path == "github.com/aws/aws-sdk-go-v2" ||
		strings.HasPrefix(path, "github.com/aws/smithy-go")
}

// Modeled reports whether fifolint describes pkg with built-in models
// instead of analysing it: std and the AWS SDK. The analyzers do nothing
// there, which matters under go vet, where every dependency is analysed
// for facts.
func Modeled(pkg *types.Package) bool {
	path := pkg.Path()
	if IsSDKPath(path) {
		return true
	}
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && isStd(pkg)
}

// OwnCode reports whether a package of module m (analysis.Pass.Module)
// is the user's own code: outside any module (GOPATH, or a driver that
// does not say), or in a module without a version, as go vet and
// go/packages give the main module and every module of a go.work
// workspace. The rest is third-party code, from the module cache, a vendor
// directory or a directory that a replace directive names; standalone
// fifolint does not load it from source unless it imports an SQS or SNS
// package.
func OwnCode(m *analysis.Module) bool {
	return m == nil || m.Version == ""
}

// ImportsFact reports whether a package that pass's package imports
// directly has an object with a fact of type F (a pointer type, such as
// *origin.SinkFact): a wrapper or sink one import away. Facts of
// packages further away reach pass only through such a package.
func ImportsFact[F analysis.Fact](pass *analysis.Pass) bool {
	direct := make(map[*types.Package]bool)
	for _, imp := range pass.Pkg.Imports() {
		direct[imp] = true
	}
	for _, f := range pass.AllObjectFacts() {
		if _, ok := f.Fact.(F); ok && direct[f.Object.Pkg()] {
			return true
		}
	}
	return false
}

// isStd recognizes std packages by their first path element and by what
// they import: std never imports a package whose path has a dot. (A user
// module named without a dot still imports something outside std, or is
// small enough that analysing it costs nothing.)
func isStd(pkg *types.Package) bool {
	first, _, _ := strings.Cut(pkg.Path(), "/")
	if !stdRoots[first] {
		return false
	}
	for _, imp := range pkg.Imports() {
		f, _, _ := strings.Cut(imp.Path(), "/")
		if strings.Contains(f, ".") {
			return false
		}
	}
	return true
}

var stdRoots = func() map[string]bool {
	m := make(map[string]bool)
	for _, r := range strings.Fields(`archive bufio builtin bytes cmp compress container context crypto database
		debug embed encoding errors expvar flag fmt go hash html image index internal io iter log maps math mime
		net os path plugin reflect regexp runtime slices sort strconv strings structs sync syscall testing text
		time unicode unique unsafe weak vendor cmd`) {
		m[r] = true
	}
	return m
}()

// IsServicePath reports whether path is one of the SQS or SNS service
// packages (or their types packages) of either SDK.
func IsServicePath(path string) bool {
	switch TrimVendor(path) {
	case V2SQS, V2SQSTypes, V2SNS, V2SNSTypes, V1SQS, V1SNS, V1SQS + "/sqsiface", V1SNS + "/snsiface":
		return true
	}
	return false
}

func namedPath(t types.Type) (path, name string, ok bool) {
	n, isNamed := types.Unalias(t).(*types.Named)
	if !isNamed || n.Obj().Pkg() == nil {
		return "", "", false
	}
	return TrimVendor(n.Obj().Pkg().Path()), n.Obj().Name(), true
}

func deref(t types.Type) types.Type {
	t = types.Unalias(t)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return types.Unalias(p.Elem())
	}
	return t
}

// TrimVendor strips a vendor directory prefix from an import path.
func TrimVendor(path string) string {
	if i := strings.LastIndex(path, "/vendor/"); i >= 0 {
		return path[i+len("/vendor/"):]
	}
	return strings.TrimPrefix(path, "vendor/")
}

// An Op is one of the send operations fifolint knows.
type Op struct {
	Name   string // SendMessage, SendMessageBatch, Publish, PublishBatch
	Batch  bool   // the output reports per-entry failures in Failed
	pkg    string // package of the input and output types
	input  string
	output string
}

// ops lists the send operations of both SDKs by their input types.
var ops = []Op{
	{"SendMessage", false, V2SQS, "SendMessageInput", "SendMessageOutput"},
	{"SendMessageBatch", true, V2SQS, "SendMessageBatchInput", "SendMessageBatchOutput"},
	{"Publish", false, V2SNS, "PublishInput", "PublishOutput"},
	{"PublishBatch", true, V2SNS, "PublishBatchInput", "PublishBatchOutput"},
	{"SendMessage", false, V1SQS, "SendMessageInput", "SendMessageOutput"},
	{"SendMessageBatch", true, V1SQS, "SendMessageBatchInput", "SendMessageBatchOutput"},
	{"Publish", false, V1SNS, "PublishInput", "PublishOutput"},
	{"PublishBatch", true, V1SNS, "PublishBatchInput", "PublishBatchOutput"},
}

// A Form says how an operation's error is delivered.
type Form int

const (
	// Direct forms return (*Output, error): v2 methods, v1 Op and OpWithContext.
	Direct Form = iota
	// RequestForm is v1's OpRequest, returning (*request.Request, *Output);
	// the error comes from req.Send().
	RequestForm
)

// SendOp recognizes a send operation by its signature: a pointer to one of
// the input types among the parameters, and the matching output (with an
// error, or after a v1 *request.Request) among the results. The receiver and
// the name do not matter, so a user's interface, mock, method value or
// function-typed field that has the shape of a send is a send.
func SendOp(sig *types.Signature) (Op, Form, bool) {
	if sig == nil || sig.Results().Len() != 2 {
		return Op{}, 0, false
	}
	for p := range sig.Params().Variables() {
		path, name, ok := namedPath(pointee(p.Type()))
		if !ok {
			continue
		}
		for _, op := range ops {
			if op.pkg != path || op.input != name {
				continue
			}
			r0, r1 := sig.Results().At(0).Type(), sig.Results().At(1).Type()
			if isNamed(pointee(r0), op.pkg, op.output) && isError(r1) {
				return op, Direct, true
			}
			if isNamed(pointee(r0), V1Request, "Request") && isNamed(pointee(r1), op.pkg, op.output) {
				return op, RequestForm, true
			}
		}
	}
	return Op{}, 0, false
}

// DeletesMessages reports whether sig has the shape of SQS DeleteMessage
// or DeleteMessageBatch (either SDK, any form): a pointer to its input
// among the parameters. A received message that is not deleted becomes
// visible again after the visibility timeout and is delivered again
// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html).
func DeletesMessages(sig *types.Signature) bool {
	if sig == nil {
		return false
	}
	for p := range sig.Params().Variables() {
		path, name, ok := namedPath(pointee(p.Type()))
		if ok && (path == V2SQS || path == V1SQS) && (name == "DeleteMessageInput" || name == "DeleteMessageBatchInput") {
			return true
		}
	}
	return false
}

// IsSendSignature reports whether sig has the shape of a send operation.
func IsSendSignature(sig *types.Signature) bool {
	_, _, ok := SendOp(sig)
	return ok
}

// UsesSDK reports whether pkg is an SQS or SNS package of either SDK or
// imports one directly.
func UsesSDK(pkg *types.Package) bool {
	if IsServicePath(pkg.Path()) {
		return true
	}
	for _, imp := range pkg.Imports() {
		if IsServicePath(imp.Path()) {
			return true
		}
	}
	return false
}

func pointee(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return types.Unalias(p.Elem())
	}
	return nil
}

func isNamed(t types.Type, path, name string) bool {
	if t == nil {
		return false
	}
	p, n, ok := namedPath(t)
	return ok && p == path && n == name
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// FuncName names fn as a reader of package from would write it in a
// message: Name, pkg.Name, T.Method or pkg.T.Method.
func FuncName(from *types.Package, fn *types.Func) string {
	name := fn.Name()
	if r := RecvName(fn); r != "" {
		name = r + "." + name
	}
	if fn.Pkg() != nil && fn.Pkg() != from {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// RecvName returns the name of a method's receiver base type, or "".
func RecvName(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil {
		return ""
	}
	if n, ok := deref(recv.Type()).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}
