package main

import (
	"context"
	"errors"
)

func importBudget(ctx context.Context, e *env, args []string) error {
	return errors.New("not built yet")
}

func importRates(ctx context.Context, e *env, args []string) error {
	return errors.New("not built yet")
}

func exportBudget(ctx context.Context, e *env, args []string) error {
	return errors.New("not built yet")
}
