package summary

// RemindersStatus is the reminders part of the summary (status --json "reminders").
type RemindersStatus struct{}

// buildReminders stands in until the reminders area is built.
func buildReminders(a area) (*RemindersStatus, error) { return nil, nil }
