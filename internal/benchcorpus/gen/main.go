//go:build fifolintbench

// The gen command writes the benchmark corpus of scripts/bench.sh: a Go
// module of SQS/SNS producer code and of plain business logic.
//
// Usage:
//
//	go run -tags fifolintbench ./internal/benchcorpus/gen -o DIR [-packages N] [-kube]
//
// The corpus has four kinds of packages, in fixed proportions of N:
//
//   - domain/dNNN (1/2): business logic without AWS imports (orders,
//     invoices, pricing, state machines), a quarter of them with tests;
//   - ids/idsN (1/40): helpers that derive ids from content, time,
//     randomness or keys;
//   - queue/qNN (3/40): publisher wrappers around the SQS and SNS clients,
//     each relaying to the previous one (cross-package wrapper chains);
//   - producers/pNNN (the rest): services with clients in struct fields,
//     constructors, and methods that build SendMessageInput, PublishInput
//     and batch entries with group and deduplication ids of various
//     origins, directly or through the wrappers.
//
// With -kube, the corpus also has platform/kube, which reads the tenants'
// queue URLs from Kubernetes ConfigMaps with k8s.io/client-go, and
// cmd/relay, which wires it to a producer: a large dependency graph (about
// 600 packages of client-go, apimachinery and their dependencies) that
// never touches a FIFO id, as in a Kubernetes operator. scripts/bench.sh
// measures go vet there, where every dependency is analysed for facts.
//
// The output depends only on N and -kube. The caller runs "go mod tidy"
// in DIR.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"text/template"
)

// The AWS SDK versions the corpus requires.
const goMod = `module example.com/benchcorpus

go 1.25.0

require (
	github.com/aws/aws-sdk-go-v2 v1.48.0
	github.com/aws/aws-sdk-go-v2/service/sns v1.47.10
	github.com/aws/aws-sdk-go-v2/service/sqs v1.52.11
)
`

// The Kubernetes modules the -kube corpus requires.
const kubeRequire = `
require (
	k8s.io/api v0.37.2
	k8s.io/apimachinery v0.37.2
	k8s.io/client-go v0.37.2
)
`

const modulePath = "example.com/benchcorpus"

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	out := flag.String("o", "", "directory to write the corpus module into (created)")
	total := flag.Int("packages", 200, "number of packages")
	kube := flag.Bool("kube", false, "add platform/kube and cmd/relay, which import k8s.io/client-go")
	flag.Parse()
	if *out == "" || *total < 8 {
		log.Fatal("usage: gen -o DIR [-packages N] [-kube] (N >= 8)")
	}

	c := newCorpus(*total)
	c.kube = *kube
	if err := c.write(*out); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("wrote %d packages (%d domain, %d ids, %d queue, %d producers) to %s\n",
		*total, c.domains, c.ids, c.queues, c.producers, *out)
}

// corpus holds the number of packages of each kind.
type corpus struct {
	domains, ids, queues, producers int
	kube                            bool // add platform/kube and cmd/relay
}

func newCorpus(total int) corpus {
	c := corpus{
		domains: total / 2,
		ids:     max(1, total/40),
		queues:  max(1, total*3/40),
	}
	c.producers = total - c.domains - c.ids - c.queues
	return c
}

