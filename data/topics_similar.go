package data

import (
	"slices"
	"strings"
)

// topicFillers are words that say nothing about a topic's subject: a name
// that differs from another by these alone names the same subject.
var topicFillers = map[string]bool{
	"a": true, "an": true, "and": true, "the": true, "of": true, "for": true, "in": true,
	"on": true, "with": true, "to": true, "or": true, "vs": true, "by": true,
}

// topicWords are the significant words of a topic name: TopicKey's words
// (case and punctuation folded) without fillers, a plural "s" dropped
// ("Backups" and "Backup and recovery" share "backup").
func topicWords(name string) []string {
	var out []string
	for _, w := range strings.Fields(TopicKey(name)) {
		if topicFillers[w] {
			continue
		}
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			w = strings.TrimSuffix(w, "s")
		}
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// SimilarTopicNames reports whether two topic names probably name the same
// subject, so the Practice screen offers to merge them: every significant
// word of one is in the other ("Indexes" and "Indexes and statistics",
// "High availability" and "High availability (clustering, mirroring, log
// shipping)", "Query tuning" and "Query processing and tuning"). It is
// symmetric. Names with no word in common ("Performance" and "Query
// processing and tuning") are not similar: a guess from synonyms would
// offer merges the user must keep refusing. Names with the same TopicKey
// are already one topic and are not offered.
func SimilarTopicNames(a, b string) bool {
	if TopicKey(a) == TopicKey(b) {
		return false
	}
	wa, wb := topicWords(a), topicWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	for _, w := range wa {
		if !slices.Contains(wb, w) {
			return false
		}
	}
	return true
}

// TopicMergeOffer is a practice topic and a study or reading topic of a
// similar name, which the Practice screen offers to merge into it.
type TopicMergeOffer struct {
	Topic Topic  // the practice topic, which keeps its name
	Other string // the study or reading topic, as written
}

// TopicMergeOffers pairs each study or reading topic (others, as written)
// with the practice topics of a similar name, skipping names that already
// are a practice topic and the pairs dismissed (by topic id and the other
// name's TopicKey). Each name is offered once, in the order given.
func TopicMergeOffers(practice []Topic, others []string, dismissed func(topicID int64, otherKey string) bool) []TopicMergeOffer {
	isPractice := map[string]bool{}
	for _, t := range practice {
		isPractice[TopicKey(t.Name)] = true
	}
	seen := map[string]bool{}
	var out []TopicMergeOffer
	for _, name := range others {
		key := TopicKey(name)
		if key == "" || isPractice[key] || seen[key] {
			continue
		}
		seen[key] = true
		for _, t := range practice {
			if SimilarTopicNames(t.Name, name) && !dismissed(t.ID, key) {
				out = append(out, TopicMergeOffer{Topic: t, Other: strings.TrimSpace(name)})
			}
		}
	}
	return out
}
