package main

import (
	"context"
	"errors"
)

func importSessions(ctx context.Context, e *env, args []string) error {
	return errors.New("not built yet")
}

func exportSessions(ctx context.Context, e *env, args []string) error {
	return errors.New("not built yet")
}

func runLog(ctx context.Context, e *env, args []string) error {
	return errors.New("not built yet")
}
