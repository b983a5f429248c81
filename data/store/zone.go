package store

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// SystemZone returns the IANA name of the zone this computer is set to,
// for the setup to offer and for files from before the zone was stored:
// TZ when it names a zone (":Europe/Paris" and a path under a zoneinfo
// folder too; set but empty is UTC, as POSIX says), else what
// /etc/localtime links to, else /etc/timezone; "UTC" when none says (on
// Windows Go knows no IANA name for the system zone: the user picks one).
// Go's time.Local has no name to give, which is why this reads the sources.
func SystemZone() string {
	if tz, ok := os.LookupEnv("TZ"); ok {
		if tz == "" {
			return "UTC"
		}
		if name := zoneName(strings.TrimPrefix(tz, ":")); name != "" {
			return name
		}
	}
	if target, err := filepath.EvalSymlinks("/etc/localtime"); err == nil {
		if name := zoneName(target); name != "" {
			return name
		}
	}
	if b, err := os.ReadFile("/etc/timezone"); err == nil {
		if name := zoneName(strings.TrimSpace(string(b))); name != "" {
			return name
		}
	}
	return "UTC"
}

// zoneName reads an IANA name, or a path ending in zoneinfo/NAME, and
// returns it when Go knows the zone; "" otherwise.
func zoneName(s string) string {
	if _, after, ok := strings.Cut(s, "zoneinfo/"); ok {
		s = after
	}
	s = strings.TrimPrefix(s, "posix/")
	if s == "" || strings.HasPrefix(s, "/") || strings.EqualFold(s, "local") {
		return ""
	}
	if _, err := time.LoadLocation(s); err != nil {
		return ""
	}
	return s
}
