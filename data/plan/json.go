package plan

import "github.com/masterplan-app/masterplan/data"

// JSONPlan is the documented JSON form of a plan (`masterplan plan --json`).
type JSONPlan struct {
	Feasible       bool       `json:"feasible"`
	ShortfallHours float64    `json:"shortfall_hours"`
	ReadingFinish  *data.Date `json:"reading_finish"`
	Days           []JSONDay  `json:"days"`
	Options        []string   `json:"options"`
}

// JSONDay is one day of JSONPlan.
type JSONDay struct {
	Date         data.Date  `json:"date"`
	AvailableMin int        `json:"available_min"`
	Tasks        []JSONTask `json:"tasks"`
}

// JSONTask is one task of a JSONDay.
// Items counted in percent have no unit, from or to (the title says it).
type JSONTask struct {
	Kind    string  `json:"kind"`
	Title   string  `json:"title"`
	Topic   string  `json:"topic"`
	ItemID  *int64  `json:"item_id"`
	Exam    *string `json:"exam"`
	From    *int    `json:"from"`
	To      *int    `json:"to"`
	Unit    *string `json:"unit"`
	Minutes int     `json:"minutes"`
	Why     string  `json:"why"`
}

// JSON is p's JSON form with its first days days (all when days <= 0).
func (p Plan) JSON(days int) JSONPlan {
	out := JSONPlan{Feasible: p.Feasible, ShortfallHours: p.ShortfallHours(), Days: []JSONDay{}, Options: []string{}}
	if !p.ReadingFinish.IsZero() {
		d := p.ReadingFinish
		out.ReadingFinish = &d
	}
	out.Options = append(out.Options, p.Options...)
	for i, d := range p.Days {
		if days > 0 && i >= days {
			break
		}
		out.Days = append(out.Days, d.JSON())
	}
	return out
}

// JSON is d's JSON form: a day of `plan --json`, and `status --json`'s today.
func (d Day) JSON() JSONDay {
	return JSONDay{Date: d.Date, AvailableMin: d.Available, Tasks: JSONTasks(d.Tasks)}
}

// JSONTasks is the JSON form of tasks (never null).
func JSONTasks(tasks []Task) []JSONTask {
	out := make([]JSONTask, 0, len(tasks))
	for _, t := range tasks {
		j := JSONTask{Kind: t.Kind, Title: t.Title, Topic: t.Topic, Minutes: t.Minutes, Why: t.Why}
		if t.Exam != "" {
			exam := t.Exam
			j.Exam = &exam
		}
		if t.Kind == TaskReading {
			id := t.ItemID
			j.ItemID = &id
			if t.Unit == data.ReadingPages || t.Unit == data.ReadingMinutes {
				from, to, unit := t.From, t.To, t.Unit
				j.From, j.To, j.Unit = &from, &to, &unit
			}
		}
		out = append(out, j)
	}
	return out
}
