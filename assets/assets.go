// Package assets holds the files MasterPlan ships inside its binary.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the app's icon: window, notifications and the installed package.
func Icon() fyne.Resource { return fyne.NewStaticResource("icon.png", iconPNG) }

// IconPNG returns the icon's bytes, for notifiers that want a file.
func IconPNG() []byte { return iconPNG }
