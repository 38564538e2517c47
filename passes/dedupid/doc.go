// Package dedupid defines an Analyzer that reports FIFO message
// deduplication ids built from the clock or fixed for the process.
//
// # Analyzer dedupid
//
// dedupid: report MessageDeduplicationId values built from the clock or fixed for the process
//
// SQS and SNS FIFO accept a message whose MessageDeduplicationId was seen in
// the last five minutes, report success, and never deliver it. Nothing in
// the response says the message was dropped.
//
// An id built from the clock, such as a port of PHP's uniqid() (hex of the
// microseconds), time.Now().UnixNano() or a formatted timestamp, looks
// unique while one producer sends at a time; once producers run in
// parallel, two sends in the same instant get the same id and all but one
// message are lost. A loop index or in-process counter, alone or with the
// clock, repeats across batches, restarts and producers. A constant, or an
// id fixed at startup (package variable, field set in the constructor,
// sync.Once, configuration decoded at start-up), drops every message after
// the first for five minutes, unless the body and attributes are fixed too:
// then it is one logical message, deduplicated on purpose. An id copied
// into every entry of one batch built in a loop (a request id, an option, a
// UUID drawn once before the loop) drops entries 2..n of that batch.
//
// A math/rand generator seeded with the clock in the call that draws from
// it (rand.New(rand.NewSource(time.Now().UnixNano())).Int63()) is the
// clock too.
//
// The check follows the value like groupid does, through helpers in any
// package (an ids.Uniqid() helper is understood at its callers), function
// values (an injectable now func() time.Time clock, a method value),
// generic functions and the user's own wrapper functions. It stays quiet on
// ids with real entropy or identity, even when they embed a timestamp:
// crypto/rand, math/rand seeded once or not at all,
// github.com/google/uuid (v4, v7), github.com/gofrs/uuid,
// github.com/oklog/ulid, github.com/segmentio/ksuid, github.com/rs/xid,
// hashes of the content, business keys, values passed in from per-message
// data, and an absent id (content-based deduplication, also when a
// wrapper's optional id is left out). The dedup keys of gocloud.dev pubsub
// and watermill-aws message metadata are checked like SDK fields. Test
// files are not checked.
//
// Flags add functions fifolint cannot see into, as comma-separated
// "pkgpath.Func" or "pkgpath.Type.Method":
//
//	-dedupid.clock    functions whose result is derived from the clock
//	-dedupid.entropy  functions whose result is random or unique
package dedupid
