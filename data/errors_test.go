package data_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

func TestFieldErrors(t *testing.T) {
	nested := errors.Join(
		data.Invalid("track", "is required"),
		fmt.Errorf("block 2: %w", errors.Join(
			data.Invalid("end", "%s is before the start", "2026-03-01"),
			data.Invalid("time zone", "%q is not a known time zone", "Mars/Olympus"),
		)),
		errors.New("a plain error"),
		fmt.Errorf("setup: %w", fmt.Errorf("save: %w", data.Invalid("end", "a second message for end"))),
	)
	tests := []struct {
		name      string
		err       error
		wantField []string
		message   map[string]string // field -> FieldMessage
	}{
		{"nil", nil, nil, map[string]string{"track": ""}},
		{"plain error", errors.New("disk full"), nil, map[string]string{"track": ""}},
		{"single", data.Invalid("title", "is %d characters long", 10000), []string{"title"},
			map[string]string{"title": "is 10000 characters long", "due": ""}},
		{"wrapped", fmt.Errorf("save milestone: %w", data.Invalid("title", "is required")), []string{"title"},
			map[string]string{"title": "is required"}},
		{"joined and nested", nested, []string{"track", "end", "time zone", "end"},
			map[string]string{
				"track":     "is required",
				"end":       "2026-03-01 is before the start", // the first one wins
				"time zone": `"Mars/Olympus" is not a known time zone`,
				"location":  "",
			}},
		{"multiple %w", fmt.Errorf("%w: %w", data.ErrConflict, data.Invalid("start", "overlaps")), []string{"start"},
			map[string]string{"start": "overlaps"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var fields []string
			for _, fe := range data.FieldErrors(tc.err) {
				fields = append(fields, fe.Field)
			}
			if strings.Join(fields, ",") != strings.Join(tc.wantField, ",") {
				t.Errorf("FieldErrors fields = %q, want %q", fields, tc.wantField)
			}
			for field, want := range tc.message {
				if got := data.FieldMessage(tc.err, field); got != want {
					t.Errorf("FieldMessage(%q) = %q, want %q", field, got, want)
				}
			}
			if got, want := errors.Is(tc.err, data.ErrInvalid), len(tc.wantField) > 0; got != want {
				t.Errorf("errors.Is(err, ErrInvalid) = %v, want %v", got, want)
			}
		})
	}
}

func TestFieldErrorMatching(t *testing.T) {
	err := data.Invalid("title", "is required")
	if err.Error() != "title: is required" {
		t.Errorf("Error() = %q", err.Error())
	}
	if errors.Is(err, data.ErrNotFound) || errors.Is(err, data.ErrConflict) {
		t.Error("a FieldError must match only ErrInvalid")
	}
	var fe *data.FieldError
	if !errors.As(fmt.Errorf("wrap: %w", err), &fe) || fe.Field != "title" || fe.Message != "is required" {
		t.Errorf("errors.As = %+v", fe)
	}
	both := fmt.Errorf("%w: %w", data.ErrConflict, err)
	if !errors.Is(both, data.ErrConflict) || !errors.Is(both, data.ErrInvalid) {
		t.Error("a conflict wrapping a FieldError must match both sentinels")
	}
}

func TestCheckText(t *testing.T) {
	tests := []struct {
		name     string
		value    string
		required bool
		max      int
		wantMsg  string // "" when valid; else a part of the message
	}{
		{"required and present", "Exchange Server 2010", true, data.MaxNameLen, ""},
		{"required and empty", "", true, data.MaxNameLen, "is required"},
		{"required and only spaces", " \t\n ", true, data.MaxNameLen, "is required"},
		{"optional and empty", "", false, data.MaxNameLen, ""},
		{"exactly the limit", strings.Repeat("a", data.MaxNameLen), true, data.MaxNameLen, ""},
		{"the limit with spaces around", "  " + strings.Repeat("a", data.MaxNameLen) + "  ", true, data.MaxNameLen, ""},
		{"one over the limit", strings.Repeat("a", data.MaxNameLen+1), true, data.MaxNameLen, "is 201 characters long; the limit is 200"},
		{"10,000 characters", strings.Repeat("x", 10000), true, data.MaxNameLen, "is 10000 characters long; the limit is 200"},
		{"10,000 characters in a note", strings.Repeat("x", 10000), false, data.MaxNoteLen, "the limit is 4000"},
		{"accents count as one character", strings.Repeat("é", data.MaxNameLen), true, data.MaxNameLen, ""},
		{"invalid UTF-8", "Exchange \xff\xfe", true, data.MaxNameLen, "not valid UTF-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := data.CheckText("title", tc.value, tc.required, tc.max)
			if tc.wantMsg == "" {
				if err != nil {
					t.Fatalf("CheckText = %v, want nil", err)
				}
				return
			}
			if !errors.Is(err, data.ErrInvalid) {
				t.Fatalf("CheckText = %v, want ErrInvalid", err)
			}
			if msg := data.FieldMessage(err, "title"); !strings.Contains(msg, tc.wantMsg) {
				t.Errorf("message %q does not contain %q", msg, tc.wantMsg)
			}
		})
	}
}
