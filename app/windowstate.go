package app

import (
	"context"
	"log"
	"strconv"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// WindowStateStore keeps the window's state for one database (the store
// does, in its window_state table): Fyne's preferences file is shared by
// every instance whatever --db says, and rewriting it while another
// instance read it logged "Preferences load error: EOF" in a loop.
type WindowStateStore interface {
	WindowState(ctx context.Context) (map[string]string, error)
	SetWindowState(ctx context.Context, key, value string) error
}

// Keys of the window's state.
const (
	stateLastScreen   = "last_screen"
	stateWindowWidth  = "window_width"
	stateWindowHeight = "window_height"
	stateReadingSort  = "reading_sort"
	stateReadingDone  = "reading_done"
)

// windowState is the window's state read once at start; set writes a value
// only when it differs from the one kept, off the UI goroutine (a write can
// wait for another process's transaction), one write at a time so that the
// last value set is the one that stays.
type windowState struct {
	store WindowStateStore
	run   func(func()) // where writes run: Shell.background

	mu      sync.Mutex
	wanted  map[string]string // the latest value of each key
	written map[string]string // what the store holds
	writing sync.Mutex        // one write at a time
}

func newWindowState(st WindowStateStore, run func(func())) *windowState {
	w := &windowState{store: st, run: run, wanted: map[string]string{}, written: map[string]string{}}
	if st == nil {
		return w
	}
	got, err := st.WindowState(context.Background())
	if err != nil {
		// The window works without its remembered layout.
		log.Printf("window state: %v", err)
		return w
	}
	for k, v := range got {
		w.wanted[k], w.written[k] = v, v
	}
	return w
}

// get is key's value, ok false when none was kept.
func (w *windowState) get(key string) (string, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	v, ok := w.wanted[key]
	return v, ok
}

// int is key's value as a whole number, fallback when none was kept.
func (w *windowState) int(key string, fallback int) int {
	if v, ok := w.get(key); ok {
		if n, err := strconv.Atoi(v); err == nil {
			return n
		}
	}
	return fallback
}

// baseline is key's value when none was kept: the layout's own, which
// needs no write until it changes.
func (w *windowState) baseline(key, value string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, ok := w.wanted[key]; !ok {
		w.wanted[key], w.written[key] = value, value
	}
}

// set keeps value for key, writing it (in the background) only when it
// changed.
func (w *windowState) set(key, value string) {
	w.mu.Lock()
	if old, ok := w.wanted[key]; ok && old == value {
		w.mu.Unlock()
		return
	}
	w.wanted[key] = value
	w.mu.Unlock()
	w.run(func() { w.flush(key) })
}

// flushAll writes every value not yet written; a background write that
// starts later then finds nothing to do, so none reaches a closed store.
func (w *windowState) flushAll() {
	w.mu.Lock()
	keys := make([]string, 0, len(w.wanted))
	for k := range w.wanted {
		keys = append(keys, k)
	}
	w.mu.Unlock()
	for _, k := range keys {
		w.flush(k)
	}
}

func (w *windowState) setInt(key string, n int) { w.set(key, strconv.Itoa(n)) }

// flush writes key's latest value unless the store holds it already.
func (w *windowState) flush(key string) {
	if w.store == nil {
		return
	}
	w.writing.Lock()
	defer w.writing.Unlock()
	w.mu.Lock()
	v := w.wanted[key]
	stored, ok := w.written[key]
	w.mu.Unlock()
	if ok && stored == v {
		return
	}
	if err := w.store.SetWindowState(context.Background(), key, v); err != nil {
		log.Printf("window state: %v", err)
		return
	}
	w.mu.Lock()
	w.written[key] = v
	w.mu.Unlock()
}

// kept is the window state's value for key (a screen's choice kept for
// this database); ok is false when none was kept or the shell has not
// started.
func (s *Shell) kept(key string) (string, bool) {
	if s.state == nil {
		return "", false
	}
	return s.state.get(key)
}

// keep remembers a screen's choice for this database (see kept).
func (s *Shell) keep(key, value string) {
	if s.state != nil {
		s.state.set(key, value)
	}
}

// splitsIn lists the dividers in o, in the order they are laid out, so
// that each keeps its place under the same key from one start to the next.
func splitsIn(o fyne.CanvasObject) []*container.Split {
	var out []*container.Split
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *container.Split:
			out = append(out, v)
			walk(v.Leading)
			walk(v.Trailing)
		case *container.Scroll:
			walk(v.Content)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case *widget.Card:
			if v.Content != nil {
				walk(v.Content)
			}
		}
	}
	walk(o)
	return out
}

// splitKey names divider i of a screen.
func splitKey(screen string, i int) string {
	return "split." + screen + "." + strconv.Itoa(i)
}

// restoreSplits moves a screen's dividers to where the user left them.
func (s *Shell) restoreSplits(i int) {
	for n, sp := range splitsIn(s.views[i]) {
		key := splitKey(s.defs[i].title, n)
		v, ok := s.state.get(key)
		if !ok {
			s.state.baseline(key, strconv.FormatFloat(sp.Offset, 'f', 3, 64))
			continue
		}
		if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 0 && f <= 1 {
			sp.SetOffset(f)
		}
	}
}

// keepSplits remembers the dividers of every screen made so far; three
// decimals, so that a divider not moved does not count as a change.
func (s *Shell) keepSplits() {
	for i, v := range s.views {
		if v == nil || len(v.Objects) == 0 {
			continue
		}
		for n, sp := range splitsIn(v) {
			s.state.set(splitKey(s.defs[i].title, n), strconv.FormatFloat(sp.Offset, 'f', 3, 64))
		}
	}
}

// restoreWindowSize gives the window the size it had when it was closed.
func (s *Shell) restoreWindowSize() {
	w, h := s.state.int(stateWindowWidth, 0), s.state.int(stateWindowHeight, 0)
	if w >= minWindowWidth && h >= minWindowHeight {
		s.Window.Resize(fyne.NewSize(float32(w), float32(h)))
	}
}

// Smallest window size worth restoring: the app is laid out for 1024x700.
const (
	minWindowWidth  = 640
	minWindowHeight = 480
)

// rememberScreen keeps screen i as the one to open on next time, and the
// dividers of the screens made so far (a divider has no callback when it
// moves, so they are read when the user leaves a screen, and at close).
func (s *Shell) rememberScreen(i int) {
	s.keepSplits()
	s.state.setInt(stateLastScreen, i)
}

// Close keeps the window's size and dividers for the next start; call it
// once the window has closed, before the store is closed. It writes what is
// left to write at once, on the caller's goroutine.
func (s *Shell) Close() {
	if s.state == nil {
		return
	}
	if s.tabs != nil {
		s.keepSplits()
	}
	size := s.Window.Canvas().Size()
	if size.Width >= minWindowWidth && size.Height >= minWindowHeight {
		s.state.setInt(stateWindowWidth, int(size.Width))
		s.state.setInt(stateWindowHeight, int(size.Height))
	}
	s.state.flushAll()
}
