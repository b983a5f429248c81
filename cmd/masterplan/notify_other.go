//go:build !windows

package main

import "github.com/masterplan-app/masterplan/assets"

// notificationIcon is the icon as PNG bytes, which D-Bus servers show from
// the image-data hint.
func notificationIcon() any { return assets.IconPNG() }
