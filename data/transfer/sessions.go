package transfer

import (
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// SessionColumns are the columns of the study sessions CSV, in export order:
//
//	date          the day in the user's time zone, YYYY-MM-DD (required)
//	start         local start time HH:MM or HH:MM:SS (see data.Clock.On for DST
//	              gaps); empty places the session as data.UntimedSessionStart
//	              does (ending at the day's end, or now)
//	duration_min  minutes, decimals allowed ("37.5"); a duration such as
//	              "1h30m" or "2:15" is accepted too (required)
//	topic, note   free text
//
// Times are local wall-clock times so that the file reads as the user lived
// it; the zone is the user's setting, passed to the importer and exporter.
// The reading item of a session is not exported: item ids mean nothing
// outside one database. On import, "duration" and "minutes" are accepted as
// names of the duration column.
func SessionColumns() []string { return []string{"date", "start", "duration_min", "topic", "note"} }

// sessionDurationColumns are the names accepted for the duration column, preferred first.
func sessionDurationColumns() []string { return []string{"duration_min", "duration", "minutes"} }

// ImportSessions reads a study sessions CSV named name (for messages), with
// local times in zone loc, checked at instant now (a session may not end in
// the future). A session that repeats one of existing or an earlier row
// exactly (data.StudySession.Repeats: same start to the second, same
// length) is skipped and counted in Repeats, so importing an export again
// adds nothing; one that overlaps another otherwise is rejected, naming it
// (one session at a time). The error is for a file refused as a whole:
// then nothing is accepted.
func ImportSessions(name string, b []byte, loc *time.Location, now time.Time, existing []data.StudySession) (Preview[data.StudySession], error) {
	if loc == nil {
		loc = time.UTC
	}
	p, err := importSessions(b, loc, now, existing)
	if err != nil {
		return Preview[data.StudySession]{}, fmt.Errorf("import %s: %w", name, err)
	}
	return p, nil
}

func importSessions(b []byte, loc *time.Location, now time.Time, existing []data.StudySession) (Preview[data.StudySession], error) {
	h, rows, err := readTable(b)
	if err != nil {
		return Preview[data.StudySession]{}, err
	}
	durCol := ""
	for _, c := range sessionDurationColumns() {
		if h.Has(c) {
			durCol = c
			break
		}
	}
	if !h.Has("date") || durCol == "" {
		return Preview[data.StudySession]{}, fmt.Errorf("%w: the first line must name the columns date and duration_min (and optionally start, topic, note), e.g. %s",
			data.ErrInvalid, strings.Join(SessionColumns(), ","))
	}
	if len(rows) == 0 {
		return Preview[data.StudySession]{}, errNoRows
	}
	p := Preview[data.StudySession]{Format: "csv", Warnings: ignoredColumns(h, append(SessionColumns(), sessionDurationColumns()...))}
	stored, taken := data.NewSessionTimeline(existing), data.NewSessionTimeline(nil)
	line := map[time.Time]int{} // the line of each accepted session, by start
	for _, rec := range rows {
		get := func(col string) string { return h.Get(rec.Fields, col) }
		s := data.StudySession{Topic: get("topic"), Note: NormaliseNewlines(get("note"))}
		var errs []error
		day, err := data.ParseDate("date", get("date"))
		if get("date") == "" {
			err = data.Invalid("date", "is required; write it as YYYY-MM-DD")
		}
		errs = append(errs, err)
		s.Duration, err = parseSessionDuration(get(durCol))
		errs = append(errs, err)
		startCol := "date"
		if v := get("start"); v != "" {
			startCol = "start"
			clock, err := data.ParseClock("start", v)
			errs = append(errs, err)
			if err == nil && !day.IsZero() {
				s.Start = clock.On(day, loc)
			}
		} else if !day.IsZero() && s.Duration > 0 {
			s.Start, err = data.UntimedSessionStart(day, s.Duration, loc, now)
			errs = append(errs, err)
		}
		verr := s.Validate(now)
		if errors.Join(errs...) != nil {
			// The session is incomplete: only its text can still be checked.
			verr = onlyFields(verr, "topic", "note")
		}
		if err := errors.Join(append(errs, verr)...); err != nil {
			p.Rejected = append(p.Rejected, RejectError(rec.Line, err, map[string]string{
				"date": h.Name("date"), "start": h.Name(startCol), "duration": h.Name(durCol), "topic": h.Name("topic"), "note": h.Name("note"),
			})...)
			continue
		}
		if o, ok := stored.Overlap(s); ok {
			if s.Repeats(o) {
				p.Repeats++
			} else {
				p.Rejected = append(p.Rejected, RejectError(rec.Line, data.OverlapError(s, o, loc), map[string]string{"start": h.Name(startCol)})...)
			}
			continue
		}
		if o, ok := taken.Overlap(s); ok {
			if s.Repeats(o) {
				p.Repeats++
			} else {
				msg := data.FieldMessage(data.OverlapError(s, o, loc), "start")
				p.Rejected = append(p.Rejected, Rejected{Line: rec.Line, Field: h.Name(startCol), Reason: fmt.Sprintf("%s (line %d of the file)", msg, line[o.Start])})
			}
			continue
		}
		taken.Add(s)
		line[s.Start] = rec.Line
		p.accept(rec.Line, s)
	}
	return p, nil
}

// parseSessionDuration reads minutes ("45", "37.5") or a duration
// data.ParseStudyDuration understands ("1h30m").
func parseSessionDuration(v string) (time.Duration, error) {
	if v == "" {
		return 0, data.Invalid("duration", "is required; write the minutes, e.g. 45")
	}
	if strings.Count(v, ".") == 1 && strings.Trim(v, "0123456789.") == "" && len(v) > 1 && len(v) < 16 {
		mins, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return 0, data.Invalid("duration", "%q is not a number of minutes; write e.g. 45 or 37.5", v)
		}
		secs := math.Round(mins * 60)
		if secs <= 0 || secs > data.MaxStudySession.Seconds() {
			return 0, data.Invalid("duration", "is %s minutes; a session lasts more than zero and at most 24 hours (1440 minutes)", v)
		}
		return time.Duration(secs) * time.Second, nil
	}
	return data.ParseStudyDuration(v)
}

