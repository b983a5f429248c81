package data

import "time"

// byDay is the study per day of sessions in zone loc, summed over the
// topics of StudyByDayTopic: the per-day totals the store keeps.
func byDay(sessions []StudySession, loc *time.Location) map[Date]time.Duration {
	out := map[Date]time.Duration{}
	for k, d := range StudyByDayTopic(sessions, loc) {
		out[k.Day] += d
	}
	return out
}

// sumSessions is what the store's StudyTotals gives for sessions as of
// now in loc: SumStudy over their per-day totals, the one path every front
// end takes.
func sumSessions(sessions []StudySession, loc *time.Location, now time.Time, streakMin time.Duration) StudyTotals {
	days, topics := StudyDayTotals(StudyByDayTopic(sessions, loc), loc)
	return SumStudy(days, topics, len(sessions), DateOf(now, loc), streakMin)
}
