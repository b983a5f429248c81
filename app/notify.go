package app

// notify shows a desktop notification on a goroutine of its own: a
// notification service can take seconds, or hang, and the window must not
// wait for it (nor the reads Deps.Background runs). failed runs on the UI
// goroutine when the notification could not be shown (not when the app has
// no notifier at all).
func (s *Shell) notify(title, body string, failed func(error)) {
	if s.Notifier == nil {
		return
	}
	ctx := s.ctx()
	s.notifying.Go(func() {
		if err := s.Notifier.Notify(ctx, title, body); err != nil {
			s.toUI(func() { failed(err) })
		}
	})
}
