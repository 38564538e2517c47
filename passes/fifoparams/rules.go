package fifoparams

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/fifolint/fifolint/internal/fifoapi"
	"github.com/fifolint/fifolint/internal/fifoqueue"
)

// delay reports DelaySeconds set on a FIFO send before the call.
func (c *checker) delay(call *ast.CallExpr, in *fifoqueue.Input, svc fifoapi.Service, ev fifoqueue.Evidence) {
	if svc != fifoapi.SQS {
		return
	}
	for _, s := range in.Values("DelaySeconds") {
		if s.Node.Pos() >= call.End() || c.res.NotFIFOBranch(s.Node) {
			continue
		}
		v, isConst, isNil := c.intValue(s.Value)
		if isNil || isConst && v == 0 {
			continue // v2 leaves out 0; v1 sends aws.Int64(0), which SQS accepts
		}
		d := analysis.Diagnostic{Pos: s.Node.Pos(), End: s.Node.End(), Category: catDelay, Related: ev.Related()}
		if isConst {
			d.Message = fmt.Sprintf("DelaySeconds is %d on a send to %s: SQS rejects per-message DelaySeconds on FIFO queues (InvalidParameterValue); "+
				"set DelaySeconds on the queue instead, or leave it 0", v, ev.Describe(svc))
			if kv, ok := s.Node.(*ast.KeyValueExpr); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{{
					Message:   "Remove DelaySeconds (a FIFO queue delays messages by its own DelaySeconds attribute)",
					TextEdits: removeElt(in.Lit, kv),
				}}
			}
		} else {
			d.Message = fmt.Sprintf("DelaySeconds may be non-zero on a send to %s: SQS rejects per-message DelaySeconds on FIFO queues (InvalidParameterValue), "+
				"and 0 is the same as leaving it out; set DelaySeconds on the queue instead", ev.Describe(svc))
		}
		c.rep.Report(d)
	}
}

// missingGroup reports a FIFO send whose input (or batch entry), built
// here and seen whole, never gets a MessageGroupId.
func (c *checker) missingGroup(op fifoapi.Op, in *fifoqueue.Input, ev fifoqueue.Evidence) {
	lit := in.Lit
	if lit == nil || in.Escapes || in.Has(c.info, "MessageGroupId") {
		return
	}
	what := op.Name
	if in.Param.EntriesField() == "" && op.Batch {
		what += " entry"
	}
	end := lit.Lbrace
	if lit.Type != nil {
		end = lit.Type.End()
	}
	msg := fmt.Sprintf("%s to %s has no MessageGroupId: SQS rejects it with MissingParameter; set a per-message group id (the ordering key)", what, ev.Describe(op.Service()))
	if op.Service() == fifoapi.SNS {
		msg = fmt.Sprintf("%s to %s has no MessageGroupId: SNS FIFO requires one on every message; set a per-message group id (the ordering key)", what, ev.Describe(op.Service()))
	}
	c.rep.Report(analysis.Diagnostic{Pos: lit.Pos(), End: end, Category: catMissingGroup, Message: msg, Related: ev.Related()})
}

// standardDedup reports MessageDeduplicationId on inputs (or entries) of a
// send to a known-standard SQS queue.
func (c *checker) standardDedup(in *fifoqueue.Input, carriers []*fifoqueue.Input) {
	if !slices.ContainsFunc(carriers, func(x *fifoqueue.Input) bool { return len(x.Values("MessageDeduplicationId")) > 0 }) {
		return // nothing to report, whatever the queue
	}
	ev, ok := c.res.Standard(in)
	if !ok {
		return
	}
	for _, x := range carriers {
		for _, s := range x.Values("MessageDeduplicationId") {
			if !c.res.NonNil(s.Value) {
				continue
			}
			d := analysis.Diagnostic{
				Pos: s.Node.Pos(), End: s.Node.End(), Category: catStandardDedup, Related: ev.Related(),
				Message: fmt.Sprintf("MessageDeduplicationId set on a send to standard queue %q: SQS rejects it (InvalidParameterValue: not valid for this queue type); "+
					"remove it or use the .fifo queue", ev.Queue),
			}
			if kv, ok := s.Node.(*ast.KeyValueExpr); ok && x.Lit != nil {
				d.SuggestedFixes = []analysis.SuggestedFix{{
					Message:   "Remove MessageDeduplicationId (check that the queue is meant to be standard: this changes what is sent)",
					TextEdits: removeElt(x.Lit, kv),
				}}
			}
			c.rep.Report(d)
		}
	}
}

