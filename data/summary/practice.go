package summary

// PracticeStatus is the practice part of the summary (status --json "practice").
type PracticeStatus struct{}

// buildPractice stands in until the practice area is built.
func buildPractice(a area) (*PracticeStatus, error) { return nil, nil }
