// Command barewindow is the yardstick of scripts/startup.sh: the smallest
// Fyne app that opens a window the size of MasterPlan's, so that start-up
// time and memory can be compared with MasterPlan's on the same machine.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("io.github.masterplan_app.barewindow")
	w := a.NewWindow("Bare window")
	w.SetContent(widget.NewLabel("A bare Fyne window."))
	w.Resize(fyne.NewSize(1024, 700))
	w.ShowAndRun()
}