func (c corpus) write(dir string) error {
	mod := goMod
	if c.kube {
		mod += kubeRequire
		if err := writeFile(dir, "platform/kube/kube.go", []byte(kubeSource)); err != nil {
			return err
		}
		if err := c.render(dir, "cmd/relay/main.go", relayTemplate, nil); err != nil {
			return err
		}
	}
	if err := writeFile(dir, "go.mod", []byte(mod)); err != nil {
		return err
	}
	for i := range c.domains {
		d := domainData{Name: fmt.Sprintf("d%03d", i), Index: i, Extra: 4 + i%5}
		if i > 0 && i%3 == 0 {
			d.Base = fmt.Sprintf("d%03d", i-1)
		}
		if err := c.render(dir, "domain/"+d.Name+"/"+d.Name+".go", domainTemplate, d); err != nil {
			return err
		}
		if i%4 == 0 {
			if err := c.render(dir, "domain/"+d.Name+"/"+d.Name+"_test.go", domainTestTemplate, d); err != nil {
				return err
			}
		}
	}
	for i := range c.ids {
		name := fmt.Sprintf("ids%d", i)
		if err := c.render(dir, "ids/"+name+"/"+name+".go", idsTemplate, struct{ Name string }{name}); err != nil {
			return err
		}
	}
	for i := range c.queues {
		q := queueData{Name: fmt.Sprintf("q%02d", i), IDs: fmt.Sprintf("ids%d", i%c.ids)}
		if i > 0 {
			q.Prev = fmt.Sprintf("q%02d", i-1)
		}
		if err := c.render(dir, "queue/"+q.Name+"/"+q.Name+".go", queueTemplate, q); err != nil {
			return err
		}
	}
	for i := range c.producers {
		p := producerData{
			Name:   fmt.Sprintf("p%03d", i),
			Index:  i,
			Domain: fmt.Sprintf("d%03d", i%c.domains),
			IDs:    fmt.Sprintf("ids%d", i%c.ids),
			Queue:  fmt.Sprintf("q%02d", i%c.queues),
		}
		p.pickOrigins()
		if err := c.render(dir, "producers/"+p.Name+"/"+p.Name+".go", producerTemplate, p); err != nil {
			return err
		}
	}
	return nil
}

// render executes tmpl with data, formats the result, and writes it.
func (c corpus) render(dir, name string, tmpl *template.Template, data any) error {
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, data); err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	src, err := format.Source(buf.Bytes())
	if err != nil {
		return fmt.Errorf("%s: generated code does not parse: %v\n%s", name, err, buf.Bytes())
	}
	return writeFile(dir, name, src)
}

func writeFile(dir, name string, content []byte) error {
	file := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	return os.WriteFile(file, content, 0o644)
}

var funcs = template.FuncMap{
	"mod": func() string { return modulePath },
	"seq": func(n int) []int {
		s := make([]int, n)
		for i := range s {
			s[i] = i
		}
		return s
	},
}

func parse(text string) *template.Template {
	return template.Must(template.New("").Funcs(funcs).Parse(text))
}

// domainData describes a business-logic package. Base, if set, is an
// earlier domain package whose rounding rule this one reuses.
type domainData struct {
	Name  string
	Index int
	Base  string
	Extra int // number of generated pricing rules, for size variety
}

