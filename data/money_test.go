package data

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func dec(t *testing.T, s string) decimal.Decimal {
	t.Helper()
	d, err := decimal.NewFromString(s)
	if err != nil {
		t.Fatalf("bad decimal literal %q: %v", s, err)
	}
	return d
}

func day(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate("test", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// wantFieldError fails unless err is an ErrInvalid whose message for field
// contains want.
func wantFieldError(t *testing.T, err error, field, want string) {
	t.Helper()
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("error = %v, want an ErrInvalid on %q", err, field)
	}
	msg := FieldMessage(err, field)
	if msg == "" {
		t.Fatalf("no message for field %q in %v", field, err)
	}
	if !strings.Contains(msg, want) {
		t.Errorf("message for %q = %q, want it to contain %q", field, msg, want)
	}
}

func TestMoneyParseAmountAccepts(t *testing.T) {
	tests := []struct {
		name string
		in   string
		mark []DecimalMark
		want string
	}{
		{"plain", "18500", nil, "18500"},
		{"grouped with point decimals", "18,500.00", nil, "18500"},
		{"grouped with comma decimals", "18.500,00", nil, "18500"},
		{"space grouping and comma decimals", "1 234,56", nil, "1234.56"},
		{"no-break space grouping", "1\u00a0234,56", nil, "1234.56"},
		{"narrow no-break space grouping", "1\u202f234\u202f567", nil, "1234567"},
		{"Swiss apostrophe", "1'234.50", nil, "1234.5"},
		{"refund", "-12.50", nil, "-12.5"},
		{"typographic minus", "\u221212.50", nil, "-12.5"},
		{"explicit plus", "+7", nil, "7"},
		{"surrounding spaces", "  42.10 ", nil, "42.1"},
		{"comma decimal, two digits", "18,50", nil, "18.5"},
		{"point decimal, one digit", "12.5", nil, "12.5"},
		{"leading zero makes three decimals plain", "0.125", nil, "0.125"},
		{"comma with leading zero", "0,125", nil, "0.125"},
		{"no whole part", ".5", nil, "0.5"},
		{"four whole digits cannot be grouped", "1234.567", nil, "1234.567"},
		{"several commas are grouping", "1,234,567", nil, "1234567"},
		{"several points are grouping", "1.234.567", nil, "1234567"},
		{"Indian lakh grouping", "18,50,000.00", nil, "1850000"},
		{"Indian crore grouping", "1,23,45,678", nil, "12345678"},
		{"space group then single point is decimal", "1 234.567", nil, "1234.567"},
		{"hint point reads comma as grouping", "1,234", []DecimalMark{DecimalPoint}, "1234"},
		{"hint comma reads comma as decimal", "1,234", []DecimalMark{DecimalComma}, "1.234"},
		{"hint comma reads point as grouping", "1.234", []DecimalMark{DecimalComma}, "1234"},
		{"hint point reads point as decimal", "1.234", []DecimalMark{DecimalPoint}, "1.234"},
		{"zero hint is no hint", "18,50", []DecimalMark{0}, "18.5"},
		{"largest allowed", "999,999,999,999.99", nil, "999999999999.99"},
		{"leading zeros do not count as digits", "0000000000000012", nil, "12"},
		{"zero", "0", nil, "0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseAmount("amount", tc.in, tc.mark...)
			if err != nil {
				t.Fatalf("ParseAmount(%q) error: %v", tc.in, err)
			}
			if !got.Equal(dec(t, tc.want)) {
				t.Errorf("ParseAmount(%q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestMoneyParseAmountRejects(t *testing.T) {
	tests := []struct {
		name string
		in   string
		mark []DecimalMark
		want string
	}{
		{"ambiguous comma", "1,234", nil, `write 1234 or 1,234.00 for thousands, or 1,2340 for decimals`},
		{"ambiguous point", "1.234", nil, `write 1234 or 1.234,00 for thousands, or 1.2340 for decimals`},
		{"ambiguous negative", "-12,500", nil, "ambiguous"},
		{"empty", "", nil, "is empty"},
		{"blank", "   ", nil, "is empty"},
		{"letters", "abc", nil, `contains 'a'`},
		{"currency symbol", "$18,500", nil, "the currency has its own field"},
		{"euro symbol", "18,50 €", nil, "the currency has its own field"},
		{"exponent", "1e5", nil, "exponent notation"},
		{"accounting parentheses", "(12.50)", nil, "parentheses"},
		{"sign in the middle", "12-5", nil, "sign in the middle"},
		{"double sign", "--5", nil, "sign in the middle"},
		{"misplaced grouping", "1,23.45", nil, "misplaced thousands separators"},
		{"short last group", "1,234,56", nil, "misplaced"},
		{"leading separator", ",123,456", nil, "misplaced"},
		{"doubled separator", "1,,234.00", nil, "misplaced"},
		{"trailing space group", "1 234 ,50", nil, "misplaced"},
		{"mixed grouping", "1 234.567,89", nil, "mixes different thousands separators"},
		{"two decimal marks", "1.234,5,6", nil, "more than one decimal mark"},
		{"separator after decimal", "1,5 00", nil, "after the decimal mark"},
		{"decimal mark contradicts hint", "18.500,00", []DecimalMark{DecimalPoint}, "was expected"},
		{"several hinted decimal marks", "1.2.3", []DecimalMark{DecimalPoint}, "decimal marks"},
		{"hint turns single mark into bad grouping", "12.5", []DecimalMark{DecimalComma}, "misplaced"},
		{"unknown hint", "12", []DecimalMark{'#'}, "not one MasterPlan reads"},
		{"twenty digits", "12345678901234567890", nil, "too large"},
		{"one trillion", "1,000,000,000,000", nil, "too large"},
		{"too long text", strings.Repeat("1", 60), nil, "characters long"},
		{"too many decimals", "0." + strings.Repeat("1", 13), nil, "at most 12"},
		{"ends with decimal mark", "5.", nil, "ends with its decimal mark; write 5 or 5.00"},
		{"only a mark", ".", nil, "has no digits"},
		{"only a sign", "-", nil, "has no digits"},
		{"invalid UTF-8", "12\xff", nil, "UTF-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseAmount("amount", tc.in, tc.mark...)
			if err == nil {
				t.Fatalf("ParseAmount(%q) = %s, want an error", tc.in, got)
			}
			wantFieldError(t, err, "amount", tc.want)
		})
	}
}

func TestMoneyParseMoney(t *testing.T) {
	tests := []struct {
		name, amount, currency string
		mark                   []DecimalMark
		want                   string // "" when an error is expected
		field, msg             string
	}{
		{name: "euro cents", amount: "12,50", currency: "EUR", want: "EUR 12.50"},
		{name: "lower-case code is upper-cased", amount: "18500", currency: " usd ", want: "USD 18,500.00"},
		{name: "trailing zero beyond cents is fine", amount: "12.500", currency: "EUR", mark: []DecimalMark{DecimalPoint}, want: "EUR 12.50"},
		{name: "three decimals in dinar", amount: "1.234", currency: "BHD", mark: []DecimalMark{DecimalPoint}, want: "BHD 1.234"},
		{name: "grouped yen", amount: "1,234,567", currency: "JPY", want: "JPY 1,234,567"},
		{name: "cents too fine", amount: "12.345", currency: "USD", mark: []DecimalMark{DecimalPoint}, field: "price", msg: "more decimal places than USD has (2); write it as 12.34"},
		{name: "yen has no decimals", amount: "10.5", currency: "JPY", field: "price", msg: "JPY has no minor unit; write a whole number such as 10"},
		{name: "unknown currency", amount: "10", currency: "XYZ", field: "price currency", msg: "not a currency MasterPlan knows"},
		{name: "missing currency", amount: "10", currency: "", field: "price currency", msg: "is required"},
		{name: "both wrong", amount: "x", currency: "", field: "price", msg: "contains 'x'"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseMoney("price", tc.amount, tc.currency, tc.mark...)
			if tc.want == "" {
				if err == nil {
					t.Fatalf("ParseMoney = %v, want an error", got)
				}
				wantFieldError(t, err, tc.field, tc.msg)
				return
			}
			if err != nil {
				t.Fatalf("ParseMoney error: %v", err)
			}
			if got.Format() != tc.want {
				t.Errorf("ParseMoney = %q, want %q", got.Format(), tc.want)
			}
		})
	}
}

func TestMoneyRounding(t *testing.T) {
	t.Run("0.1 + 0.2 is exactly 0.3 in decimal, unlike float64", func(t *testing.T) {
		a, b := 0.1, 0.2
		if a+b == 0.3 {
			t.Fatal("float64 unexpectedly exact; the test no longer shows the point")
		}
		sum := dec(t, "0.1").Add(dec(t, "0.2"))
		if !sum.Equal(dec(t, "0.3")) {
			t.Errorf("0.1 + 0.2 = %s, want 0.3", sum)
		}
		if got := FormatAmount(sum, "USD"); got != "0.30" {
			t.Errorf("shown as %q, want 0.30", got)
		}
	})
	t.Run("0.1 + 0.2 converted: summed before rounding, half-even", func(t *testing.T) {
		rates := NewRateTable("USD", []Rate{{Currency: "EUR", ToHome: dec(t, "1.15"), AsOf: day(t, "2026-01-01")}})
		on := day(t, "2026-02-01")
		a := rates.Convert(NewMoney("0.10", "EUR"), on).Home // 0.115
		b := rates.Convert(NewMoney("0.20", "EUR"), on).Home // 0.230
		sum := a.Add(b)
		if !sum.Equal(dec(t, "0.345")) {
			t.Fatalf("exact sum = %s, want 0.345", sum)
		}
		if got := RoundMinor(sum, "USD"); !got.Equal(dec(t, "0.34")) {
			t.Errorf("half-even total = %s, want 0.34", got)
		}
		if got := sum.Round(2); !got.Equal(dec(t, "0.35")) {
			t.Errorf("half-up would give %s; the test expects 0.35 to show the rules differ", got)
		}
		perRow := RoundMinor(a, "USD").Add(RoundMinor(b, "USD"))
		if !perRow.Equal(dec(t, "0.35")) {
			t.Errorf("rounding rows first gives %s, want 0.35 (which is why totals sum first)", perRow)
		}
		rows := Allocate([]decimal.Decimal{a, b}, "USD")
		if !rows[0].Add(rows[1]).Equal(dec(t, "0.34")) {
			t.Errorf("allocated rows %v do not add up to 0.34", rows)
		}
	})
	tests := []struct {
		name, in, currency, halfEven, halfUp string
	}{
		{"tie to even down", "0.125", "USD", "0.12", "0.13"},
		{"tie to even up", "0.135", "USD", "0.14", "0.14"},
		{"negative tie", "-0.125", "USD", "-0.12", "-0.13"},
		{"not a tie", "0.1251", "USD", "0.13", "0.13"},
		{"yen tie down", "2.5", "JPY", "2", "3"},
		{"yen tie up", "3.5", "JPY", "4", "4"},
		{"dinar", "1.2345", "BHD", "1.234", "1.235"},
		{"unknown currency uses two places", "0.125", "XYZ", "0.12", "0.13"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := dec(t, tc.in)
			if got := RoundMinor(in, tc.currency); !got.Equal(dec(t, tc.halfEven)) {
				t.Errorf("RoundMinor(%s) = %s, want %s (half-even)", tc.in, got, tc.halfEven)
			}
			if got := in.Round(MinorUnits(tc.currency)); !got.Equal(dec(t, tc.halfUp)) {
				t.Errorf("half-up of %s = %s, want %s", tc.in, got, tc.halfUp)
			}
		})
	}
}

func TestMoneyFormat(t *testing.T) {
	tests := []struct {
		name string
		m    Money
		want string
	}{
		{"program fee", NewMoney("18500", "USD"), "USD 18,500.00"},
		{"refund", NewMoney("-12.5", "USD"), "USD -12.50"},
		{"small", NewMoney("0.5", "GBP"), "GBP 0.50"},
		{"three digits, no comma", NewMoney("100", "EUR"), "EUR 100.00"},
		{"six digits", NewMoney("100000", "EUR"), "EUR 100,000.00"},
		{"negative thousands", NewMoney("-1234567.891", "USD"), "USD -1,234,567.89"},
		{"yen rounds half-even", NewMoney("1234.5", "JPY"), "JPY 1,234"},
		{"dinar three places", NewMoney("1.2345", "BHD"), "BHD 1.234"},
		{"largest", NewMoney("999999999999.99", "USD"), "USD 999,999,999,999.99"},
		{"no amount", Money{}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.m.Format(); got != tc.want {
				t.Errorf("Format() = %q, want %q", got, tc.want)
			}
			if got := tc.m.String(); got != tc.want {
				t.Errorf("String() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestMoneyCurrencies(t *testing.T) {
	all := Currencies()
	if len(all) < 40 {
		t.Errorf("%d currencies, want at least 40", len(all))
	}
	if !slices.IsSortedFunc(all, func(a, b CurrencyInfo) int { return strings.Compare(a.Code, b.Code) }) {
		t.Error("currencies are not sorted by code; LookupCurrency's binary search depends on it")
	}
	for i, c := range all {
		if i > 0 && all[i-1].Code == c.Code {
			t.Errorf("duplicate code %s", c.Code)
		}
		if len(c.Code) != 3 || strings.ToUpper(c.Code) != c.Code || c.Name == "" {
			t.Errorf("malformed entry %+v", c)
		}
		if got, ok := LookupCurrency(c.Code); !ok || got != c {
			t.Errorf("LookupCurrency(%s) = %+v, %v", c.Code, got, ok)
		}
	}
	all[0].Code = "ZZZ"
	if ValidCurrency("ZZZ") {
		t.Error("Currencies returned the table itself, not a copy")
	}
	for code, units := range map[string]int32{
		"USD": 2, "EUR": 2, "GBP": 2, "JPY": 0, "KRW": 0, "CHF": 2, "INR": 2, "CNY": 2,
		"BHD": 3, "KWD": 3, "JOD": 3, "HUF": 2, "IDR": 2, "TWD": 2, "SEK": 2, "ZAR": 2,
	} {
		if got := MinorUnits(code); got != units {
			t.Errorf("MinorUnits(%s) = %d, want %d", code, got, units)
		}
	}
	if ValidCurrency("usd") || ValidCurrency("") || ValidCurrency("US") {
		t.Error("ValidCurrency accepts a code that is not upper-case ISO 4217")
	}
	wantFieldError(t, CheckCurrency("currency", "gbp"), "currency", "must be written in capitals: GBP")
	wantFieldError(t, CheckCurrency("currency", "ABC"), "currency", "not a currency MasterPlan knows")
	wantFieldError(t, CheckCurrency("currency", ""), "currency", "is required")
	if err := CheckCurrency("currency", "SGD"); err != nil {
		t.Errorf("CheckCurrency(SGD) = %v", err)
	}
}

func TestMoneyValidate(t *testing.T) {
	tests := []struct {
		name       string
		m          Money
		field, msg string
	}{
		{"too large", NewMoney("1000000000000", "USD"), "fee", "too large"},
		{"too large negative", NewMoney("-1000000000000", "USD"), "fee", "too large"},
		{"cents too fine", NewMoney("1.001", "EUR"), "fee", "more decimal places than EUR"},
		{"unknown currency", NewMoney("1", "ABC"), "fee currency", "not a currency"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantFieldError(t, tc.m.Validate("fee"), tc.field, tc.msg)
		})
	}
	for _, m := range []Money{NewMoney("-12.50", "USD"), NewMoney("999999999999.99", "USD"), NewMoney("0", "JPY"), NewMoney("2", "JPY")} {
		if err := m.Validate("fee"); err != nil {
			t.Errorf("Validate(%v) = %v", m, err)
		}
	}
}

func TestMoneyRateLookup(t *testing.T) {
	rates := NewRateTable("USD", []Rate{
		{Currency: "GBP", ToHome: dec(t, "1.30"), AsOf: day(t, "2026-05-01")},
		{Currency: "GBP", ToHome: dec(t, "1.25"), AsOf: day(t, "2026-01-01")},
		{Currency: "GBP", ToHome: dec(t, "1.27"), AsOf: day(t, "2026-03-01")},
		{Currency: "EUR", ToHome: dec(t, "0"), AsOf: day(t, "2026-03-01")},
		{Currency: "CHF", ToHome: dec(t, "1.10"), AsOf: Date{}},
	})
	tests := []struct {
		name     string
		currency string
		on       string
		rule     RateRule
		rate     string
		explain  string
	}{
		{"on the day of a rate", "GBP", "2026-03-01", RateOnOrBefore, "1.27", "the rate as of 2026-03-01, the item's date"},
		{"between rates takes the earlier", "GBP", "2026-04-30", RateOnOrBefore, "1.27", "the latest on or before 2026-04-30"},
		{"after every rate takes the latest", "GBP", "2027-01-01", RateOnOrBefore, "1.30", "as of 2026-05-01"},
		{"before every rate takes the earliest after", "GBP", "2025-12-31", RateAfter, "1.25", "there is no rate on or before 2025-12-31, so the earliest after it is used"},
		{"undated item takes the latest", "GBP", "", RateLatest, "1.30", "because the item has no date"},
		{"home currency", "USD", "2026-03-01", RateHome, "", "already in USD"},
		{"no rate at all", "JPY", "2026-03-01", RateMissing, "", "no rate from JPY to USD"},
		{"zero rate is dropped, so missing", "EUR", "2026-03-01", RateMissing, "", "no rate from EUR"},
		{"undated rate is dropped, so missing", "CHF", "2026-03-01", RateMissing, "", "no rate from CHF"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var on Date
			if tc.on != "" {
				on = day(t, tc.on)
			}
			c := rates.Lookup(tc.currency, on)
			if c.Rule != tc.rule {
				t.Fatalf("rule = %d, want %d", c.Rule, tc.rule)
			}
			if tc.rate != "" && !c.Rate.ToHome.Equal(dec(t, tc.rate)) {
				t.Errorf("rate = %s, want %s", c.Rate.ToHome, tc.rate)
			}
			if got := c.Explain(tc.currency, "USD"); !strings.Contains(got, tc.explain) {
				t.Errorf("Explain = %q, want it to contain %q", got, tc.explain)
			}
		})
	}
	t.Run("same day twice: the later in the list wins", func(t *testing.T) {
		dup := NewRateTable("EUR", []Rate{
			{Currency: "USD", ToHome: dec(t, "0.90"), AsOf: day(t, "2026-01-01")},
			{Currency: "USD", ToHome: dec(t, "0.91"), AsOf: day(t, "2026-01-01")},
		})
		if got := dup.Lookup("USD", day(t, "2026-01-02")).Rate.ToHome; !got.Equal(dec(t, "0.91")) {
			t.Errorf("rate = %s, want 0.91", got)
		}
	})
	t.Run("charged explains itself", func(t *testing.T) {
		got := RateChoice{Rule: RateCharged}.Explain("GBP", "USD")
		if got != "the exact amount charged in USD" {
			t.Errorf("Explain = %q", got)
		}
	})
}

func TestMoneyConvert(t *testing.T) {
	rates := NewRateTable("GBP", []Rate{{Currency: "USD", ToHome: dec(t, "0.7874"), AsOf: day(t, "2026-01-15")}})
	on := day(t, "2026-03-16")
	c := rates.Convert(NewMoney("18500", "USD"), on)
	if !c.OK() || !c.Home.Equal(dec(t, "14566.9")) || c.Choice.Rule != RateOnOrBefore {
		t.Errorf("Convert USD 18,500 = %+v, want GBP 14566.9 exact, on-or-before", c)
	}
	if !c.From.Equal(NewMoney("18500", "USD")) {
		t.Errorf("From = %v", c.From)
	}
	home := rates.Convert(NewMoney("12.34", "GBP"), on)
	if !home.OK() || !home.Home.Equal(dec(t, "12.34")) || home.Choice.Rule != RateHome {
		t.Errorf("home currency conversion = %+v", home)
	}
	missing := rates.Convert(NewMoney("1000", "EUR"), on)
	if missing.OK() || !missing.Home.IsZero() {
		t.Errorf("missing rate conversion = %+v; want not OK and no amount, never 1:1", missing)
	}
	if NewMoney("1", "USD").Equal(NewMoney("1", "EUR")) || !NewMoney("12.5", "EUR").Equal(NewMoney("12.50", "EUR")) {
		t.Error("Money.Equal compares wrongly")
	}
	if rates.Home() != "GBP" {
		t.Errorf("Home() = %q", rates.Home())
	}
}

func TestMoneyRateValidate(t *testing.T) {
	good := Rate{Currency: "GBP", ToHome: dec(t, "1.2650"), AsOf: day(t, "2026-01-01")}
	if err := good.Validate("USD"); err != nil {
		t.Fatalf("good rate: %v", err)
	}
	tests := []struct {
		name       string
		edit       func(*Rate)
		field, msg string
	}{
		{"zero", func(r *Rate) { r.ToHome = decimal.Zero }, "rate", "must be above 0"},
		{"negative", func(r *Rate) { r.ToHome = dec(t, "-1.2") }, "rate", "must be above 0"},
		{"too large", func(r *Rate) { r.ToHome = dec(t, "1000000") }, "rate", "too large"},
		{"too fine", func(r *Rate) { r.ToHome = dec(t, "0.0000000000001") }, "rate", "more than 12 decimal places"},
		{"home currency", func(r *Rate) { r.Currency = "USD" }, "currency", "converts at 1 by definition"},
		{"unknown currency", func(r *Rate) { r.Currency = "QQQ" }, "currency", "not a currency"},
		{"no date", func(r *Rate) { r.AsOf = Date{} }, "as of", "is required"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := good
			tc.edit(&r)
			wantFieldError(t, r.Validate("USD"), tc.field, tc.msg)
		})
	}
	t.Run("duplicate currency and day", func(t *testing.T) {
		other := good
		other.ToHome = dec(t, "1.3")
		err := ValidateRates("USD", []Rate{good, {Currency: "EUR", ToHome: dec(t, "1.1"), AsOf: good.AsOf}, other})
		wantFieldError(t, err, "as of", "GBP already has a rate as of 2026-01-01 (rate 1)")
		if !strings.Contains(err.Error(), "rate 3:") {
			t.Errorf("error %q does not name the third rate", err)
		}
	})
	t.Run("valid list", func(t *testing.T) {
		next := good
		next.AsOf = good.AsOf.AddDays(1)
		if err := ValidateRates("USD", []Rate{good, next}); err != nil {
			t.Error(err)
		}
		if err := ValidateRates("USD", nil); err != nil {
			t.Error(err)
		}
	})
}

func TestMoneyParseRate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{{"1.2650", "1.265"}, {"0.0000487", "0.0000487"}, {"16 234,5", "16234.5"}} {
		got, err := ParseRate("rate", tc.in)
		if err != nil || !got.Equal(dec(t, tc.want)) {
			t.Errorf("ParseRate(%q) = %s, %v; want %s", tc.in, got, err, tc.want)
		}
	}
	for _, tc := range []struct{ in, msg string }{
		{"0", "must be above 0"},
		{"-1.25", "must be above 0"},
		{"1000000", "too large"},
		{"1.265", "ambiguous"},
	} {
		_, err := ParseRate("rate", tc.in)
		wantFieldError(t, err, "rate", tc.msg)
	}
	if got, err := ParseRate("rate", "1.265", DecimalPoint); err != nil || !got.Equal(dec(t, "1.265")) {
		t.Errorf("ParseRate with a point hint = %s, %v", got, err)
	}
}

func TestMoneyAllocate(t *testing.T) {
	tests := []struct {
		name     string
		in       []string
		currency string
		want     []string
	}{
		{"empty", nil, "USD", nil},
		{"already exact stays", []string{"1.10", "2.20"}, "USD", []string{"1.10", "2.20"}},
		{"thirds", []string{"33.333", "33.333", "33.334"}, "USD", []string{"33.33", "33.33", "33.34"}},
		{"largest remainder gets the cent", []string{"0.004", "0.004", "0.002"}, "USD", []string{"0.01", "0.00", "0.00"}},
		{"ties go to the earlier row", []string{"0.005", "0.005"}, "USD", []string{"0.01", "0.00"}},
		{"refund against cost", []string{"-0.005", "0.005"}, "USD", []string{"0.00", "0.00"}},
		{"negatives", []string{"-1.004", "-2.006"}, "USD", []string{"-1.00", "-2.01"}},
		{"yen", []string{"100.5", "200.5", "300.5"}, "JPY", []string{"101", "201", "300"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var in []decimal.Decimal
			for _, s := range tc.in {
				in = append(in, dec(t, s))
			}
			got := Allocate(in, tc.currency)
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for i := range got {
				if !got[i].Equal(dec(t, tc.want[i])) {
					t.Errorf("row %d = %s, want %s", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// FuzzParseAmount checks that ParseAmount never panics, never returns an
// amount past the limit, and reads back what FormatAmount writes.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"18500", "18,500.00", "18.500,00", "1 234,56", "-12.50", "1,234", "18,50,000.00", "1'234.5", ".5", "1e5", "\u221212"} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, hint uint8) {
		marks := []DecimalMark{0, DecimalPoint, DecimalComma}
		mark := marks[int(hint)%len(marks)]
		d, err := ParseAmount("amount", s, mark)
		if err != nil {
			if FieldMessage(err, "amount") == "" {
				t.Fatalf("error without a message for the field: %v", err)
			}
			return
		}
		if d.Abs().Cmp(decimal.New(1, MaxAmountDigits)) >= 0 {
			t.Fatalf("ParseAmount(%q) = %s, past the limit", s, d)
		}
		back, err := ParseAmount("amount", d.String(), DecimalPoint)
		if err != nil || !back.Equal(d) {
			t.Fatalf("plain %s read back as %s, %v", d, back, err)
		}
		if d.Equal(d.Truncate(2)) {
			shown := FormatAmount(d, "USD")
			back, err := ParseAmount("amount", shown, DecimalPoint)
			if err != nil || !back.Equal(d) {
				t.Fatalf("shown %q read back as %s, %v; want %s", shown, back, err, d)
			}
		}
	})
}