// onlyFields keeps the field errors of err that concern fields.
func onlyFields(err error, fields ...string) error {
	var keep []error
	for _, fe := range data.FieldErrors(err) {
		for _, f := range fields {
			if fe.Field == f {
				keep = append(keep, fe)
			}
		}
	}
	return errors.Join(keep...)
}

// ExportSessions writes sessions as the study sessions CSV (SessionColumns)
// with local times in zone loc, oldest first, safe to open in a spreadsheet.
// Starts keep their seconds when they have any (HH:MM:SS), so an import
// gives back the same instants; durations are written in minutes to the
// hundredth, which gives back the same whole seconds on import.
func ExportSessions(w io.Writer, sessions []data.StudySession, loc *time.Location) error {
	if loc == nil {
		loc = time.UTC
	}
	sorted := append([]data.StudySession(nil), sessions...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Start.Before(sorted[j].Start) })
	rows := make([][]string, 0, len(sorted))
	for _, s := range sorted {
		local := s.Start.In(loc)
		mins := math.Round(s.Duration.Minutes()*100) / 100
		clock := local.Format("15:04")
		if local.Second() != 0 {
			clock = local.Format("15:04:05")
		}
		rows = append(rows, []string{local.Format(data.DateLayout), clock,
			strconv.FormatFloat(mins, 'f', -1, 64), s.Topic, s.Note})
	}
	if err := WriteCSV(w, SessionColumns(), rows); err != nil {
		return fmt.Errorf("export study sessions: %w", err)
	}
	return nil
}
