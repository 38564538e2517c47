// Package ids builds the identifiers the producers attach to messages.
package ids

import (
	"strconv"
	"time"
)

// Uniqid is a port of PHP's uniqid(): the current Unix time in microseconds,
// in hex. It is a timestamp, not a unique id: two calls in the same
// microsecond (two goroutines, or a loop) return the same string.
func Uniqid() string {
	return strconv.FormatInt(time.Now().UnixMicro(), 16)
}

// DedupID identifies one version of one order. A retry of the same send
// yields the same id, so SQS/SNS drop the duplicate; a new version of the
// order yields a new id.
func DedupID(orderID string, version int) string {
	return orderID + "-v" + strconv.Itoa(version)
}
