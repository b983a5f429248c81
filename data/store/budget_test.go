package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/masterplan-app/masterplan/data"
)

// hotelItem is a valid planned hotel range paid half by the employer.
func hotelItem(t testing.TB) data.BudgetItem {
	t.Helper()
	return data.BudgetItem{
		Category: data.CategoryHotel, Description: "Hotel in Redmond",
		Date: date(t, "2026-05-31"), EndDate: date(t, "2026-06-07"),
		Planned: data.NewMoney("1512.00", "USD"), PaidBy: data.PaidBySplit, EmployerPercent: 50,
		Reimbursement: data.NotClaimed,
	}
}

func TestBudgetItemsRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := openTemp(t)
	r := setUp(t, s)
	fee := data.ProgramFee(date(t, "2026-04-01"))
	fee.Actual = data.NewMoney("18500", "USD")
	fee.ActualHome = data.NewMoney("14623.41", "GBP")
	fee.PaidBy, fee.Reimbursement, fee.ReimbursementDate = data.PaidByEmployer, data.Claimed, date(t, "2026-04-03")
	refund := data.BudgetItem{Category: data.CategoryFlights, Description: "  Change fee refunded  ", Planned: data.NewMoney("-45", "JPY"),
		PaidBy: data.PaidByMe, Reimbursement: data.NotClaimed, Refund: true}
	saved, err := s.AddBudgetItems(ctx, r.ID, []data.BudgetItem{refund, hotelItem(t), fee})
	if err != nil {
		t.Fatalf("add: %v", err)
	}
	for _, it := range saved {
		if it.ID == 0 {
			t.Fatalf("saved item without an ID: %+v", it)
		}
	}
	s.Close()
	s = openAt(t, path)
	got, err := s.BudgetItems(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("read %d items, want 3", len(got))
	}
	// Dated items by date first, the undated refund last.
	if got[0].Category != data.CategoryProgramFee || got[1].Category != data.CategoryHotel || got[2].Category != data.CategoryFlights {
		t.Errorf("order = %s, %s, %s", got[0].Category, got[1].Category, got[2].Category)
	}
	f := got[0]
	if !f.Planned.Equal(data.NewMoney("18500", "USD")) || !f.Actual.Equal(data.NewMoney("18500.00", "USD")) ||
		!f.ActualHome.Equal(data.NewMoney("14623.41", "GBP")) || f.PaidBy != data.PaidByEmployer ||
		f.Reimbursement != data.Claimed || f.ReimbursementDate.String() != "2026-04-03" || f.Date.String() != "2026-04-01" {
		t.Errorf("fee read back as %+v", f)
	}
	h := got[1]
	if h.EndDate.String() != "2026-06-07" || h.EmployerPercent != 50 || h.PaidBy != data.PaidBySplit || h.Actual.IsSet() {
		t.Errorf("hotel read back as %+v", h)
	}
	if rf := got[2]; !rf.Refund || !rf.Date.IsZero() || rf.Description != "Change fee refunded" || !rf.Planned.Equal(data.NewMoney("-45", "JPY")) {
		t.Errorf("refund read back as %+v", rf)
	}
	var stored string
	if err := s.db.QueryRow(`SELECT planned_amount FROM budget_items WHERE id = ?`, f.ID).Scan(&stored); err != nil || stored != "18500.00" {
		t.Errorf("fee stored as %q (%v), want the exact decimal text 18500.00", stored, err)
	}

	h.Actual = data.NewMoney("1498.20", "USD")
	if _, err := s.SaveBudgetItem(ctx, r.ID, h); err != nil {
		t.Fatalf("edit: %v", err)
	}
	again, err := s.BudgetItem(ctx, h.ID)
	if err != nil || !again.Actual.Equal(h.Actual) {
		t.Errorf("edited hotel = %+v, %v", again, err)
	}
}

func TestBudgetItemsRefuseBadInputWhole(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	r := setUp(t, s)
	bad := hotelItem(t)
	bad.EmployerPercent = 140
	tests := []struct {
		name  string
		items []data.BudgetItem
		field string
	}{
		{"split over 100", []data.BudgetItem{hotelItem(t), bad}, "employer percent"},
		{"end before start", []data.BudgetItem{func() data.BudgetItem {
			it := hotelItem(t)
			it.EndDate = date(t, "2026-05-01")
			return it
		}()}, "end date"},
		{"negative without refund", []data.BudgetItem{func() data.BudgetItem {
			it := hotelItem(t)
			it.Planned = data.NewMoney("-1", "USD")
			return it
		}()}, "planned"},
		{"unknown currency", []data.BudgetItem{func() data.BudgetItem {
			it := hotelItem(t)
			it.Planned = data.NewMoney("1", "XXQ")
			return it
		}()}, "planned currency"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.AddBudgetItems(ctx, r.ID, tc.items)
			if !errors.Is(err, data.ErrInvalid) || data.FieldMessage(err, tc.field) == "" {
				t.Fatalf("err = %v, want a message for %q", err, tc.field)
			}
			if n := count(t, s, "budget_items"); n != 0 {
				t.Errorf("%d items saved from a refused batch", n)
			}
		})
	}
	t.Run("unknown rotation", func(t *testing.T) {
		if _, err := s.SaveBudgetItem(ctx, r.ID+99, hotelItem(t)); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("err = %v, want ErrNotFound", err)
		}
	})
	t.Run("edit of a deleted item", func(t *testing.T) {
		it := hotelItem(t)
		it.ID = 4242
		if _, err := s.SaveBudgetItem(ctx, r.ID, it); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("err = %v, want ErrNotFound", err)
		}
	})
}