func isNilExpr(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

// removeElt deletes one element of a composite literal with its comma.
func removeElt(lit *ast.CompositeLit, kv *ast.KeyValueExpr) []analysis.TextEdit {
	for i, elt := range lit.Elts {
		if elt != ast.Expr(kv) {
			continue
		}
		switch {
		case i+1 < len(lit.Elts):
			return []analysis.TextEdit{{Pos: kv.Pos(), End: lit.Elts[i+1].Pos()}}
		case i > 0:
			return []analysis.TextEdit{{Pos: lit.Elts[i-1].End(), End: kv.End()}}
		default:
			return []analysis.TextEdit{{Pos: kv.Pos(), End: kv.End()}}
		}
	}
	return nil
}

// intValue returns the constant integer value e gives a numeric field,
// through aws.Int64 and friends, & and conversions; isNil for a nil
// pointer.
func (c *checker) intValue(e ast.Expr) (v int64, isConst, isNil bool) {
	e = ast.Unparen(e)
	tv, ok := c.info.Types[e]
	if ok && tv.IsNil() {
		return 0, false, true
	}
	if ok && tv.Value != nil {
		if i, exact := constant.Int64Val(constant.ToInt(tv.Value)); exact {
			return i, true, false
		}
		return 0, false, false
	}
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return 0, false, false
	}
	if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
		return c.intValue(call.Args[0])
	}
	fn := typeutil.StaticCallee(c.info, call)
	if fn != nil && fn.Pkg() != nil && isAWSPackage(fn.Pkg().Path()) {
		switch fn.Name() {
		case "Int64", "Int32", "Int":
			return c.intValue(call.Args[0])
		}
	}
	return 0, false, false
}

func isAWSPackage(path string) bool {
	path = fifoapi.TrimVendor(path)
	return path == "github.com/aws/aws-sdk-go-v2/aws" || path == "github.com/aws/aws-sdk-go/aws"
}

// Id format limits (types.SendMessageBatchRequestEntry, quotas-messages.html).
const (
	maxIDLen      = 128
	maxBatchIDLen = 80
	maxBatch      = 10
	maxQueueName  = 80
)

// idChar reports whether SQS and SNS accept r in a group, deduplication or
// receive request attempt id: "alphanumeric characters (a-z, A-Z, 0-9) and
// punctuation (!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~)".
func idChar(r rune) bool {
	return isAlnum(r) || r < 0x7f && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r)
}

// batchIDChar reports whether r may appear in a batch entry Id.
func batchIDChar(r rune) bool { return isAlnum(r) || r == '-' || r == '_' }

func isAlnum(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
}

// badChar returns the first rune of the constant parts that ok rejects.
func badChar(parts []string, ok func(rune) bool) (rune, bool) {
	for _, p := range parts {
		for _, r := range p {
			if !ok(r) {
				return r, true
			}
		}
	}
	return 0, false
}

func totalLen(parts []string) int {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	return n
}

// describeValue shows a constant value or the constant parts of a value in
// a message.
func describeValue(s fifoqueue.Str) string {
	if s.Known {
		return quoteShort(s.Value)
	}
	quoted := make([]string, len(s.Frags))
	for i, f := range s.Frags {
		quoted[i] = quoteShort(f)
	}
	return "built from " + strings.Join(quoted, ", ")
}