var domainTemplate = parse(`// Package {{.Name}} models the orders and invoices of one business area.
package {{.Name}}

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
{{if .Base}}
	"{{mod}}/domain/{{.Base}}"
{{end}}
)

// Money is an amount in cents.
type Money int64

func (m Money) String() string {
	sign := ""
	if m < 0 {
		sign, m = "-", -m
	}
	return fmt.Sprintf("%s%d.%02d", sign, m/100, m%100)
}

// Round rounds m to the nearest multiple of step cents.
func Round(m Money, step Money) Money {
{{- if .Base}}
	return Money({{.Base}}.Round({{.Base}}.Money(m), {{.Base}}.Money(step)))
{{- else}}
	if step <= 0 {
		return m
	}
	return (m + step/2) / step * step
{{- end}}
}

// A LineItem is one line of an order.
type LineItem struct {
	SKU   string
	Qty   int
	Price Money
}

// Status is the state of an order.
type Status int

const (
	Pending Status = iota
	Paid
	Shipped
	Delivered
	Cancelled
)

func (s Status) String() string {
	switch s {
	case Pending:
		return "pending"
	case Paid:
		return "paid"
	case Shipped:
		return "shipped"
	case Delivered:
		return "delivered"
	case Cancelled:
		return "cancelled"
	}
	return "status(" + strconv.Itoa(int(s)) + ")"
}

// An Order is a customer's order.
type Order struct {
	ID         string
	CustomerID string
	Region     string
	Version    int
	Created    time.Time
	Lines      []LineItem
	Status     Status
}

// ErrEmpty is returned for orders without lines.
var ErrEmpty = errors.New("{{.Name}}: order has no lines")

// Total returns the sum of the order's lines.
func (o Order) Total() Money {
	var total Money
	for _, l := range o.Lines {
		total += Money(l.Qty) * l.Price
	}
	return total
}

// Validate checks the order's invariants.
func (o Order) Validate() error {
	if o.ID == "" || o.CustomerID == "" {
		return fmt.Errorf("{{.Name}}: order %q: missing id or customer", o.ID)
	}
	if len(o.Lines) == 0 {
		return ErrEmpty
	}
	for i, l := range o.Lines {
		if l.Qty <= 0 {
			return fmt.Errorf("{{.Name}}: order %s line %d: quantity %d", o.ID, i, l.Qty)
		}
		if _, _, err := ParseSKU(l.SKU); err != nil {
			return fmt.Errorf("{{.Name}}: order %s line %d: %w", o.ID, i, err)
		}
	}
	return nil
}

// Encode returns the JSON form of the order.
func (o Order) Encode() (string, error) {
	data, err := json.Marshal(o)
	if err != nil {
		return "", fmt.Errorf("{{.Name}}: encode %s: %w", o.ID, err)
	}
	return string(data), nil
}

// Decode parses the JSON form of an order.
func Decode(s string) (Order, error) {
	var o Order
	if err := json.Unmarshal([]byte(s), &o); err != nil {
		return Order{}, fmt.Errorf("{{.Name}}: decode: %w", err)
	}
	return o, o.Validate()
}

// ApplyDiscount returns a copy of o with every price reduced by pct percent.
func ApplyDiscount(o Order, pct int) Order {
	lines := make([]LineItem, len(o.Lines))
	for i, l := range o.Lines {
		l.Price = Round(l.Price*Money(100-pct)/100, 1)
		lines[i] = l
	}
	o.Lines = lines
	o.Version++
	return o
}

// GroupByCustomer groups orders by customer id.
func GroupByCustomer(orders []Order) map[string][]Order {
	groups := make(map[string][]Order)
	for _, o := range orders {
		groups[o.CustomerID] = append(groups[o.CustomerID], o)
	}
	return groups
}

// SortByTotal sorts orders by decreasing total, then by id.
func SortByTotal(orders []Order) {
	sort.Slice(orders, func(i, j int) bool {
		ti, tj := orders[i].Total(), orders[j].Total()
		if ti != tj {
			return ti > tj
		}
		return orders[i].ID < orders[j].ID
	})
}

// ParseSKU splits "FAMILY-SIZE" into its parts.
func ParseSKU(s string) (family string, size int, err error) {
	family, sizeText, ok := strings.Cut(s, "-")
	if !ok || family == "" {
		return "", 0, fmt.Errorf("bad SKU %q", s)
	}
	size, err = strconv.Atoi(sizeText)
	if err != nil {
		return "", 0, fmt.Errorf("bad SKU %q: %w", s, err)
	}
	return strings.ToUpper(family), size, nil
}

// Transition returns the status after event, or an error if the event
// is not allowed in status s.
func Transition(s Status, event string) (Status, error) {
	switch {
	case s == Pending && event == "pay":
		return Paid, nil
	case s == Paid && event == "ship":
		return Shipped, nil
	case s == Shipped && event == "deliver":
		return Delivered, nil
	case (s == Pending || s == Paid) && event == "cancel":
		return Cancelled, nil
	}
	return s, fmt.Errorf("{{.Name}}: event %q not allowed when %s", event, s)
}

// An Invoice bills one order.
type Invoice struct {
	ID      string
	Version int
	Order   Order
	Issued  time.Time
	Notes   []string
}

// NewInvoice bills o at time now.
func NewInvoice(o Order, now time.Time) Invoice {
	return Invoice{
		ID:      "inv-" + o.ID,
		Version: o.Version,
		Order:   o,
		Issued:  now,
	}
}

// Summary is a one-line description of the invoice.
func (inv Invoice) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s v%d for %s: %s", inv.ID, inv.Version, inv.Order.CustomerID, inv.Order.Total())
	if len(inv.Notes) > 0 {
		b.WriteString(" (" + strings.Join(inv.Notes, "; ") + ")")
	}
	return b.String()
}
{{range $i := seq .Extra}}
// Tier{{$i}} applies pricing rule {{$i}}: a volume discount above a threshold.
func Tier{{$i}}(o Order) Money {
	total := o.Total()
	threshold := Money({{$i}}+1) * 10000
	if total <= threshold {
		return total
	}
	discount := (total - threshold) * Money({{$i}}+2) / 100
	if o.Status == Cancelled {
		return 0
	}
	return Round(total-discount, 5)
}
{{end}}
`)

