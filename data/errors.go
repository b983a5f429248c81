// Package data is MasterPlan's domain: record types, validation and the pure
// calculations behind every number the app shows. It does no I/O, knows no
// SQL and no Fyne: input in, answer out.
package data

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Sentinel errors shared by the domain and the store. Callers test with errors.Is.
var (
	// ErrInvalid marks input that breaks a rule; the wrapping error says which.
	ErrInvalid = errors.New("invalid input")
	// ErrNotFound marks a record that does not exist.
	ErrNotFound = errors.New("not found")
	// ErrConflict marks a change that clashes with what is stored (a duplicate, an overlap).
	ErrConflict = errors.New("conflict")
)

// FieldError says which field of a record is wrong and how to fix it. It
// matches ErrInvalid so callers need not know the concrete type, and the GUI
// uses Field to put the message next to the right entry.
type FieldError struct {
	Field   string
	Message string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Message }

// Is reports that every FieldError is an ErrInvalid.
func (e *FieldError) Is(target error) bool { return target == ErrInvalid }

// Invalid builds a FieldError with a formatted message.
func Invalid(field, format string, args ...any) error {
	return &FieldError{Field: field, Message: fmt.Sprintf(format, args...)}
}

// FieldMessage returns the message of the first FieldError for field inside
// err (which may be a joined error), or "" when that field is fine.
func FieldMessage(err error, field string) string {
	for _, fe := range FieldErrors(err) {
		if fe.Field == field {
			return fe.Message
		}
	}
	return ""
}

// FieldErrors lists every FieldError inside err, unwrapping joins.
func FieldErrors(err error) []*FieldError {
	var out []*FieldError
	var walk func(error)
	walk = func(e error) {
		if e == nil {
			return
		}
		var fe *FieldError
		if errors.As(e, &fe) && fe == e {
			out = append(out, fe)
			return
		}
		switch u := e.(type) {
		case interface{ Unwrap() []error }:
			for _, inner := range u.Unwrap() {
				walk(inner)
			}
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		}
	}
	walk(err)
	return out
}

// Text limits: long enough for any real title or note, short enough that a
// pasted book cannot bloat the database or break a layout.
const (
	MaxNameLen = 200  // titles, names, locations, sources
	MaxNoteLen = 4000 // free-text notes
)

// CheckText validates a trimmed text field: required or not, and at most max
// characters (runes, not bytes, so accented names are not penalised).
func CheckText(field, value string, required bool, max int) error {
	value = strings.TrimSpace(value)
	if required && value == "" {
		return Invalid(field, "is required")
	}
	if n := utf8.RuneCountInString(value); n > max {
		return Invalid(field, "is %d characters long; the limit is %d", n, max)
	}
	if !utf8.ValidString(value) {
		return Invalid(field, "contains bytes that are not valid UTF-8")
	}
	return nil
}
