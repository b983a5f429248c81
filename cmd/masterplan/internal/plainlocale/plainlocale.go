// Package plainlocale keeps Fyne quiet on machines whose locale is the
// plain C one (C.UTF-8 is the default of Debian and Ubuntu containers, cron
// and systemd units). Fyne reads the locale while its packages initialise
// and logs three lines of "Error parsing user locale C" on stderr, which
// would break the CLI's one-line messages and mail cron users every run.
//
// Import it first, for its side effect: Go initialises packages in import
// path order once their own imports are done, and this package, needing
// only os and strings, sorts before golang.org/x/text, which Fyne's locale
// code waits for, so it always runs before Fyne looks.
package plainlocale

import (
	"os"
	"strings"
)

func init() {
	if v, ok := languageFor(os.Getenv); ok {
		os.Setenv("LANGUAGE", v)
	}
}

// languageFor says which LANGUAGE to set, if any: English when the locale
// that applies (LC_ALL, then LC_MESSAGES, then LANG, as gettext reads them)
// is C or POSIX with an encoding, such as C.UTF-8, and LANGUAGE is unset.
// A bare C or POSIX is left alone: Fyne already reads that as English.
func languageFor(getenv func(string) string) (string, bool) {
	if getenv("LANGUAGE") != "" {
		return "", false
	}
	locale := ""
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = getenv(name); locale != "" {
			break
		}
	}
	lang, _, hasEncoding := strings.Cut(locale, ".")
	if hasEncoding && (lang == "C" || lang == "POSIX") {
		return "en", true
	}
	return "", false
}