var domainTestTemplate = parse(`package {{.Name}}

import (
	"testing"
	"time"
)

func sample() Order {
	return Order{
		ID:         "o1",
		CustomerID: "c1",
		Created:    time.Unix(0, 0),
		Lines: []LineItem{
			{SKU: "ab-1", Qty: 2, Price: 150},
			{SKU: "cd-2", Qty: 1, Price: 99},
		},
	}
}

func TestTotal(t *testing.T) {
	if got := sample().Total(); got != 399 {
		t.Errorf("Total = %v, want 3.99", got)
	}
}

func TestTransition(t *testing.T) {
	s, err := Transition(Pending, "pay")
	if err != nil || s != Paid {
		t.Errorf("pay: %v, %v", s, err)
	}
	if _, err := Transition(Delivered, "cancel"); err == nil {
		t.Error("cancel after delivery: no error")
	}
}

func TestEncodeDecode(t *testing.T) {
	text, err := sample().Encode()
	if err != nil {
		t.Fatal(err)
	}
	o, err := Decode(text)
	if err != nil || o.ID != "o1" {
		t.Errorf("Decode: %+v, %v", o, err)
	}
}
`)

var idsTemplate = parse(`// Package {{.Name}} derives message group and deduplication ids.
package {{.Name}}

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
)

// StaticGroup is the group of messages that need no ordering.
const StaticGroup = "{{.Name}}-static"

// NewGroupID returns the group id for an ordering key.
func NewGroupID(key string) string {
	return "g-" + strings.ToLower(strings.TrimSpace(key))
}

// ContentDedup returns a deduplication id derived from the message body.
func ContentDedup(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

// TimeDedup returns a deduplication id derived from the clock.
func TimeDedup() string {
	return strconv.FormatInt(time.Now().UnixNano(), 36)
}

// RandomID returns a random id.
func RandomID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Composite joins parts into one id.
func Composite(parts ...string) string {
	return strings.Join(parts, ":")
}
`)

// queueData describes a publisher wrapper package. Prev, if set, is the
// wrapper package this one relays to.
type queueData struct {
	Name, IDs, Prev string
}

