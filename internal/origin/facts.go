package origin

import (
	"fmt"
	"strings"

	"github.com/fifolint/fifolint/internal/fifoapi"
)

// ResultFact describes the results of an exported function whose results
// have a decisive origin (constant, fixed, clock, entropy) or depend only on
// its parameters (pointer helpers, key builders), so that callers in other
// packages understand helpers such as ids.Uniqid() or config.Group(). On
// an exported package variable holding a clock (var Now = time.Now), it
// describes the results of calling it.
type ResultFact struct {
	Results []Origin // by result index; Kind None where nothing is known
}

func (*ResultFact) AFact() {}

func (f *ResultFact) String() string {
	parts := make([]string, len(f.Results))
	for i, r := range f.Results {
		parts[i] = r.String()
	}
	return "result(" + strings.Join(parts, ", ") + ")"
}

// SinkFact marks an exported function whose parameters flow into a FIFO id
// field: a wrapper such as Publish(ctx, group, dedup, body). Its callers are
// checked with their arguments, and diagnostics land at the call.
type SinkFact struct {
	Sinks []Sink
}

// A Sink is one id field that a function sets from its parameters.
type Sink struct {
	Field  fifoapi.IDField
	Origin Origin // pending on the parameters

	// Content: for a dedup id, the body and attributes of the message it
	// is sent with (fixedMessage), pending on the parameters too.
	Content Origin
}

func (*SinkFact) AFact() {}

func (f *SinkFact) String() string {
	parts := make([]string, len(f.Sinks))
	for i, s := range f.Sinks {
		parts[i] = fmt.Sprintf("%s=%s", s.Field.Name(), s.Origin)
	}
	return "sink(" + strings.Join(parts, ", ") + ")"
}

// VarFact marks an exported package-level variable that is assigned only
// while the program initializes (declaration, init, main, sync.Once), so
// reads from other packages see one value for the life of the process.
type VarFact struct {
	Desc string
}

func (*VarFact) AFact() {}

func (f *VarFact) String() string { return "fixed" }
