package app

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
)

// saveRequest is what the save dialog needs: what is saved, the file name
// it suggests, and how to write the file.
type saveRequest struct {
	title string // the dialog's title, "Save the report"
	name  string // the file name suggested, in the last folder used
	busy  string // the progress title while write runs, "Making the report…"
	// write writes the file at path. It runs off the UI goroutine (a
	// report takes a while) and touches no widget.
	write func(path string) error
	// done is the message once the file is written.
	done func(path string) string
}

// saveFile asks where to save: the full path can be typed (or pasted), or a
// folder picked with Browse. An existing file is replaced only once the
// user says so. Once written, the message offers to open the file or its
// folder with the desktop's opener.
func (s *Shell) saveFile(req saveRequest) {
	path := widgets.NewEntry()
	path.SetText(filepath.Join(s.saveDir(), req.name))
	path.Validator = func(v string) error { _, err := savePath(v); return err }
	browse := widget.NewButtonWithIcon("Folder…", theme.FolderOpenIcon(), func() {
		d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil || dir == nil {
				return
			}
			path.SetText(filepath.Join(dir.Path(), filepath.Base(path.Text)))
		}, s.Window)
		d.Resize(s.Window.Canvas().Size().Subtract(fyne.NewSize(80, 80)))
		d.Show()
	})
	var fd *formDialog
	fd = showFormDialog(s.Window, req.title, "Save",
		[]*widget.FormItem{{Text: "Save as", Widget: container.NewBorder(nil, nil, nil, browse, path), HintText: "the full path; type it, or pick the folder"}},
		map[string]fyne.Validatable{"file": path},
		func() error {
			p, err := savePath(path.Text)
			if err != nil {
				return err
			}
			fd.next = func() { s.writeSaved(req, p) }
			if _, err := os.Stat(p); err == nil {
				fd.next = func() {
					s.confirm("Replace "+filepath.Base(p)+"?", "A file with this name is already in "+filepath.Dir(p)+". Saving replaces it.", "Replace",
						func() { s.writeSaved(req, p) })
				}
			}
			return nil
		})
}

// writeSaved writes the file behind a progress dialog, then offers to open it.
func (s *Shell) writeSaved(req saveRequest, path string) {
	s.lastSaveDir = filepath.Dir(path)
	prog := dialog.NewCustomWithoutButtons(req.busy, widget.NewProgressBarInfinite(), s.Window)
	prog.Show()
	s.background(func() {
		err := req.write(path)
		s.toUI(func() {
			prog.Hide()
			if err != nil {
				s.showError(err)
				return
			}
			s.showSaved(req.done(path), path)
			s.changed()
		})
	})
}

// showSaved says the file at path is written and offers to open it or the
// folder it is in.
func (s *Shell) showSaved(message, path string) {
	text := widget.NewLabel(message)
	text.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	open := func(target string) func() {
		return func() {
			d.Hide()
			if err := s.App.OpenURL(&url.URL{Scheme: "file", Path: target}); err != nil {
				s.showError(fmt.Errorf("open %s: %w", target, err))
			}
		}
	}
	closeBtn := widget.NewButton("Close", func() { d.Hide() })
	openBtn := widget.NewButtonWithIcon("Open", theme.FileIcon(), open(path))
	openBtn.Importance = widget.HighImportance
	folderBtn := widget.NewButtonWithIcon("Show folder", theme.FolderOpenIcon(), open(filepath.Dir(path)))
	d = dialog.NewCustomWithoutButtons("Saved", text, s.Window)
	d.SetButtons([]fyne.CanvasObject{closeBtn, folderBtn, openBtn})
	d.Resize(fyne.NewSize(520, 0))
	s.saved = d
	// Nothing takes the focus: a focused button takes only Space, and the
	// window's dialog keys give Enter to Open and Esc to Close.
	d.Show()
}

// saveDir is the folder the save dialog suggests: the last one used, else
// the user's Documents folder, else home.
func (s *Shell) saveDir() string {
	if s.lastSaveDir != "" {
		return s.lastSaveDir
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return os.TempDir()
	}
	if docs := filepath.Join(home, "Documents"); isDir(docs) {
		return docs
	}
	return home
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// fullPathStart is how a full path starts on this system, for the message
// that asks for one.
func fullPathStart() string {
	if runtime.GOOS == "windows" {
		return `a drive, such as C:\`
	}
	return "/"
}

// savePath checks a typed path: absolute (or starting with ~), in a folder
// that exists, and not a folder itself.
func savePath(typed string) (string, error) {
	p := strings.TrimSpace(typed)
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, p[1:])
		}
	}
	switch {
	case p == "":
		return "", data.Invalid("file", "is empty; type the full path of the file to write")
	case !filepath.IsAbs(p):
		return "", data.Invalid("file", "%q is not a full path; start it with %s (or ~ for your home folder)", typed, fullPathStart())
	case isDir(p):
		return "", data.Invalid("file", "%s is a folder; add the file name", p)
	case !isDir(filepath.Dir(p)):
		return "", data.Invalid("file", "the folder %s does not exist", filepath.Dir(p))
	}
	return filepath.Clean(p), nil
}

// writeFileAtomic writes a file through a temporary one in the same folder,
// renamed over path at the end: a failure leaves no half-written file.
func writeFileAtomic(path string, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := errors.Join(tmp.Sync(), tmp.Close()); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// confirm asks a question whose yes button says yes (Replace, Restore);
// yes runs only when the user agrees.
func (s *Shell) confirm(title, message, yes string, agreed func()) {
	d := dialog.NewConfirm(title, message, func(ok bool) {
		if ok {
			agreed()
		}
	}, s.Window)
	d.SetConfirmText(yes)
	d.Show()
}