var queueTemplate = parse(`// Package {{.Name}} wraps the SQS and SNS clients for FIFO publishing.
package {{.Name}}

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"

	"{{mod}}/ids/{{.IDs}}"
{{- if .Prev}}
	"{{mod}}/queue/{{.Prev}}"
{{- end}}
)

// maxBatch is the largest batch SQS and SNS accept.
const maxBatch = 10

// A Publisher sends to one FIFO queue and one FIFO topic.
type Publisher struct {
	sqs      *sqs.Client
	sns      *sns.Client
	queueURL string
	topicARN string
}

// NewPublisher returns a publisher for queueURL and topicARN.
func NewPublisher(q *sqs.Client, t *sns.Client, queueURL, topicARN string) *Publisher {
	return &Publisher{sqs: q, sns: t, queueURL: queueURL, topicARN: topicARN}
}

// Send sends body to the queue in message group group.
func (p *Publisher) Send(ctx context.Context, group, dedup, body string) error {
	_, err := p.sqs.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(p.queueURL),
		MessageBody:            aws.String(body),
		MessageGroupId:         aws.String(group),
		MessageDeduplicationId: aws.String(dedup),
	})
	if err != nil {
		return fmt.Errorf("{{.Name}}: send: %w", err)
	}
	return nil
}

// SendContent sends body with a deduplication id derived from it.
func (p *Publisher) SendContent(ctx context.Context, group, body string) error {
	return p.Send(ctx, group, {{.IDs}}.ContentDedup([]byte(body)), body)
}

// Publish publishes body to the topic in message group group.
func (p *Publisher) Publish(ctx context.Context, group, dedup, body string) error {
	_, err := p.sns.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(p.topicARN),
		Message:                aws.String(body),
		MessageGroupId:         aws.String(group),
		MessageDeduplicationId: aws.String(dedup),
	})
	if err != nil {
		return fmt.Errorf("{{.Name}}: publish: %w", err)
	}
	return nil
}

// An Entry is one message of a batch.
type Entry struct {
	Group, Dedup, Body string
}

// ErrPartial reports that some messages of a batch failed.
var ErrPartial = errors.New("{{.Name}}: some batch entries failed")

// SendAll sends entries in batches.
func (p *Publisher) SendAll(ctx context.Context, entries []Entry) error {
	for start := 0; start < len(entries); start += maxBatch {
		chunk := entries[start:min(start+maxBatch, len(entries))]
		batch := make([]sqstypes.SendMessageBatchRequestEntry, len(chunk))
		for i, e := range chunk {
			batch[i] = sqstypes.SendMessageBatchRequestEntry{
				Id:                     aws.String(strconv.Itoa(start + i)),
				MessageBody:            aws.String(e.Body),
				MessageGroupId:         aws.String(e.Group),
				MessageDeduplicationId: aws.String(e.Dedup),
			}
		}
		out, err := p.sqs.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{
			QueueUrl: aws.String(p.queueURL),
			Entries:  batch,
		})
		if err != nil {
			return fmt.Errorf("{{.Name}}: send batch: %w", err)
		}
		if len(out.Failed) > 0 {
			return ErrPartial
		}
	}
	return nil
}

// PublishAll publishes entries in batches.
func (p *Publisher) PublishAll(ctx context.Context, entries []Entry) error {
	for start := 0; start < len(entries); start += maxBatch {
		chunk := entries[start:min(start+maxBatch, len(entries))]
		batch := make([]snstypes.PublishBatchRequestEntry, len(chunk))
		for i, e := range chunk {
			batch[i] = snstypes.PublishBatchRequestEntry{
				Id:                     aws.String(strconv.Itoa(start + i)),
				Message:                aws.String(e.Body),
				MessageGroupId:         aws.String(e.Group),
				MessageDeduplicationId: aws.String(e.Dedup),
			}
		}
		out, err := p.sns.PublishBatch(ctx, &sns.PublishBatchInput{
			TopicArn:                   aws.String(p.topicARN),
			PublishBatchRequestEntries: batch,
		})
		if err != nil {
			return fmt.Errorf("{{.Name}}: publish batch: %w", err)
		}
		if len(out.Failed) > 0 {
			return ErrPartial
		}
	}
	return nil
}

// SendAsync sends in the background and forgets the outcome.
func (p *Publisher) SendAsync(ctx context.Context, group, dedup, body string) {
	go func() {
		_ = p.Send(ctx, group, dedup, body)
	}()
}
{{if .Prev}}
// A Relay forwards messages to the previous stage's publisher, under a
// fixed group prefix.
type Relay struct {
	next   *{{.Prev}}.Publisher
	prefix string
}

// NewRelay returns a relay to next.
func NewRelay(next *{{.Prev}}.Publisher, prefix string) *Relay {
	return &Relay{next: next, prefix: prefix}
}

// Forward forwards body, keyed by key.
func (r *Relay) Forward(ctx context.Context, key, body string) error {
	return r.next.Send(ctx, r.prefix+key, {{.IDs}}.TimeDedup(), body)
}
{{end}}
`)

// producerData describes a producer service. The Group* and Dedup*
// fields are Go expressions chosen per package, so that the corpus mixes
// the id origins the passes tell apart.
type producerData struct {
	Name, Domain, IDs, Queue string
	Index                    int

	GroupInit                  string // the groupID field's value in New
	GroupOrder, GroupStatus    string // in SendOrder, SendStatus
	GroupInvoice, GroupBatch   string
	DedupOrder, DedupStatus    string
	DedupInvoice, DedupBatch   string
	WrapperGroup, WrapperDedup string // arguments of the wrapper calls
}

// Expressions usable where p (*Producer), o (Order) and body (string)
// are in scope.
var (
	groupOrigins = []string{
		"o.CustomerID",
		"p.groupID",
		"defaultGroup",
		`p.tenant + "/" + o.CustomerID`,
		"IDS.NewGroupID(o.CustomerID)",
		"IDS.StaticGroup",
		`fmt.Sprintf("%s-%s", p.tenant, o.Region)`,
		"IDS.Composite(p.tenant, o.Region)",
	}
	dedupOrigins = []string{
		"IDS.ContentDedup([]byte(body))",
		"IDS.RandomID()",
		"IDS.TimeDedup()",
		"o.ID",
		"strconv.FormatInt(time.Now().UnixNano(), 10)",
		`fmt.Sprintf("%s-%d", o.ID, o.Version)`,
		"IDS.Composite(o.ID, strconv.Itoa(o.Version))",
	}
	groupInits = []string{
		"IDS.NewGroupID(tenant)",
		`"orders"`,
		"tenant",
		"IDS.RandomID()",
	}
)

