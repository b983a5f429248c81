package data

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Money is an exact amount in one ISO 4217 currency. The zero Money (no
// currency) means "no amount": an actual spend not yet known, for instance.
type Money struct {
	Amount   decimal.Decimal
	Currency string
}

// NewMoney builds a Money from whole and minor units given as a decimal
// string; it panics on a malformed literal, so use it for constants only.
func NewMoney(amount, currency string) Money {
	return Money{Amount: decimal.RequireFromString(amount), Currency: currency}
}

// IsSet reports whether m carries an amount (it has a currency).
func (m Money) IsSet() bool { return m.Currency != "" }

// Format shows m for people: the code, then the amount rounded to the
// currency's minor unit with thousands grouped, e.g. "USD 18,500.00".
func (m Money) Format() string {
	if !m.IsSet() {
		return ""
	}
	return m.Currency + " " + FormatAmount(m.Amount, m.Currency)
}

// Equal reports whether m and o are the same amount in the same currency
// (12.5 and 12.50 are equal). Money holds a decimal, so == compares
// pointers, not values: use Equal.
func (m Money) Equal(o Money) bool {
	return m.Currency == o.Currency && m.Amount.Equal(o.Amount)
}

// String is Format, so that Money prints readably in messages and tests.
func (m Money) String() string { return m.Format() }

// Exact is m as files and the database keep it: the exact decimal with at
// least the currency's decimal places ("18500.00", so "18500" and
// "18500.00" are kept alike), and its currency; both "" when not set.
func (m Money) Exact() (amount, currency string) {
	if !m.IsSet() {
		return "", ""
	}
	units := MinorUnits(m.Currency)
	if m.Amount.Equal(m.Amount.Truncate(units)) {
		return m.Amount.StringFixed(units), m.Currency
	}
	return m.Amount.String(), m.Currency
}

// Validate checks m as the amount of field: a known currency, at most the
// currency's decimal places, and below MaxAmount. The sign is the caller's
// business (refunds may be negative).
func (m Money) Validate(field string) error {
	var errs []error
	if err := CheckCurrency(field+" currency", m.Currency); err != nil {
		errs = append(errs, err)
	}
	if err := checkAmountSize(field, m.Amount); err != nil {
		errs = append(errs, err)
	}
	if ValidCurrency(m.Currency) {
		if err := checkMinorUnits(field, m.Amount, m.Currency); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// CurrencyInfo describes one ISO 4217 currency: its code, its English name
// and how many decimal places its minor unit has (2 for cents, 0 for the
// yen, 3 for the Bahraini fils).
type CurrencyInfo struct {
	Code       string
	Name       string
	MinorUnits int32
}

// currencyTable holds the ISO 4217 currencies a candidate is likely to earn
// or spend in, sorted by code. Minor units follow ISO 4217 itself, not cash
// practice (HUF and TWD have 2 there even though coins are gone).
var currencyTable = [...]CurrencyInfo{
	{"AED", "UAE dirham", 2},
	{"ARS", "Argentine peso", 2},
	{"AUD", "Australian dollar", 2},
	{"BDT", "Bangladeshi taka", 2},
	{"BGN", "Bulgarian lev", 2},
	{"BHD", "Bahraini dinar", 3},
	{"BRL", "Brazilian real", 2},
	{"CAD", "Canadian dollar", 2},
	{"CHF", "Swiss franc", 2},
	{"CLP", "Chilean peso", 0},
	{"CNY", "Chinese yuan", 2},
	{"COP", "Colombian peso", 2},
	{"CZK", "Czech koruna", 2},
	{"DKK", "Danish krone", 2},
	{"EGP", "Egyptian pound", 2},
	{"EUR", "Euro", 2},
	{"GBP", "Pound sterling", 2},
	{"HKD", "Hong Kong dollar", 2},
	{"HUF", "Hungarian forint", 2},
	{"IDR", "Indonesian rupiah", 2},
	{"ILS", "Israeli new shekel", 2},
	{"INR", "Indian rupee", 2},
	{"IQD", "Iraqi dinar", 3},
	{"ISK", "Icelandic krona", 0},
	{"JOD", "Jordanian dinar", 3},
	{"JPY", "Japanese yen", 0},
	{"KES", "Kenyan shilling", 2},
	{"KRW", "South Korean won", 0},
	{"KWD", "Kuwaiti dinar", 3},
	{"LKR", "Sri Lankan rupee", 2},
	{"MAD", "Moroccan dirham", 2},
	{"MXN", "Mexican peso", 2},
	{"MYR", "Malaysian ringgit", 2},
	{"NGN", "Nigerian naira", 2},
	{"NOK", "Norwegian krone", 2},
	{"NZD", "New Zealand dollar", 2},
	{"OMR", "Omani rial", 3},
	{"PEN", "Peruvian sol", 2},
	{"PHP", "Philippine peso", 2},
	{"PKR", "Pakistani rupee", 2},
	{"PLN", "Polish zloty", 2},
	{"QAR", "Qatari riyal", 2},
	{"RON", "Romanian leu", 2},
	{"RSD", "Serbian dinar", 2},
	{"RUB", "Russian ruble", 2},
	{"SAR", "Saudi riyal", 2},
	{"SEK", "Swedish krona", 2},
	{"SGD", "Singapore dollar", 2},
	{"THB", "Thai baht", 2},
	{"TND", "Tunisian dinar", 3},
	{"TRY", "Turkish lira", 2},
	{"TWD", "New Taiwan dollar", 2},
	{"UAH", "Ukrainian hryvnia", 2},
	{"USD", "US dollar", 2},
	{"UYU", "Uruguayan peso", 2},
	{"VND", "Vietnamese dong", 0},
	{"ZAR", "South African rand", 2},
}

// Currencies lists the known currencies sorted by code, for pickers.
func Currencies() []CurrencyInfo {
	return slices.Clone(currencyTable[:])
}

// LookupCurrency finds a currency by its exact (upper-case) ISO 4217 code.
func LookupCurrency(code string) (CurrencyInfo, bool) {
	i, ok := slices.BinarySearchFunc(currencyTable[:], code, func(c CurrencyInfo, code string) int {
		return strings.Compare(c.Code, code)
	})
	if !ok {
		return CurrencyInfo{}, false
	}
	return currencyTable[i], true
}

// ValidCurrency reports whether code is a known ISO 4217 code, written in
// capitals as the standard does.
func ValidCurrency(code string) bool {
	_, ok := LookupCurrency(code)
	return ok
}

// CheckCurrency validates a currency code for field and says how to fix it.
func CheckCurrency(field, code string) error {
	switch {
	case code == "":
		return Invalid(field, "is required; use a three-letter ISO 4217 code such as USD, EUR or GBP")
	case ValidCurrency(code):
		return nil
	case ValidCurrency(strings.ToUpper(strings.TrimSpace(code))):
		return Invalid(field, "%q must be written in capitals: %s", code, strings.ToUpper(strings.TrimSpace(code)))
	default:
		return Invalid(field, "%q is not a currency MasterPlan knows; use a three-letter ISO 4217 code such as USD, EUR or GBP", code)
	}
}

// MinorUnits returns how many decimal places amounts in currency have; an
// unknown code gets 2, the most common, so that display never fails.
func MinorUnits(currency string) int32 {
	if c, ok := LookupCurrency(currency); ok {
		return c.MinorUnits
	}
	return 2
}

// RoundMinor rounds d to currency's minor unit, half to even (banker's
// rounding): 0.125 becomes 0.12 and 0.135 becomes 0.14. Half-even is chosen
// over half-up because converted amounts are summed over many rows and
// half-up would bias every total upwards by a fraction of a cent per tie.
// Amounts the user typed never need it: they are already exact to the unit.
func RoundMinor(d decimal.Decimal, currency string) decimal.Decimal {
	return d.RoundBank(MinorUnits(currency))
}

// FormatAmount shows d rounded (half-even) to currency's minor unit, with
// the fixed number of decimals and commas between thousands: "18,500.00",
// "-12.50", "1,235" for yen.
func FormatAmount(d decimal.Decimal, currency string) string {
	units := MinorUnits(currency)
	s := RoundMinor(d, currency).StringFixed(units)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// MaxAmountDigits bounds amounts to 12 digits before the decimal mark
// (under one trillion): far above any fee or hotel bill even in dong or
// rupiah, far below anything a typing slip of 20 digits could produce.
const MaxAmountDigits = 12

// maxFractionDigits bounds what ParseAmount reads after the decimal mark;
// exchange rates need the most (12), amounts are held to their currency.
const maxFractionDigits = 12

// maxAmountText bounds the text ParseAmount looks at: 12 digits, their
// separators, a sign and 12 decimals fit with room to spare.
const maxAmountText = 48

func checkAmountSize(field string, d decimal.Decimal) error {
	if d.Abs().Cmp(decimal.New(1, MaxAmountDigits)) >= 0 {
		return Invalid(field, "%s is too large; amounts must be below 1,000,000,000,000 (at most %d digits before the decimal mark)", d.String(), MaxAmountDigits)
	}
	return nil
}

func checkMinorUnits(field string, d decimal.Decimal, currency string) error {
	units := MinorUnits(currency)
	if d.Equal(d.Truncate(units)) {
		return nil
	}
	if units == 0 {
		return Invalid(field, "%s has decimals, but %s has no minor unit; write a whole number such as %s", d.String(), currency, d.RoundBank(0).String())
	}
	return Invalid(field, "%s has more decimal places than %s has (%d); write it as %s", d.String(), currency, units, d.RoundBank(units).StringFixed(units))
}

// DecimalMark is the character a locale writes between whole units and the
// fraction: a point in "18,500.00", a comma in "18.500,00". The zero value
// means "not known", and then ParseAmount refuses what it cannot tell apart.
type DecimalMark rune

// The two decimal marks in use.
const (
	DecimalPoint DecimalMark = '.'
	DecimalComma DecimalMark = ','
)

// ParseAmount reads an amount typed by a person: "18500", "18,500.00",
// "18.500,00", "1 234,56", "1'234.50", "-12.50". A point or comma followed by
// exactly three digits ("1,234", "1.234") could be a thousands separator or a
// decimal mark; without a mark hint it is refused with a message that says
// how to write it unambiguously. Currency symbols, exponents and more than
// MaxAmountDigits whole digits are refused. The sign is kept: whether a
// negative amount is allowed (a refund) is for the caller to decide.
func ParseAmount(field, s string, mark ...DecimalMark) (decimal.Decimal, error) {
	hint, err := markHint(field, mark)
	if err != nil {
		return decimal.Decimal{}, err
	}
	text := strings.TrimSpace(s)
	if text == "" {
		return decimal.Decimal{}, Invalid(field, "is empty; enter an amount such as 18500.00")
	}
	if !utf8.ValidString(text) {
		return decimal.Decimal{}, Invalid(field, "contains bytes that are not valid UTF-8; type the amount again")
	}
	if len(text) > maxAmountText {
		return decimal.Decimal{}, Invalid(field, "is %d characters long; an amount has at most %d digits before the decimal mark", len(text), MaxAmountDigits)
	}
	body, neg := cutSign(text)
	if err := checkAmountRunes(field, text, body); err != nil {
		return decimal.Decimal{}, err
	}
	dec, err := decideMark(field, text, body, hint)
	if err != nil {
		return decimal.Decimal{}, err
	}
	whole, frac := body, ""
	if dec != 0 {
		i := strings.IndexRune(body, rune(dec))
		whole, frac = body[:i], body[i+1:]
		if frac == "" && strings.IndexFunc(whole, unicode.IsDigit) < 0 {
			return decimal.Decimal{}, Invalid(field, "%q has no digits; enter an amount such as 18500.00", text)
		}
		if frac == "" {
			return decimal.Decimal{}, Invalid(field, "%q ends with its decimal mark; write %s or %s00", text, strings.TrimSuffix(text, string(rune(dec))), text)
		}
		if strings.Trim(frac, "0123456789") != "" {
			return decimal.Decimal{}, Invalid(field, "%q has a separator after the decimal mark %q; only digits may follow it", text, rune(dec))
		}
	}
	digits, err := joinGroups(field, text, whole)
	if err != nil {
		return decimal.Decimal{}, err
	}
	if digits == "" && frac == "" {
		return decimal.Decimal{}, Invalid(field, "%q has no digits; enter an amount such as 18500.00", text)
	}
	if n := len(strings.TrimLeft(digits, "0")); n > MaxAmountDigits {
		return decimal.Decimal{}, Invalid(field, "%q is too large: %d digits before the decimal mark; amounts must be below 1,000,000,000,000", text, n)
	}
	if len(frac) > maxFractionDigits {
		return decimal.Decimal{}, Invalid(field, "%q has %d digits after the decimal mark; at most %d are kept", text, len(frac), maxFractionDigits)
	}
	canon := "0" + digits
	if frac != "" {
		canon += "." + frac
	}
	d, err := decimal.NewFromString(canon)
	if err != nil {
		return decimal.Decimal{}, Invalid(field, "%q is not a number; enter an amount such as 18500.00", text)
	}
	if neg {
		d = d.Neg()
	}
	return d, nil
}

// ParseMoney reads an amount and its currency code together, refusing more
// decimal places than the currency has ("12.345" in USD, "10.5" in JPY).
// The currency is trimmed and upper-cased first, since "usd" is a slip
// everyone understands.
func ParseMoney(field, amount, currency string, mark ...DecimalMark) (Money, error) {
	code := strings.ToUpper(strings.TrimSpace(currency))
	var errs []error
	if err := CheckCurrency(field+" currency", code); err != nil {
		errs = append(errs, err)
	}
	d, err := ParseAmount(field, amount, mark...)
	if err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return Money{}, errors.Join(errs...)
	}
	if err := checkMinorUnits(field, d, code); err != nil {
		return Money{}, err
	}
	return Money{Amount: d, Currency: code}, nil
}

func markHint(field string, mark []DecimalMark) (DecimalMark, error) {
	for _, m := range mark {
		switch m {
		case 0:
		case DecimalPoint, DecimalComma:
			return m, nil
		default:
			return 0, Invalid(field, "the decimal mark %q is not one MasterPlan reads; use a point or a comma", rune(m))
		}
	}
	return 0, nil
}

func cutSign(text string) (body string, neg bool) {
	switch {
	case strings.HasPrefix(text, "-"):
		return text[1:], true
	case strings.HasPrefix(text, "\u2212"): // the typographic minus sign
		return text[len("\u2212"):], true
	case strings.HasPrefix(text, "+"):
		return text[1:], false
	}
	return text, false
}

// isGroupSpace reports the characters used only to group thousands: spaces
// (including the no-break ones French and Swiss locales insert) and the
// Swiss apostrophe.
func isGroupSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\'' || r == '\u2019'
}

func checkAmountRunes(field, text, body string) error {
	for _, r := range body {
		switch {
		case r >= '0' && r <= '9', r == '.', r == ',', isGroupSpace(r):
		case r == '-' || r == '+' || r == '\u2212':
			return Invalid(field, "%q has a sign in the middle; write a refund as -12.50", text)
		case r == '(' || r == ')':
			return Invalid(field, "%q uses parentheses; write a refund as -12.50", text)
		case unicode.Is(unicode.Sc, r):
			return Invalid(field, "%q contains the symbol %q; type the amount alone, the currency has its own field", text, r)
		case r == 'e' || r == 'E':
			return Invalid(field, "%q is in exponent notation; write the amount in full, such as 18500.00", text)
		default:
			return Invalid(field, "%q contains %q; an amount is digits with an optional decimal mark, such as 18500.00 or 18.500,00", text, r)
		}
	}
	return nil
}

// decideMark works out which of '.' and ',' (if any) is the decimal mark in
// body, refusing text that a different locale would read differently.
func decideMark(field, text, body string, hint DecimalMark) (DecimalMark, error) {
	points, commas := strings.Count(body, "."), strings.Count(body, ",")
	spaced := strings.IndexFunc(body, isGroupSpace) >= 0
	switch {
	case points > 0 && commas > 0:
		dec := DecimalPoint
		if strings.LastIndex(body, ",") > strings.LastIndex(body, ".") {
			dec = DecimalComma
		}
		if strings.Count(body, string(rune(dec))) > 1 {
			return 0, Invalid(field, "%q has more than one decimal mark; write it as 18,500.00 or 18.500,00", text)
		}
		if hint != 0 && hint != dec {
			return 0, Invalid(field, "%q uses %q as its decimal mark, but %q was expected; write it as %s", text, rune(dec), rune(hint), amountExample(hint))
		}
		return dec, nil
	case points+commas == 0:
		return 0, nil
	}
	m, n := DecimalPoint, points
	if commas > 0 {
		m, n = DecimalComma, commas
	}
	switch {
	case n > 1:
		if hint == m {
			return 0, Invalid(field, "%q has %d decimal marks %q; write it as %s", text, n, rune(m), amountExample(hint))
		}
		return 0, nil
	case hint != 0:
		if hint == m {
			return m, nil
		}
		return 0, nil
	case spaced:
		return m, nil
	}
	whole, frac, _ := strings.Cut(body, string(rune(m)))
	if len(frac) != 3 || whole == "" || whole[0] == '0' || len(whole) > 3 {
		return m, nil
	}
	num := strings.TrimLeft(whole+frac, "0")
	return 0, Invalid(field, "%q is ambiguous: %q could separate thousands (%s) or be the decimal mark (%s.%s); write %s or %s%c%s%c00 for thousands, or %s%c%s0 for decimals",
		text, rune(m), num, whole, frac, num, whole, rune(m), frac, rune(otherMark(m)), whole, rune(m), frac)
}

func otherMark(m DecimalMark) DecimalMark {
	if m == DecimalPoint {
		return DecimalComma
	}
	return DecimalPoint
}

func amountExample(hint DecimalMark) string {
	if hint == DecimalComma {
		return "18.500,00"
	}
	return "18,500.00"
}

// joinGroups strips the thousands separators from whole, checking that the
// groups are the usual threes ("1,234,567") or the Indian lakh grouping
// ("18,50,000"), so a slip such as "1,23.45" is caught rather than guessed.
func joinGroups(field, text, whole string) (string, error) {
	isSep := func(r rune) bool { return r < '0' || r > '9' }
	if strings.IndexFunc(whole, isSep) < 0 {
		return whole, nil
	}
	kinds := map[rune]bool{}
	for _, r := range whole {
		if isSep(r) {
			kinds[sepKind(r)] = true
		}
	}
	if len(kinds) > 1 {
		return "", Invalid(field, "%q mixes different thousands separators; use one kind, such as 1,234,567.00", text)
	}
	groups := strings.FieldsFunc(whole, isSep)
	if !groupsOK(whole, groups) {
		return "", Invalid(field, "%q has misplaced thousands separators; groups after the first have three digits (1,234,567.00), or write the amount without them", text)
	}
	return strings.Join(groups, ""), nil
}

// sepKind folds the space and apostrophe variants into one kind each, so
// that "1 234 567" typed with mixed no-break spaces still reads.
func sepKind(r rune) rune {
	switch r {
	case '\u00a0', '\u202f':
		return ' '
	case '\u2019':
		return '\''
	}
	return r
}

func groupsOK(whole string, groups []string) bool {
	if len(groups) < 2 {
		return false
	}
	// No separator at either end, and none doubled: the groups must cover
	// the text with exactly one separator rune between neighbours.
	first, _ := utf8.DecodeRuneInString(whole)
	last, _ := utf8.DecodeLastRuneInString(whole)
	if first < '0' || first > '9' || last < '0' || last > '9' {
		return false
	}
	seps := 0
	prevSep := false
	for _, r := range whole {
		isSep := r < '0' || r > '9'
		if isSep && prevSep {
			return false
		}
		if isSep {
			seps++
		}
		prevSep = isSep
	}
	if seps != len(groups)-1 {
		return false
	}
	head, tail, mid := groups[0], groups[len(groups)-1], groups[1:len(groups)-1]
	if len(head) < 1 || len(head) > 3 || head[0] == '0' || len(tail) != 3 {
		return false
	}
	threes, twos := true, len(head) <= 2
	for _, g := range mid {
		threes = threes && len(g) == 3
		twos = twos && len(g) == 2
	}
	return threes || twos
}

// Rate is an exchange rate typed in by the user (the app is offline): one
// unit of Currency was worth ToHome units of the home currency as of AsOf.
type Rate struct {
	ID       int64
	Currency string
	ToHome   decimal.Decimal
	AsOf     Date
}

// MaxRateDigits bounds a rate to below 1,000,000 home units per unit: the
// dearest currency in the cheapest still stays far below it.
const MaxRateDigits = 6

// Validate checks one rate against the home currency it converts to.
func (r Rate) Validate(home string) error {
	var errs []error
	if err := CheckCurrency("currency", r.Currency); err != nil {
		errs = append(errs, err)
	} else if r.Currency == home {
		errs = append(errs, Invalid("currency", "%s is the home currency, which converts at 1 by definition; rates are for the other currencies", home))
	}
	switch {
	case r.ToHome.Sign() <= 0:
		errs = append(errs, Invalid("rate", "%s is not a rate; a rate is how many %s one unit is worth, and must be above 0", r.ToHome.String(), homeUnits(home)))
	case r.ToHome.Cmp(decimal.New(1, MaxRateDigits)) >= 0:
		errs = append(errs, Invalid("rate", "%s is too large; a rate must be below 1,000,000 (check that it is written as %s per one unit of %s)", r.ToHome.String(), homeUnits(home), r.Currency))
	case !r.ToHome.Equal(r.ToHome.Truncate(maxFractionDigits)):
		errs = append(errs, Invalid("rate", "%s has more than %d decimal places; round it", r.ToHome.String(), maxFractionDigits))
	}
	if r.AsOf.IsZero() {
		errs = append(errs, Invalid("as of", "is required: the day the rate was quoted, as YYYY-MM-DD"))
	}
	return errors.Join(errs...)
}

func homeUnits(home string) string {
	if home == "" {
		return "home-currency units"
	}
	return home
}

// ParseRate reads a rate typed by a person, with the same separators as
// ParseAmount, and refuses zero and negative rates.
func ParseRate(field, s string, mark ...DecimalMark) (decimal.Decimal, error) {
	d, err := ParseAmount(field, s, mark...)
	if err != nil {
		return decimal.Decimal{}, err
	}
	if d.Sign() <= 0 {
		return decimal.Decimal{}, Invalid(field, "%s is not a rate; a rate must be above 0", d.String())
	}
	if d.Cmp(decimal.New(1, MaxRateDigits)) >= 0 {
		return decimal.Decimal{}, Invalid(field, "%s is too large; a rate must be below 1,000,000", d.String())
	}
	return d, nil
}

// ValidateRates checks every rate and refuses two rates for the same
// currency on the same day, which would make the conversion a coin toss.
func ValidateRates(home string, rates []Rate) error {
	var errs []error
	seen := map[string]int{}
	for i, r := range rates {
		if err := r.Validate(home); err != nil {
			errs = append(errs, fmt.Errorf("rate %d: %w", i+1, err))
			continue
		}
		key := r.Currency + " " + r.AsOf.String()
		if j, dup := seen[key]; dup {
			errs = append(errs, fmt.Errorf("rate %d: %w", i+1, Invalid("as of", "%s already has a rate as of %s (rate %d); edit that one instead", r.Currency, r.AsOf, j+1)))
			continue
		}
		seen[key] = i
	}
	return errors.Join(errs...)
}

// RateRule says how a conversion found its rate, so the screen can tell the
// user plainly which rate was used and why.
type RateRule int

// The ways a conversion can go.
const (
	// RateMissing: no rate for the currency; the amount is left out of home
	// totals and the currency is listed as missing, never taken at 1:1.
	RateMissing RateRule = iota
	// RateHome: the amount is already in the home currency.
	RateHome
	// RateOnOrBefore: the latest rate quoted on or before the item's date.
	RateOnOrBefore
	// RateAfter: no rate that early; the earliest one quoted after the date.
	RateAfter
	// RateLatest: the item has no date; the latest rate known.
	RateLatest
	// RateCharged: the exact home-currency amount charged was recorded and
	// wins over any rate.
	RateCharged
)

// RateChoice is the rate a conversion used and the rule that picked it.
type RateChoice struct {
	Rule RateRule
	Rate Rate // the rate used; zero for RateMissing, RateHome and RateCharged
	On   Date // the item's date the rule was applied to
}

// Explain says in a sentence which rate was used, for a tooltip or the
// detail line under an amount.
func (c RateChoice) Explain(currency, home string) string {
	r := c.Rate
	switch c.Rule {
	case RateHome:
		return fmt.Sprintf("already in %s, the home currency", home)
	case RateOnOrBefore:
		if r.AsOf == c.On {
			return fmt.Sprintf("1 %s = %s %s, the rate as of %s, the item's date", currency, r.ToHome.String(), home, r.AsOf)
		}
		return fmt.Sprintf("1 %s = %s %s, the rate as of %s, the latest on or before %s", currency, r.ToHome.String(), home, r.AsOf, c.On)
	case RateAfter:
		return fmt.Sprintf("1 %s = %s %s, the rate as of %s: there is no rate on or before %s, so the earliest after it is used", currency, r.ToHome.String(), home, r.AsOf, c.On)
	case RateLatest:
		return fmt.Sprintf("1 %s = %s %s, the latest rate (as of %s), because the item has no date", currency, r.ToHome.String(), home, r.AsOf)
	case RateCharged:
		return fmt.Sprintf("the exact amount charged in %s", home)
	default:
		return fmt.Sprintf("no rate from %s to %s; add one to include this amount in the totals", currency, home)
	}
}

// RateTable is the user's rates to one home currency, ready for lookups.
// Build it with NewRateTable.
type RateTable struct {
	home  string
	rates map[string][]Rate // by currency, sorted by AsOf (stable)
}

// NewRateTable indexes rates for conversions into home. Rates that could
// never be right (not above zero, no date, for the home currency itself)
// are dropped, so a bad row makes its currency "missing" rather than
// converting at a wrong value. Should two rates share a currency and day,
// the later one in rates wins for dates on or after it.
func NewRateTable(home string, rates []Rate) RateTable {
	t := RateTable{home: home, rates: map[string][]Rate{}}
	for _, r := range rates {
		if r.ToHome.Sign() <= 0 || r.AsOf.IsZero() || r.Currency == home || r.Currency == "" {
			continue
		}
		t.rates[r.Currency] = append(t.rates[r.Currency], r)
	}
	for _, list := range t.rates {
		slices.SortStableFunc(list, func(a, b Rate) int { return a.AsOf.Time().Compare(b.AsOf.Time()) })
	}
	return t
}

// Home returns the currency the table converts into.
func (t RateTable) Home() string { return t.home }

// Lookup picks the rate for an amount in currency dated on: the latest rate
// on or before that day, else the earliest after it; for an undated item,
// the latest rate.
func (t RateTable) Lookup(currency string, on Date) RateChoice {
	if currency == t.home {
		return RateChoice{Rule: RateHome, On: on}
	}
	list := t.rates[currency]
	if len(list) == 0 {
		return RateChoice{Rule: RateMissing, On: on}
	}
	if on.IsZero() {
		return RateChoice{Rule: RateLatest, Rate: list[len(list)-1], On: on}
	}
	// The first rate strictly after on; the one before it is the latest on
	// or before.
	i, _ := slices.BinarySearchFunc(list, on, func(r Rate, on Date) int {
		if r.AsOf.After(on) {
			return 1
		}
		return -1
	})
	if i > 0 {
		return RateChoice{Rule: RateOnOrBefore, Rate: list[i-1], On: on}
	}
	return RateChoice{Rule: RateAfter, Rate: list[0], On: on}
}

// Conversion is one amount taken into the home currency.
type Conversion struct {
	From   Money
	Home   decimal.Decimal // exact, not rounded; zero when the rate is missing
	Choice RateChoice
}

// OK reports whether the amount could be converted.
func (c Conversion) OK() bool { return c.Choice.Rule != RateMissing }

// Convert takes m into the home currency at the rate in force on day on.
// The product is exact: rounding happens only when a total is shown.
func (t RateTable) Convert(m Money, on Date) Conversion {
	choice := t.Lookup(m.Currency, on)
	c := Conversion{From: m, Choice: choice}
	switch choice.Rule {
	case RateHome:
		c.Home = m.Amount
	case RateMissing:
	default:
		c.Home = m.Amount.Mul(choice.Rate.ToHome)
	}
	return c
}

// Allocate rounds each exact value to currency's minor unit so that the
// rounded values add up exactly to the rounded (half-even) sum: the rows of
// a table then add up to the total shown under them. It uses the largest
// remainder method: every value is rounded down, and the units still
// missing go to the values that lost the most, earlier rows first on ties.
// No value moves by a whole unit or more, and values already exact stay.
func Allocate(exact []decimal.Decimal, currency string) []decimal.Decimal {
	units := MinorUnits(currency)
	unit := decimal.New(1, -units)
	out := make([]decimal.Decimal, len(exact))
	rem := make([]decimal.Decimal, len(exact))
	sum, floors := decimal.Zero, decimal.Zero
	for i, x := range exact {
		out[i] = x.RoundFloor(units)
		rem[i] = x.Sub(out[i])
		sum = sum.Add(x)
		floors = floors.Add(out[i])
	}
	missing := sum.RoundBank(units).Sub(floors).Shift(units).IntPart()
	// The remainders as integers of one scale: comparing them is then one
	// big.Int comparison, where decimal.Cmp rescales both operands (and
	// allocates) at each of the sort's n log n comparisons.
	scale := int32(0)
	for _, r := range rem {
		scale = min(scale, r.Exponent())
	}
	keys := make([]*big.Int, len(rem))
	for i, r := range rem {
		keys[i] = r.Shift(-scale).BigInt()
	}
	order := make([]int, len(exact))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return keys[b].Cmp(keys[a]) })
	for _, i := range order[:missing] {
		out[i] = out[i].Add(unit)
	}
	return out
}

// divRound divides x by a positive n and rounds half to even at currency's
// minor unit, without an intermediate rounding that could move a tie.
func divRound(x decimal.Decimal, n int64, currency string) decimal.Decimal {
	units := MinorUnits(currency)
	unit := decimal.New(1, -units)
	d := decimal.NewFromInt(n)
	q, r := x.QuoRem(d, units)
	twice := r.Abs().Mul(decimal.NewFromInt(2))
	limit := d.Mul(unit)
	step := unit
	if x.Sign() < 0 {
		step = unit.Neg()
	}
	switch c := twice.Cmp(limit); {
	case c > 0:
		q = q.Add(step)
	case c == 0 && q.Shift(units).BigInt().Bit(0) == 1:
		q = q.Add(step)
	}
	return q
}