// quoteShort quotes s, cut to 40 characters.
func quoteShort(s string) string {
	if r := []rune(s); len(r) > 40 {
		s = string(r[:37]) + "…"
	}
	return fmt.Sprintf("%q", s)
}

// idFormat reports constant group, deduplication and receive attempt ids
// that can never be valid.
func (c *checker) idFormat(p fifoapi.Param, field string, value ast.Expr) {
	s := c.res.String(value)
	if !s.Known && len(s.Frags) == 0 {
		return
	}
	svc := p.Service.String()
	limits := fmt.Sprintf("allowed: a-z A-Z 0-9 and ASCII punctuation, at most %d", maxIDLen)
	var msg string
	if r, bad := badChar(s.Frags, idChar); bad {
		msg = fmt.Sprintf("%s %s contains %q, which %s does not accept (%s)", field, describeValue(s), r, svc, limits)
	} else if n := totalLen(s.Frags); n > maxIDLen {
		msg = fmt.Sprintf("%s %s is at least %d characters long, which %s does not accept (%s)", field, describeValue(s), n, svc, limits)
	} else if s.Known && s.Value == "" && p.Service == fifoapi.SNS && field == "MessageGroupId" {
		msg = "MessageGroupId is empty, which SNS does not accept: a group id must be non-empty; set the message's ordering key or leave the field out (nil) on a standard topic"
	}
	if msg != "" {
		c.rep.Report(analysis.Diagnostic{Pos: value.Pos(), End: value.End(), Category: catIDFormat, Message: msg})
	}
}

// batchID reports a constant batch entry Id that is invalid.
func (c *checker) batchID(p fifoapi.Param, value ast.Expr) {
	if !p.IsEntry() {
		return
	}
	s := c.res.String(value)
	if !s.Known && len(s.Frags) == 0 {
		return
	}
	limits := fmt.Sprintf("batch Ids may use only A-Z a-z 0-9 - _ (at most %d)", maxBatchIDLen)
	var msg string
	if r, bad := badChar(s.Frags, batchIDChar); bad {
		msg = fmt.Sprintf("batch entry Id %s contains %q: %s", describeValue(s), r, limits)
	} else if n := totalLen(s.Frags); n > maxBatchIDLen {
		msg = fmt.Sprintf("batch entry Id %s is at least %d characters long: %s", describeValue(s), n, limits)
	} else if s.Known && s.Value == "" {
		msg = fmt.Sprintf("batch entry Id is empty: %s (InvalidBatchEntryId)", limits)
	}
	if msg != "" {
		c.rep.Report(analysis.Diagnostic{Pos: value.Pos(), End: value.End(), Category: catBatchID, Message: msg})
	}
}

// duplicateIDs reports two entries of one literal entry list with the same
// constant Id.
func (c *checker) duplicateIDs(lit *ast.CompositeLit, svc fifoapi.Service) {
	first := make(map[string]ast.Expr)
	for _, elt := range lit.Elts {
		e := c.res.Input(elt)
		if e == nil {
			continue
		}
		for _, id := range e.Values("Id") {
			v := c.res.String(id.Value)
			if !v.Known {
				continue
			}
			if prev, dup := first[v.Value]; dup {
				c.rep.Report(analysis.Diagnostic{
					Pos: id.Value.Pos(), End: id.Value.End(), Category: catBatchID,
					Message: fmt.Sprintf("batch entry Id %q is used twice in one request: %s rejects the whole batch (BatchEntryIdsNotDistinct)", v.Value, svc),
					Related: []analysis.RelatedInformation{{Pos: prev.Pos(), End: prev.End(), Message: "first used here"}},
				})
				continue
			}
			first[v.Value] = id.Value
		}
	}
}

