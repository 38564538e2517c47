package eventbus

import "time"

// UserRegistered is published when an account is created.
type UserRegistered struct {
	ID        string    `json:"id"`
	UserID    string    `json:"user_id"`
	Email     string    `json:"email"`
	CreatedAt time.Time `json:"created_at"`
}

func (e UserRegistered) EventID() string     { return e.ID }
func (e UserRegistered) AggregateID() string { return e.UserID }
func (e UserRegistered) EventType() string   { return "UserRegistered" }

// EmailChanged is published when a user changes their e-mail address.
type EmailChanged struct {
	ID     string `json:"id"`
	UserID string `json:"user_id"`
	Old    string `json:"old"`
	New    string `json:"new"`
}

func (e EmailChanged) EventID() string     { return e.ID }
func (e EmailChanged) AggregateID() string { return e.UserID }
func (e EmailChanged) EventType() string   { return "EmailChanged" }
