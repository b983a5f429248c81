// Command masterplan is MasterPlan: with no command it opens the desktop app;
// with one it runs headless (status, setup, milestones, backup, ...). It is
// the only package that imports Fyne's app package and beeep, so everything
// else builds and tests without cgo.
package main

import (
	// First, for its side effect: it must run before Fyne reads the locale.
	_ "github.com/masterplan-app/masterplan/cmd/masterplan/internal/plainlocale"

	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	useParentConsole(os.Args[1:])
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
