package app

import "context"

// loader loads one screen's data off the UI goroutine and shows it on the
// UI goroutine, so that the window keeps drawing while years of records
// are read (issue 15: up to 100 ms on ten years of data). The screen keeps
// what it shows until the new data arrives; a load that a newer one
// overtook is dropped, so an older read never replaces a newer one.
//
// A screen's refresh calls load with a read, which must not touch widgets
// or the screen's fields (it runs on another goroutine: give it what it
// needs as arguments taken on the UI goroutine), and a show, which puts
// the result on the widgets. Shell.background runs the read (tests run it
// in place, or hold it to test what the window does meanwhile), and
// Shell.toUI hands the result back through fyne.Do.
//
// Its zero value is ready: a screen holds one per kind of load, as a field.
type loader[T any] struct {
	// begun numbers the loads begun; only the newest one's result is shown.
	// Read and written on the UI goroutine only.
	begun int
}

// load runs read off the UI goroutine through shell s, then show with its
// result on the UI goroutine, unless another load began meanwhile. When
// read fails, the error is shown in a dialog and the screen keeps its
// previous content.
func (l *loader[T]) load(s *Shell, read func(context.Context) (T, error), show func(T)) {
	l.begun++
	load := l.begun
	ctx := s.ctx()
	s.background(func() {
		v, err := read(ctx)
		s.toUI(func() {
			if load != l.begun {
				return // a newer load began meanwhile: its result is the one to show
			}
			if err != nil {
				s.showError(err)
				return
			}
			show(v)
		})
	})
}