// batchSize reports entry lists whose length is statically wrong.
func (c *checker) batchSize(p fifoapi.Param, value ast.Expr) {
	if p.EntriesField() == "" {
		return
	}
	n, ok := c.staticLen(value)
	if !ok {
		return
	}
	var msg string
	switch {
	case n > maxBatch:
		msg = fmt.Sprintf("%s with %d entries: at most %d are allowed (TooManyEntriesInBatchRequest)", p.Operation(), n, maxBatch)
	case n == 0:
		msg = fmt.Sprintf("%s with an empty, non-nil entry list: %s rejects it (EmptyBatchRequest); skip the call when there is nothing to send", p.Operation(), p.Service)
	default:
		return
	}
	c.rep.Report(analysis.Diagnostic{Pos: value.Pos(), End: value.End(), Category: catBatchSize, Message: msg})
}

// staticLen returns the length of an entry list written as a literal, a
// make with a constant length, or a slice of a whole array. An empty
// length is only reported for a literal.
func (c *checker) staticLen(e ast.Expr) (int64, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if _, keyed := elt.(*ast.KeyValueExpr); keyed {
				return 0, false
			}
		}
		return int64(len(e.Elts)), true
	case *ast.CallExpr:
		if b, ok := typeutil.Callee(c.info, e).(*types.Builtin); ok && b.Name() == "make" && len(e.Args) >= 2 {
			if n, isConst, _ := c.intValue(e.Args[1]); isConst && n > maxBatch {
				return n, true
			}
		}
	case *ast.SliceExpr:
		if e.Low != nil || e.High != nil {
			return 0, false
		}
		t := underlying(c.info.TypeOf(e.X))
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem().Underlying()
		}
		if a, ok := t.(*types.Array); ok && a.Len() > maxBatch {
			return a.Len(), true
		}
	}
	return 0, false
}

// A limit is the documented range of a numeric request field.
type limit struct {
	min, max int64
	unit     string // how the message names the range, e.g. "0 to 900 (15 minutes)"
}

// limits are keyed by the struct and the field (v2 field docs: "Valid
// values: 1 to 10", "0 to 900", "to 43200. Maximum: 12 hours";
// ReceiveMessageWaitTimeSeconds "from 0 to 20" in api_op_CreateQueue.go).
var limits = map[[2]string]limit{
	{"SendMessageInput", "DelaySeconds"}:                              {0, 900, "0 to 900 (15 minutes)"},
	{"SendMessageBatchRequestEntry", "DelaySeconds"}:                  {0, 900, "0 to 900 (15 minutes)"},
	{"ReceiveMessageInput", "MaxNumberOfMessages"}:                    {1, 10, "1 to 10"},
	{"ReceiveMessageInput", "WaitTimeSeconds"}:                        {0, 20, "0 to 20"},
	{"ReceiveMessageInput", "VisibilityTimeout"}:                      {0, 43200, "0 to 43200 (12 hours)"},
	{"ChangeMessageVisibilityInput", "VisibilityTimeout"}:             {0, 43200, "0 to 43200 (12 hours)"},
	{"ChangeMessageVisibilityBatchRequestEntry", "VisibilityTimeout"}: {0, 43200, "0 to 43200 (12 hours)"},
}

// ranges reports constants outside a field's documented range. In v2 a
// zero number is not sent, so 0 means unset there.
func (c *checker) ranges(p fifoapi.Param, field string, value ast.Expr) {
	l, ok := limits[[2]string{p.Name, field}]
	if !ok {
		return
	}
	v, isConst, _ := c.intValue(value)
	if !isConst || l.min <= v && v <= l.max || v == 0 && !p.V1 {
		return
	}
	c.rep.Report(analysis.Diagnostic{
		Pos: value.Pos(), End: value.End(), Category: catRanges,
		Message: fmt.Sprintf("%s is %d: SQS accepts %s", field, v, l.unit),
	})
}

