package dbjson

import (
	"strconv"
	"strings"
)

// Count says how many records of one kind an import added, and how many it
// found already in the database and left as they were.
type Count struct {
	Kind     string // plural: "reading items"
	One      string // singular: "reading item"
	Added    int
	Existing int
}

// Noun names n records of the count's kind: "1 reading item", "2 reading items".
func (c Count) Noun(n int) string {
	if n == 1 {
		return "1 " + c.One
	}
	return strconv.Itoa(n) + " " + c.Kind
}

// counts keeps the counts in the order the kinds first came up.
type counts []Count

func (cs *counts) add(kind string, added bool) {
	i := 0
	for i < len(*cs) && (*cs)[i].Kind != kind {
		i++
	}
	if i == len(*cs) {
		c := Count{Kind: kind, One: strings.TrimSuffix(kind, "s")}
		if kind == "progress entries" {
			c.One = "progress entry"
		}
		*cs = append(*cs, c)
	}
	if added {
		(*cs)[i].Added++
	} else {
		(*cs)[i].Existing++
	}
}