func (p *producerData) pickOrigins() {
	ids := func(expr string) string {
		return string(bytes.ReplaceAll([]byte(expr), []byte("IDS."), []byte(p.IDs+".")))
	}
	group := func(k int) string { return ids(groupOrigins[(p.Index*3+k)%len(groupOrigins)]) }
	dedup := func(k int) string { return ids(dedupOrigins[(p.Index*5+k)%len(dedupOrigins)]) }
	p.GroupInit = ids(groupInits[p.Index%len(groupInits)])
	p.GroupOrder, p.DedupOrder = group(0), dedup(0)
	p.GroupStatus, p.DedupStatus = group(1), dedup(1)
	p.GroupInvoice, p.DedupInvoice = group(2), dedup(2)
	p.GroupBatch, p.DedupBatch = group(3), dedup(3)
	p.WrapperGroup, p.WrapperDedup = group(4), dedup(4)
}

var producerTemplate = parse(`// Package {{.Name}} publishes the events of one service.
package {{.Name}}

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	snstypes "github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"

	"{{mod}}/domain/{{.Domain}}"
	"{{mod}}/ids/{{.IDs}}"
	"{{mod}}/queue/{{.Queue}}"
)

const defaultGroup = "{{.Name}}-events"

// SQSAPI is the part of the SQS client the service uses.
type SQSAPI interface {
	SendMessage(ctx context.Context, in *sqs.SendMessageInput, optFns ...func(*sqs.Options)) (*sqs.SendMessageOutput, error)
	SendMessageBatch(ctx context.Context, in *sqs.SendMessageBatchInput, optFns ...func(*sqs.Options)) (*sqs.SendMessageBatchOutput, error)
}

// SNSAPI is the part of the SNS client the service uses.
type SNSAPI interface {
	Publish(ctx context.Context, in *sns.PublishInput, optFns ...func(*sns.Options)) (*sns.PublishOutput, error)
	PublishBatch(ctx context.Context, in *sns.PublishBatchInput, optFns ...func(*sns.Options)) (*sns.PublishBatchOutput, error)
}

// Producer publishes the service's events.
type Producer struct {
	queue    *sqs.Client
	api      SQSAPI
	topics   SNSAPI
	pub      *{{.Queue}}.Publisher
	queueURL string
	topicARN string
	groupID  string
	tenant   string
	retries  int
}

// ErrNoQueue is returned when the producer has no queue.
var ErrNoQueue = errors.New("{{.Name}}: no queue configured")

// New returns a producer for tenant.
func New(client *sqs.Client, topics *sns.Client, queueURL, topicARN, tenant string) *Producer {
	return &Producer{
		queue:    client,
		api:      client,
		topics:   topics,
		pub:      {{.Queue}}.NewPublisher(client, topics, queueURL, topicARN),
		queueURL: queueURL,
		topicARN: topicARN,
		groupID:  {{.GroupInit}},
		tenant:   tenant,
		retries:  {{.Index}}%3 + 1,
	}
}

// NewForRegion returns a producer with clients of its own.
func NewForRegion(region, queueURL, topicARN, tenant string) *Producer {
	client := sqs.New(sqs.Options{Region: region})
	topics := sns.New(sns.Options{Region: region})
	return New(client, topics, queueURL, topicARN, tenant)
}

// SendOrder sends a new order.
func (p *Producer) SendOrder(ctx context.Context, o {{.Domain}}.Order) error {
	if p.queueURL == "" {
		return ErrNoQueue
	}
	if err := o.Validate(); err != nil {
		return err
	}
	body, err := o.Encode()
	if err != nil {
		return err
	}
	_, err = p.queue.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:               aws.String(p.queueURL),
		MessageBody:            aws.String(body),
		MessageGroupId:         aws.String({{.GroupOrder}}),
		MessageDeduplicationId: aws.String({{.DedupOrder}}),
	})
	if err != nil {
		return fmt.Errorf("{{.Name}}: send order %s: %w", o.ID, err)
	}
	return nil
}

// SendStatus sends a status change, retrying a few times.
func (p *Producer) SendStatus(ctx context.Context, o {{.Domain}}.Order, event string) error {
	next, err := {{.Domain}}.Transition(o.Status, event)
	if err != nil {
		return err
	}
	o.Status = next
	body := o.ID + ":" + next.String()
	var lastErr error
	for attempt := 0; attempt < p.retries; attempt++ {
		_, lastErr = p.api.SendMessage(ctx, &sqs.SendMessageInput{
			QueueUrl:               &p.queueURL,
			MessageBody:            aws.String(body),
			MessageGroupId:         aws.String({{.GroupStatus}}),
			MessageDeduplicationId: aws.String({{.DedupStatus}}),
			MessageAttributes: map[string]types.MessageAttributeValue{
				"attempt": {DataType: aws.String("Number"), StringValue: aws.String(strconv.Itoa(attempt))},
			},
		})
		if lastErr == nil {
			return nil
		}
		time.Sleep(time.Duration(attempt+1) * 10 * time.Millisecond)
	}
	return lastErr
}

// PublishInvoice announces an invoice.
func (p *Producer) PublishInvoice(ctx context.Context, o {{.Domain}}.Order) error {
	inv := {{.Domain}}.NewInvoice(o, time.Now())
	body := inv.Summary()
	_, err := p.topics.Publish(ctx, &sns.PublishInput{
		TopicArn:               aws.String(p.topicARN),
		Subject:                aws.String("invoice " + inv.ID),
		Message:                aws.String(body),
		MessageGroupId:         aws.String({{.GroupInvoice}}),
		MessageDeduplicationId: aws.String({{.DedupInvoice}}),
	})
	return err
}

// SendBatch sends orders in one batch.
func (p *Producer) SendBatch(ctx context.Context, orders []{{.Domain}}.Order) error {
	{{.Domain}}.SortByTotal(orders)
	entries := make([]types.SendMessageBatchRequestEntry, 0, len(orders))
	for i, o := range orders {
		body, err := o.Encode()
		if err != nil {
			return err
		}
		entries = append(entries, types.SendMessageBatchRequestEntry{
			Id:                     aws.String(strconv.Itoa(i)),
			MessageBody:            aws.String(body),
			MessageGroupId:         aws.String({{.GroupBatch}}),
			MessageDeduplicationId: aws.String({{.DedupBatch}}),
		})
	}
	out, err := p.api.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{
		QueueUrl: aws.String(p.queueURL),
		Entries:  entries,
	})
	if err != nil {
		return err
	}
	if len(out.Failed) > 0 {
		return fmt.Errorf("{{.Name}}: %d of %d orders failed", len(out.Failed), len(entries))
	}
	return nil
}

// PublishByCustomer publishes one batch per customer.
func (p *Producer) PublishByCustomer(ctx context.Context, orders []{{.Domain}}.Order) error {
	for customer, group := range {{.Domain}}.GroupByCustomer(orders) {
		entries := make([]snstypes.PublishBatchRequestEntry, 0, len(group))
		for i, o := range group {
			body, err := o.Encode()
			if err != nil {
				return err
			}
			entries = append(entries, snstypes.PublishBatchRequestEntry{
				Id:                     aws.String(fmt.Sprintf("%s-%d", customer, i)),
				Message:                aws.String(body),
				MessageGroupId:         aws.String(customer),
				MessageDeduplicationId: aws.String({{.IDs}}.ContentDedup([]byte(body))),
			})
		}
		if _, err := p.topics.PublishBatch(ctx, &sns.PublishBatchInput{
			TopicArn:                   aws.String(p.topicARN),
			PublishBatchRequestEntries: entries,
		}); err != nil {
			return fmt.Errorf("{{.Name}}: customer %s: %w", customer, err)
		}
	}
	return nil
}

// Notify sends an order through the shared publisher.
func (p *Producer) Notify(ctx context.Context, o {{.Domain}}.Order) error {
	body, err := o.Encode()
	if err != nil {
		return err
	}
	return p.pub.Send(ctx, {{.WrapperGroup}}, {{.WrapperDedup}}, body)
}

// Broadcast publishes an order through the shared publisher and keeps
// going on failure.
func (p *Producer) Broadcast(ctx context.Context, o {{.Domain}}.Order) {
	body, err := o.Encode()
	if err != nil {
		return
	}
	_ = p.pub.Publish(ctx, p.groupID, {{.IDs}}.TimeDedup(), body)
	p.pub.SendAsync(ctx, o.CustomerID, o.ID, body)
}

// Discounted sends every order again after a discount.
func (p *Producer) Discounted(ctx context.Context, orders []{{.Domain}}.Order, pct int) error {
	var entries []{{.Queue}}.Entry
	for _, o := range orders {
		d := {{.Domain}}.ApplyDiscount(o, pct)
		body, err := d.Encode()
		if err != nil {
			return err
		}
		entries = append(entries, {{.Queue}}.Entry{Group: d.CustomerID, Dedup: fmt.Sprintf("%s-%d", d.ID, d.Version), Body: body})
	}
	return p.pub.SendAll(ctx, entries)
}
`)