func TestDeleteBudgetItemGivesItBack(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	r := setUp(t, s)
	it, err := s.SaveBudgetItem(ctx, r.ID, hotelItem(t))
	if err != nil {
		t.Fatal(err)
	}
	gone, err := s.DeleteBudgetItem(ctx, it.ID)
	if err != nil || gone.Description != "Hotel in Redmond" || !gone.Planned.Equal(it.Planned) {
		t.Fatalf("delete = %+v, %v", gone, err)
	}
	if _, err := s.DeleteBudgetItem(ctx, it.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("second delete: %v, want ErrNotFound", err)
	}
	gone.ID = 0
	if _, err := s.SaveBudgetItem(ctx, r.ID, gone); err != nil {
		t.Fatalf("undo: %v", err)
	}
	if n := count(t, s, "budget_items"); n != 1 {
		t.Errorf("%d items after undo, want 1", n)
	}
}

func TestRates(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	rate := func(cur, toHome, asOf string) data.Rate {
		return data.Rate{Currency: cur, ToHome: decimal.RequireFromString(toHome), AsOf: date(t, asOf)}
	}
	usd, err := s.SaveRate(ctx, "GBP", rate("USD", "0.7905", "2026-03-01"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveRate(ctx, "GBP", rate("USD", "0.8", "2026-03-01")); !errors.Is(err, data.ErrConflict) || data.FieldMessage(err, "as of") == "" {
		t.Errorf("same day twice: %v, want a conflict on as of", err)
	}
	for _, bad := range []data.Rate{rate("USD", "0", "2026-03-02"), rate("USD", "-1.2", "2026-03-02"), rate("GBP", "1", "2026-03-02")} {
		if _, err := s.SaveRate(ctx, "GBP", bad); !errors.Is(err, data.ErrInvalid) {
			t.Errorf("save %+v: %v, want ErrInvalid", bad, err)
		}
	}
	added, replaced, err := s.ImportRates(ctx, "GBP", []data.Rate{rate("USD", "0.81", "2026-03-01"), rate("EUR", "0.85", "2026-03-01")})
	if err != nil || added != 1 || replaced != 1 {
		t.Fatalf("import = %d added, %d replaced, %v; want 1 and 1", added, replaced, err)
	}
	if added, replaced, _ := s.ImportRates(ctx, "GBP", []data.Rate{rate("EUR", "0.85", "2026-03-01")}); added+replaced != 0 {
		t.Errorf("re-import of the same rate changed %d", added+replaced)
	}
	if _, _, err := s.ImportRates(ctx, "GBP", []data.Rate{rate("CHF", "0.9", "2026-03-01"), rate("CHF", "0", "2026-03-02")}); err == nil {
		t.Error("import with a zero rate succeeded")
	}
	got, err := s.Rates(ctx, "GBP")
	if err != nil || len(got) != 2 || got[0].Currency != "EUR" || got[1].Currency != "USD" || !got[1].ToHome.Equal(decimal.RequireFromString("0.81")) {
		t.Fatalf("rates = %+v, %v", got, err)
	}
	if other, _ := s.Rates(ctx, "USD"); len(other) != 0 {
		t.Errorf("rates typed for GBP show for USD: %+v", other)
	}
	gone, err := s.DeleteRate(ctx, "GBP", usd.ID)
	if err != nil || gone.Currency != "USD" {
		t.Errorf("delete = %+v, %v", gone, err)
	}
	if _, err := s.DeleteRate(ctx, "GBP", usd.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
}

func TestDecimalMarkSetting(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	if m, err := s.DecimalMark(ctx); err != nil || m != 0 {
		t.Fatalf("unset mark = %q, %v", rune(m), err)
	}
	for _, m := range []data.DecimalMark{data.DecimalComma, data.DecimalPoint, 0} {
		if err := s.SetDecimalMark(ctx, m); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.DecimalMark(ctx); got != m {
			t.Errorf("mark = %q, want %q", rune(got), rune(m))
		}
	}
	if err := s.SetDecimalMark(ctx, ';'); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("mark ';': %v", err)
	}
}

// TestBudgetMigrationFromFoundation opens a file the foundation release
// wrote (schema 00001 with a rotation in it) with this build: the budget
// tables appear, the rotation stays, and a backup is written first.
func TestBudgetMigrationFromFoundation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "masterplan.db")
	old := foundationStore(t, path)
	r := setUp(t, old)
	old.Close()

	s := openAt(t, path)
	if n := count(t, s, "budget_items") + count(t, s, "exchange_rates"); n != 0 {
		t.Errorf("new tables hold %d rows", n)
	}
	if _, err := s.SaveBudgetItem(ctx, r.ID, hotelItem(t)); err != nil {
		t.Errorf("save an item in the migrated file: %v", err)
	}
	if baks, _ := filepath.Glob(path + ".before-v*.bak"); len(baks) != 1 {
		t.Errorf("backups = %v, want one before the migration", baks)
	}
	// Deleting the rotation takes its budget with it.
	if _, err := s.db.Exec(`DELETE FROM rotations`); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, "budget_items"); n != 0 {
		t.Errorf("%d budget items outlived their rotation", n)
	}
}
