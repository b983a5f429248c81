package main

import (
	"context"
	"errors"
)

func importPractice(ctx context.Context, e *env, args []string) error {
	return errors.New("not built yet")
}

func exportPractice(ctx context.Context, e *env, args []string) error {
	return errors.New("not built yet")
}
