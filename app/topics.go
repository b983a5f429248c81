package app

import (
	"errors"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
)

// newTopicChoice is the one topic control of the reading form, the study
// timer and log, and the practice topic form: an entry that offers the one
// topic list (Store.TopicChoices: the practice topics first, then the
// user's own) and takes a new name typed in.
func newTopicChoice(names []string) *widgets.SelectEntry {
	e := widgets.NewSelectEntry(names)
	e.PlaceHolder = "Topic (optional)"
	e.Validator = func(v string) error { return data.CheckLine("topic", v, false, data.MaxNameLen) }
	return e
}

// topicChoices reads the one topic list for the current rotation (the
// user's own topics alone before setup).
func (s *Shell) topicChoices() ([]string, error) {
	ctx := s.ctx()
	var rotationID int64
	if rot, err := s.Store.Rotation(ctx); err == nil {
		rotationID = rot.ID
	} else if !errors.Is(err, data.ErrNotFound) {
		return nil, err
	}
	return s.Store.TopicChoices(ctx, rotationID)
}