// create checks a CreateQueue or CreateTopic call whose name and
// attributes are constant.
func (c *checker) create(call *ast.CallExpr, sig *types.Signature) {
	for i := range sig.Params().Len() {
		p, ok := fifoapi.ParamOf(sig.Params().At(i).Type())
		if !ok || p.Name != "CreateQueueInput" && p.Name != "CreateTopicInput" || i >= len(call.Args) {
			continue
		}
		in := c.res.Input(call.Args[i])
		if in == nil || in.Lit == nil || in.Escapes {
			return
		}
		c.createAttrs(in)
		return
	}
}

func (c *checker) createAttrs(in *fifoqueue.Input) {
	nameField, fifoAttr, what := "QueueName", "FifoQueue", "queue"
	if in.Param.Service == fifoapi.SNS {
		nameField, fifoAttr, what = "Name", "FifoTopic", "topic"
	}
	names := in.Values(nameField)
	if len(names) != 1 {
		return
	}
	name := c.res.String(names[0].Value)
	attrs, ok := c.constAttrs(in)
	if !name.Known || !ok {
		return
	}
	op := in.Param.Operation()
	at := names[0].Node
	report := func(format string, args ...any) {
		c.rep.Report(analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Category: catCreateAttrs, Message: fmt.Sprintf(format, args...)})
	}
	fifo := strings.EqualFold(attrs[fifoAttr], "true")
	hasSuffix := strings.HasSuffix(name.Value, fifoqueue.Suffix)
	switch {
	case hasSuffix && !fifo:
		report("%s %q without %s=true: a standard %s name cannot contain '.'; add %s=true", op, name.Value, fifoAttr, what, fifoAttr)
	case fifo && !hasSuffix:
		report("%s %q with %s=true: a FIFO %s name must end in %s; name it %q", op, name.Value, fifoAttr, what, fifoqueue.Suffix, name.Value+fifoqueue.Suffix)
	}
	if in.Param.Service != fifoapi.SQS {
		return
	}
	scope, hasScope := attrs["DeduplicationScope"]
	limit, hasLimit := attrs["FifoThroughputLimit"]
	switch {
	case hasScope && scope != "messageGroup" && scope != "queue":
		report("%s %q sets DeduplicationScope=%q: SQS accepts messageGroup or queue", op, name.Value, scope)
	case hasLimit && limit != "perQueue" && limit != "perMessageGroupId":
		report("%s %q sets FifoThroughputLimit=%q: SQS accepts perQueue or perMessageGroupId", op, name.Value, limit)
	case limit == "perMessageGroupId" && scope != "messageGroup":
		report("%s %q sets FifoThroughputLimit=perMessageGroupId without DeduplicationScope=messageGroup: SQS allows perMessageGroupId only with messageGroup; add DeduplicationScope=messageGroup", op, name.Value)
	}
	base := strings.TrimSuffix(name.Value, fifoqueue.Suffix)
	if r, bad := badChar([]string{base}, batchIDChar); bad {
		report("%s name %q contains %q: queue names may use only A-Z a-z 0-9 - _ (at most %d characters, with the .fifo suffix)", op, name.Value, r, maxQueueName)
	} else if len(name.Value) > maxQueueName {
		report("%s name %q is %d characters long: queue names may use at most %d characters, with the .fifo suffix", op, name.Value, len(name.Value), maxQueueName)
	}
}

// constAttrs returns the create input's attributes when they are a map
// literal of constants (or absent).
func (c *checker) constAttrs(in *fifoqueue.Input) (map[string]string, bool) {
	sets := in.Values("Attributes")
	attrs := make(map[string]string)
	switch len(sets) {
	case 0:
		return attrs, true
	case 1:
	default:
		return nil, false
	}
	if isNilExpr(c.info, sets[0].Value) {
		return attrs, true
	}
	lit, ok := ast.Unparen(sets[0].Value).(*ast.CompositeLit)
	if !ok {
		return nil, false
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil, false
		}
		k, v := c.res.String(kv.Key), c.res.String(kv.Value)
		if !k.Known || !v.Known {
			return nil, false
		}
		attrs[k.Value] = v.Value
	}
	return attrs, true
}
