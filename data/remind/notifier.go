// Package remind delivers reminders: the Notifier that shows a message on the
// desktop, and the runner that claims due occurrences and fires them. The GUI
// and `masterplan remind` share it.
package remind

import "context"

// Notifier shows one desktop notification. The desktop implementation (beeep)
// lives in cmd/masterplan, the only package that imports beeep; tests use a
// fake that records what it was given.
type Notifier interface {
	Notify(ctx context.Context, title, body string) error
}
