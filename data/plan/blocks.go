package plan

import "github.com/masterplan-app/masterplan/data"

// Block is a stretch of planned study on a day's wall clock, for the
// calendar: the part of one availability range the day's tasks fill.
type Block struct {
	Day        data.Date
	Start, End int    // minutes from midnight
	Tasks      []Task // the tasks (or their parts) in it, with their minutes in it
}

// Blocks lays the tasks of p's first days days into the ranges of a, in
// order: each range the tasks reach is one block. A day whose tasks were
// planned in less time than its ranges (tonight, after some study) starts
// at its first range all the same.
func (p Plan) Blocks(a Availability, days int) []Block {
	var out []Block
	for i, d := range p.Days {
		if i >= days {
			break
		}
		tasks := append([]Task(nil), d.Tasks...)
		for _, r := range a[d.Date.Weekday()] {
			if len(tasks) == 0 {
				break
			}
			b := Block{Day: d.Date, Start: r.Start, End: r.Start}
			for len(tasks) > 0 && b.End < r.End {
				part := tasks[0]
				part.Minutes = min(part.Minutes, r.End-b.End)
				b.Tasks = append(b.Tasks, part)
				b.End += part.Minutes
				if tasks[0].Minutes -= part.Minutes; tasks[0].Minutes == 0 {
					tasks = tasks[1:]
				}
			}
			out = append(out, b)
		}
	}
	return out
}
