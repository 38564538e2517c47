package outbox

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// SQLStore is the Store backed by the outbox table:
//
//	CREATE TABLE outbox (
//	    id             BIGSERIAL PRIMARY KEY,
//	    aggregate_type TEXT NOT NULL,
//	    aggregate_id   TEXT NOT NULL,
//	    event_type     TEXT NOT NULL,
//	    payload        JSONB NOT NULL,
//	    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
//	    sent_at        TIMESTAMPTZ,
//	    failure        TEXT
//	);
type SQLStore struct {
	DB *sql.DB
}

// Pending implements Store.
func (s SQLStore) Pending(ctx context.Context, limit int) ([]Row, error) {
	rows, err := s.DB.QueryContext(ctx, `
		SELECT id, aggregate_type, aggregate_id, event_type, payload, created_at
		FROM outbox
		WHERE sent_at IS NULL AND failure IS NULL
		ORDER BY id
		LIMIT $1`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Row
	for rows.Next() {
		var r Row
		if err := rows.Scan(&r.ID, &r.AggregateType, &r.AggregateID, &r.EventType, &r.Payload, &r.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// MarkSent implements Store.
func (s SQLStore) MarkSent(ctx context.Context, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	placeholders := make([]string, len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		placeholders[i] = "$" + strconv.Itoa(i+1)
		args[i] = id
	}
	q := fmt.Sprintf(`UPDATE outbox SET sent_at = now() WHERE id IN (%s)`, strings.Join(placeholders, ","))
	_, err := s.DB.ExecContext(ctx, q, args...)
	return err
}

// MarkFailed implements Store.
func (s SQLStore) MarkFailed(ctx context.Context, id int64, reason string) error {
	_, err := s.DB.ExecContext(ctx, `UPDATE outbox SET failure = $2 WHERE id = $1`, id, reason)
	return err
}
