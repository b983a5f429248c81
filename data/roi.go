package data

import (
	"errors"

	"github.com/shopspring/decimal"
)

// ReturnInput is what the candidate expects the certification to bring, in
// the home currency: a yearly salary change, a one-off value (a bonus, a
// contract won), or both. The report shows these inputs next to the answer
// so that a manager can check the sums.
type ReturnInput struct {
	AnnualRaise decimal.Decimal
	OneOffValue decimal.Decimal
}

// Validate checks that the amounts are not negative and fit the money rules.
func (in ReturnInput) Validate() error {
	var errs []error
	for _, f := range []struct {
		field string
		v     decimal.Decimal
	}{{"expected yearly salary change", in.AnnualRaise}, {"one-off value", in.OneOffValue}} {
		if f.v.IsNegative() {
			errs = append(errs, Invalid(f.field, "cannot be negative; enter 0 if there is none"))
			continue
		}
		if err := checkAmountSize(f.field, f.v); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// ReturnReport is the payback of the total cost.
type ReturnReport struct {
	Cost           decimal.Decimal // the total cost the return is measured against
	FirstYearValue decimal.Decimal // one-off value plus a year of the raise
	// FirstYearReturn is (first-year value - cost) / cost, in percent,
	// rounded to one decimal; meaningless (and HasCost false) at no cost.
	FirstYearReturn decimal.Decimal
	HasCost         bool
	// PaybackMonths is how many months until the value covers the cost: the
	// one-off counts at once, the raise a twelfth a month. Never is true
	// when no value is expected beyond what the one-off covers.
	PaybackMonths int
	Never         bool
}

// ComputeReturn measures in against cost, both in the home currency.
func ComputeReturn(cost decimal.Decimal, in ReturnInput) ReturnReport {
	r := ReturnReport{Cost: cost, FirstYearValue: in.OneOffValue.Add(in.AnnualRaise)}
	if cost.IsPositive() {
		r.HasCost = true
		r.FirstYearReturn = r.FirstYearValue.Sub(cost).Div(cost).Mul(decimal.NewFromInt(100)).Round(1)
	}
	left := cost.Sub(in.OneOffValue)
	switch {
	case !left.IsPositive():
		r.PaybackMonths = 0
	case !in.AnnualRaise.IsPositive():
		r.Never = true
	default:
		monthly := in.AnnualRaise.Div(decimal.NewFromInt(12))
		r.PaybackMonths = int(left.Div(monthly).Ceil().IntPart())
	}
	return r
}
