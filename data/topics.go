package data

import (
	"cmp"
	"slices"
	"strings"
)

// TopicChoices is the one list of topics every topic control offers: the
// practice topics first, in their order (study logged under one of them
// counts next to its scores), then every other topic used by study or
// reading, by name. Names are compared with TopicKey, so the same topic
// written two ways is offered once, as first met.
func TopicChoices(practice []Topic, others ...[]string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(name string) bool {
		name = strings.TrimSpace(name)
		k := TopicKey(name)
		if k == "" || seen[k] {
			return false
		}
		seen[k] = true
		out = append(out, name)
		return true
	}
	for _, t := range practice {
		add(t.Name)
	}
	first := len(out)
	for _, names := range others {
		for _, n := range names {
			add(n)
		}
	}
	slices.SortFunc(out[first:], func(a, b string) int { return cmp.Compare(TopicKey(a), TopicKey(b)) })
	return out
}
