package data

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// RateDoubtFactor is how far a new rate may be from the last one known
// for its currency before it is taken for a rate typed the wrong way round
// (1 USD = 150 JPY typed as 150 for JPY into USD): real rates move by a
// few percent a year, a reversed one by its square.
const RateDoubtFactor = 3

// RateCrossDoubt is how far a rate on the other side of 1 from the last
// one may be before it is doubted. A reversed rate near parity is within 3
// times of the last (1 USD = 0.74 GBP typed for GBP, whose last rate is
// 1.35), but it lands on the other side of 1, nearer the last rate's
// inverse than the last rate itself; a real move across parity (CHF 1.08
// to 0.95) is smaller than a quarter.
const RateCrossDoubt = 1.25

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
// times away from it is doubted, and so is one more than RateCrossDoubt
// times away on the other side of 1 (nearer the last rate's inverse than
// the last rate, in ratio). Without any rate to compare, nothing is.
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
	if !farFrom(r.ToHome, last, decimal.NewFromInt(RateDoubtFactor)) &&
		!(acrossOne(r.ToHome, last) && farFrom(r.ToHome, last, decimal.NewFromFloat(RateCrossDoubt))) {
		return RateDoubt{}, false
	}
	rev := r
	rev.ToHome = invertRate(r.ToHome)
	return RateDoubt{Home: home, Typed: r, Reversed: rev, Last: last, From: from}, true
}

// farFrom says whether a and b (both positive) are more than factor
// times apart, either way.
func farFrom(a, b, factor decimal.Decimal) bool {
	ratio := a.Div(b)
	return ratio.GreaterThan(factor) || ratio.Mul(factor).LessThan(decimal.NewFromInt(1))
}

// acrossOne says whether a and b (both positive) lie on either side of 1:
// then a is nearer 1/b than b, in ratio.
func acrossOne(a, b decimal.Decimal) bool {
	one := decimal.NewFromInt(1)
	return a.LessThan(one) && b.GreaterThan(one) || a.GreaterThan(one) && b.LessThan(one)
}

// Question asks which reading was meant, with both: "1 GBP = 0.74 USD is
// 45 % less than the GBP rate as of 2026-11-01 (1 GBP = 1.35 USD), and
// close to its inverse, 0.740741. Did you mean 1 USD = 0.74 GBP, that is
// 1 GBP = 1.35135 USD?"
func (d RateDoubt) Question() string {
	if d.Last.Sign() <= 0 { // no doubt: nothing to ask
		return ""
	}
	return fmt.Sprintf("1 %s = %s %s is %s %s (1 %s = %s %s)%s.\n\nDid you mean 1 %s = %s %s, that is 1 %s = %s %s?",
		d.Typed.Currency, d.Typed.ToHome.String(), d.Home, d.howFar(), d.From, d.Typed.Currency, d.Last.String(), d.Home, d.nearInverse(),
		d.Home, d.Typed.ToHome.String(), d.Typed.Currency, d.Typed.Currency, d.Reversed.ToHome.String(), d.Home)
}

// howFar says how the typed rate stands to the last: "more than 3 times"
// and "less than a third of" beyond RateDoubtFactor, else "45 % less
// than" or "130 % more than".
func (d RateDoubt) howFar() string {
	ratio := d.Typed.ToHome.Div(d.Last)
	factor := decimal.NewFromInt(RateDoubtFactor)
	switch {
	case ratio.GreaterThan(factor):
		return fmt.Sprintf("more than %d times", RateDoubtFactor)
	case ratio.Mul(factor).LessThan(decimal.NewFromInt(1)):
		return "less than a third of"
	case ratio.LessThan(decimal.NewFromInt(1)):
		return decimal.NewFromInt(1).Sub(ratio).Shift(2).Round(0).String() + " % less than"
	}
	return ratio.Sub(decimal.NewFromInt(1)).Shift(2).Round(0).String() + " % more than"
}

// nearInverse adds ", and close to its inverse, 0.740741" when the typed
// rate is within RateCrossDoubt of 1/Last: the sign of a reversal that
// the factor alone would not show.
func (d RateDoubt) nearInverse() string {
	inv := invertRate(d.Last)
	if inv.Sign() <= 0 || farFrom(d.Typed.ToHome, inv, decimal.NewFromFloat(RateCrossDoubt)) {
		return ""
	}
	return ", and close to its inverse, " + inv.String()
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
