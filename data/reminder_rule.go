package data

import (
	"errors"
	"strconv"
	"strings"
)

// ruleTimeParts bound the values of the parts that set the time of day.
var ruleTimeParts = map[string]struct {
	hi   int
	noun string // with its article
}{
	"BYHOUR":   {23, "an hour"},
	"BYMINUTE": {59, "a minute"},
	"BYSECOND": {59, "a second"},
}

// checkRuleParts checks the numeric parts of rule text (spaces and an
// "RRULE:" prefix already gone) and names each wrong one as written, e.g.
// "BYHOUR=25: 25 is not an hour; BYHOUR takes 0 to 23". rrule-go reads
// COUNT=0 and INTERVAL=0 as "not given", so such a rule rang daily
// without end, and it refuses an hour of 25 in its own lower-case words.
func checkRuleParts(text string) error {
	var errs []error
	for _, part := range strings.Split(text, ";") {
		name, value, _ := strings.Cut(part, "=")
		name = strings.ToUpper(name)
		written := name + "=" + value
		switch name {
		case "COUNT":
			if n, err := strconv.Atoi(value); err != nil || n < 1 {
				errs = append(errs, Invalid("rule", "%s would never ring; write COUNT=1 or more, or leave COUNT out to repeat without end", written))
			}
		case "INTERVAL":
			if n, err := strconv.Atoi(value); err != nil || n < 1 {
				errs = append(errs, Invalid("rule", "%s is not an interval; INTERVAL is how many days, weeks, months or years apart it rings, 1 or more (INTERVAL=2 is every other one)", written))
			}
		case "BYHOUR", "BYMINUTE", "BYSECOND":
			limit := ruleTimeParts[name]
			for _, v := range strings.Split(value, ",") {
				if n, err := strconv.Atoi(v); err != nil || n < 0 || n > limit.hi {
					errs = append(errs, Invalid("rule", "%s: %s is not %s; %s takes 0 to %d", written, v, limit.noun, name, limit.hi))
					break
				}
			}
		}
	}
	return errors.Join(errs...)
}
