package origin

import (
	"go/ast"
	"go/types"

	"github.com/fifolint/fifolint/internal/fifoapi"
)

// directIn is direct for an id set on carrier (the SDK input or entry
// literal, or the variable holding it); for a dedup id it also records
// what the message carries.
func (a *analysisState) directIn(f fifoapi.IDField, value, carrier ast.Expr, decl *ast.FuncDecl) site {
	s := a.direct(f, value, decl)
	switch f {
	case fifoapi.DedupID:
		s.content = a.ev.content(carrier, decl)
	case fifoapi.GroupID:
		s.content = a.ev.content(carrier, decl)
		if !s.content.Pending() && s.content.Kind != Const && s.content.Kind != Fixed {
			break // it varies, or is not seen: no need to look at the id
		}
		id := a.ev.value(carrier, []string{"MessageDeduplicationId"}, decl)
		if id.Kind == None && !id.Pending() {
			s.content = unknown // no id of its own: left to the queue's settings
			break
		}
		s.content = Join(s.content, id)
	}
	return s
}

// receiver returns x of a method call x.m(...), or nil.
func receiver(call *ast.CallExpr) ast.Expr {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return sel.X
	}
	return nil
}

// content joins the origins of the body and the attributes of the SQS
// message or SNS notification carrier describes. A body not seen (set
// elsewhere, or absent) is Unknown.
func (ev *evaluator) content(carrier ast.Expr, decl *ast.FuncDecl) Origin {
	if carrier == nil {
		return unknown
	}
	st, ok := structOf(ev.info.TypeOf(carrier))
	if !ok {
		return unknown
	}
	body, others := contentFields(st)
	o := ev.value(carrier, []string{body}, decl)
	if o.Kind == None && !o.Pending() {
		return unknown
	}
	for _, f := range others {
		o = Join(o, ev.value(carrier, []string{f}, decl))
	}
	return o
}

// contentFields names the fields of an SDK carrier that make up the
// message: SQS's MessageBody and attributes, SNS's Message, Subject,
// MessageStructure and attributes.
func contentFields(st *types.Struct) (body string, others []string) {
	for f := range st.Fields() {
		if f.Name() == "MessageBody" {
			return "MessageBody", []string{"MessageAttributes", "MessageSystemAttributes"}
		}
	}
	return "Message", []string{"MessageAttributes", "Subject", "MessageStructure"}
}

// fixedMessage reports whether a dedup id that is constant or fixed goes
// with a body and attributes that are constant or fixed too: the same
// logical message sent again (a start-up announcement from every replica,
// keyed by a schema digest). Deduplicating it is the point, exactly as
// content-based deduplication would, so there is nothing to report. Nor
// for the group id of such a message (its content then includes its dedup
// id): all its copies collapse into one delivery, so there is nothing in
// the group to serialize.
func fixedMessage(s site) bool {
	if s.origin.Kind != Const && s.origin.Kind != Fixed || s.content.Pending() {
		return false
	}
	return s.content.Kind == Const || s.content.Kind == Fixed
}
