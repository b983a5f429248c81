package main

import (
	"context"
	"errors"
)

func importReading(ctx context.Context, e *env, args []string) error {
	return errors.New("not built yet")
}

func exportReading(ctx context.Context, e *env, args []string) error {
	return errors.New("not built yet")
}
