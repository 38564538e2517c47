// Package ids generates the identifiers shared by the producer services:
// message ids, deduplication keys and correlation stamps.
package ids

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strconv"
	"time"

	"github.com/google/uuid"
	"github.com/oklog/ulid/v2"
)

// New returns a new ULID. ULIDs sort by creation time, which makes them
// convenient for log correlation.
func New() string {
	return ulid.Make().String()
}

// NewV7 returns a time-ordered UUID (version 7).
func NewV7() string {
	return uuid.Must(uuid.NewV7()).String()
}

// Token returns 128 bits of randomness as a base32 string.
func Token() string {
	return rand.Text()
}

// ContentHash returns the hex SHA-256 of body. Two identical payloads get the
// same key, which is what we want for deduplication.
func ContentHash(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

// OrderKey builds a business key that stays stable across retries of the
// same state change.
func OrderKey(orderID string, version int) string {
	return orderID + "@v" + strconv.Itoa(version)
}

// Uniqid mirrors PHP's uniqid(): eight hex digits of seconds followed by
// five hex digits of microseconds. The legacy PHP consumers parse it.
func Uniqid() string {
	now := time.Now()
	return fmt.Sprintf("%08x%05x", now.Unix(), now.UnixMicro()%1000000)
}

// Stamp returns the current time as a compact base36 string.
func Stamp() string {
	return strconv.FormatInt(time.Now().UnixNano(), 36)
}

// TimeHex returns the current time in nanoseconds as 16 hex digits.
func TimeHex() string {
	b := binary.BigEndian.AppendUint64(nil, uint64(time.Now().UnixNano()))
	return hex.EncodeToString(b)
}
