package data

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// RateDoubtFactor is how far a new rate may be from the last one known
// for its currency before it is taken for a rate typed the wrong way round
// (1 USD = 0.74 GBP typed as 0.74 for GBP into USD): real rates move by a
// few percent a year, a reversed one by its square.
const RateDoubtFactor = 3

// RateDoubt is a rate that looks typed the wrong way round: both readings
// of what was typed, and the rate it was checked against.
type RateDoubt struct {
	Home     string
	Typed    Rate // as typed: 1 Currency = Typed.ToHome Home
	Reversed Rate // the other reading: 1 Home = Typed.ToHome Currency
	// Last is the rate checked against, into Home; From says where it came
	// from ("the GBP rate as of 2026-11-01", or the other direction's).
	Last decimal.Decimal
	From string
}

// CheckRateDirection compares r, a rate into home, with the last rate for
// its currency in known (rates into home; r itself left out by ID), the
// one on or before r's day, else the earliest after it; failing any, with
// the last rate the other way round in reverse (rates into r.Currency,
// whose Currency is home), inverted. A rate more than RateDoubtFactor
// times away from it is doubted. Without any rate to compare, nothing is.
func CheckRateDirection(home string, r Rate, known, reverse []Rate) (RateDoubt, bool) {
	if r.ToHome.Sign() <= 0 {
		return RateDoubt{}, false
	}
	var others []Rate
	for _, k := range known {
		if k.Currency == r.Currency && (r.ID == 0 || k.ID != r.ID) && k.ToHome.Sign() > 0 {
			others = append(others, k)
		}
	}
	last, from := decimal.Decimal{}, ""
	if c := NewRateTable(home, others).Lookup(r.Currency, r.AsOf); c.Rule != RateMissing {
		last, from = c.Rate.ToHome, fmt.Sprintf("the %s rate as of %s", r.Currency, c.Rate.AsOf)
	} else {
		var back []Rate
		for _, k := range reverse {
			if k.Currency == home && k.ToHome.Sign() > 0 {
				back = append(back, k)
			}
		}
		c := NewRateTable(r.Currency, back).Lookup(home, r.AsOf)
		if c.Rule == RateMissing {
			return RateDoubt{}, false
		}
		last = invertRate(c.Rate.ToHome)
		from = fmt.Sprintf("the rate the other way as of %s (1 %s = %s %s)", c.Rate.AsOf, home, c.Rate.ToHome.String(), r.Currency)
	}
	if last.Sign() <= 0 {
		return RateDoubt{}, false
	}
	factor := decimal.NewFromInt(RateDoubtFactor)
	ratio := r.ToHome.Div(last)
	if ratio.LessThanOrEqual(factor) && ratio.Mul(factor).GreaterThanOrEqual(decimal.NewFromInt(1)) {
		return RateDoubt{}, false
	}
	rev := r
	rev.ToHome = invertRate(r.ToHome)
	return RateDoubt{Home: home, Typed: r, Reversed: rev, Last: last, From: from}, true
}

// Question asks which reading was meant, with both: "1 GBP = 1.35 USD is
// more than 3 times the GBP rate as of 2026-11-01 (1 GBP = 0.74 USD). Did
// you mean 1 USD = 1.35 GBP, that is 1 GBP = 0.740741 USD?"
func (d RateDoubt) Question() string {
	way := "more than 3 times"
	if d.Typed.ToHome.LessThan(d.Last) {
		way = "less than a third of"
	}
	return fmt.Sprintf("1 %s = %s %s is %s %s (1 %s = %s %s).\n\nDid you mean 1 %s = %s %s, that is 1 %s = %s %s?",
		d.Typed.Currency, d.Typed.ToHome.String(), d.Home, way, d.From, d.Typed.Currency, d.Last.String(), d.Home,
		d.Home, d.Typed.ToHome.String(), d.Typed.Currency, d.Typed.Currency, d.Reversed.ToHome.String(), d.Home)
}

// TypedText and ReversedText are the two readings, for the dialog's buttons.
func (d RateDoubt) TypedText() string {
	return fmt.Sprintf("1 %s = %s %s", d.Typed.Currency, d.Typed.ToHome.String(), d.Home)
}

// ReversedText is the other reading, as the user typed its number.
func (d RateDoubt) ReversedText() string {
	return fmt.Sprintf("1 %s = %s %s", d.Home, d.Typed.ToHome.String(), d.Typed.Currency)
}

// invertRate is 1/d to six significant digits (0.740741, 0.00666667):
// as exact as a quoted rate, and short enough to read.
func invertRate(d decimal.Decimal) decimal.Decimal {
	inv := decimal.NewFromInt(1).DivRound(d, maxFractionDigits)
	if inv.IsZero() {
		return inv
	}
	// The digits before the point, or minus the zeros after it.
	lead := len(inv.Truncate(0).Abs().String())
	if inv.Abs().LessThan(decimal.NewFromInt(1)) {
		lead = 0
		for x := inv.Abs(); x.LessThan(decimal.New(1, -1)); x = x.Shift(1) {
			lead--
		}
	}
	places := int32(min(max(6-lead, 0), maxFractionDigits))
	return inv.Round(places)
}
