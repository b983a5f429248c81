package data

import "strconv"

// Count writes a count with its noun, the singular for exactly one: "1
// day", "14 days", "0 attempts", "-1 days" never arises (callers pass the
// magnitude). Every front end prints counts of days and attempts through
// it, so none says "over the last 1 days".
func Count(n int, one, many string) string {
	if n == 1 || n == -1 {
		return strconv.Itoa(n) + " " + one
	}
	return strconv.Itoa(n) + " " + many
}
