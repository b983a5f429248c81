package main

import (
	"context"
	"errors"
)

func runRemind(ctx context.Context, e *env, args []string) error {
	return errors.New("not built yet")
}

func exportICS(ctx context.Context, e *env, args []string) error {
	return errors.New("not built yet")
}
