package main

import (
	"os"
	"path/filepath"

	"github.com/masterplan-app/masterplan/assets"
)

// notificationIcon is the path of the icon as a file that stays. beeep's
// toast registers the app's name and icon under HKCU\Software\Classes\
// AppUserModelId\MasterPlan, and Windows reads the icon from that path
// whenever it shows the toast; given bytes, beeep would write a temporary
// file and delete it straight after. The file goes in the user's local
// cache folder; if it cannot be written, the bytes still give a toast.
func notificationIcon() any {
	dir, err := os.UserCacheDir()
	if err != nil {
		return assets.IconPNG()
	}
	path, err := writeIconFile(filepath.Join(dir, "MasterPlan"), assets.IconPNG())
	if err != nil {
		return assets.IconPNG()
	}
	return path
}