// kubeSource is platform/kube: the tenants' queue URLs, kept in
// ConfigMaps labelled fifolint.example.com/tenant and watched through a
// shared informer.
const kubeSource = `// Package kube finds the tenants' queue URLs in Kubernetes ConfigMaps.
package kube

import (
	"context"
	"fmt"
	"sync"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/cache"
)

const tenantLabel = "fifolint.example.com/tenant"

// Directory maps tenants to queue URLs.
type Directory struct {
	client    kubernetes.Interface
	namespace string

	mu     sync.RWMutex
	queues map[string]string
}

// NewInCluster returns a directory of the ConfigMaps of namespace, with
// the service account of the pod.
func NewInCluster(namespace string) (*Directory, error) {
	cfg, err := rest.InClusterConfig()
	if err != nil {
		return nil, fmt.Errorf("kube: in-cluster config: %w", err)
	}
	client, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		return nil, fmt.Errorf("kube: client: %w", err)
	}
	return &Directory{client: client, namespace: namespace, queues: make(map[string]string)}, nil
}

// QueueURL returns the queue URL of tenant, from the cache the watch
// fills, else from the API server.
func (d *Directory) QueueURL(ctx context.Context, tenant string) (string, error) {
	d.mu.RLock()
	url, ok := d.queues[tenant]
	d.mu.RUnlock()
	if ok {
		return url, nil
	}
	cm, err := d.client.CoreV1().ConfigMaps(d.namespace).Get(ctx, "tenant-"+tenant, metav1.GetOptions{})
	if err != nil {
		return "", fmt.Errorf("kube: tenant %s: %w", tenant, err)
	}
	url, ok = cm.Data["queueURL"]
	if !ok {
		return "", fmt.Errorf("kube: tenant %s has no queueURL", tenant)
	}
	return url, nil
}

// Watch keeps the cache up to date until ctx is done.
func (d *Directory) Watch(ctx context.Context, resync time.Duration) {
	factory := informers.NewSharedInformerFactoryWithOptions(d.client, resync, informers.WithNamespace(d.namespace))
	informer := factory.Core().V1().ConfigMaps().Informer()
	_, _ = informer.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc:    func(obj any) { d.update(obj) },
		UpdateFunc: func(_, obj any) { d.update(obj) },
		DeleteFunc: func(obj any) { d.remove(obj) },
	})
	factory.Start(ctx.Done())
	factory.WaitForCacheSync(ctx.Done())
}

func (d *Directory) update(obj any) {
	cm, ok := obj.(*corev1.ConfigMap)
	if !ok || cm.Labels[tenantLabel] == "" {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.queues[cm.Labels[tenantLabel]] = cm.Data["queueURL"]
}

func (d *Directory) remove(obj any) {
	cm, ok := obj.(*corev1.ConfigMap)
	if !ok {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	delete(d.queues, cm.Labels[tenantLabel])
}
`

// relayTemplate is cmd/relay, which sends a tenant's orders to the queue
// the directory names.
var relayTemplate = parse(`// Command relay sends the orders of one tenant to its FIFO queue.
package main

import (
	"context"
	"log"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"{{mod}}/domain/d000"
	"{{mod}}/platform/kube"
	"{{mod}}/producers/p000"
)

func main() {
	ctx := context.Background()
	dir, err := kube.NewInCluster(os.Getenv("NAMESPACE"))
	if err != nil {
		log.Fatal(err)
	}
	go dir.Watch(ctx, 10*time.Minute)
	tenant := os.Getenv("TENANT")
	url, err := dir.QueueURL(ctx, tenant)
	if err != nil {
		log.Fatal(err)
	}
	p := p000.New(sqs.New(sqs.Options{Region: "eu-west-1"}), sns.New(sns.Options{Region: "eu-west-1"}), url, os.Getenv("TOPIC_ARN"), tenant)
	if err := p.SendOrder(ctx, d000.Order{ID: tenant + "-1"}); err != nil {
		log.Fatal(err)
	}
}
`)
