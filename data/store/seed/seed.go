// Package seed fills a database with years of realistic, made-up history
// (study sessions, the reading list and its progress, practice attempts, the
// budget and its rates, reminders) through the store's own import and batch
// methods, so that benchmarks and `masterplan dev seed` measure the app on
// the data a long-time user would have. The same options give the same
// database: the randomness is seeded.
package seed

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/transfer"
)

// Options says how much history to make and when it ends.
type Options struct {
	// Years of history; the counts below are for ten years and scale with
	// it, unless Profile says otherwise.
	Years int
	// Profile, when set, fixes the counts instead (see Heavy); Years is
	// then the span they are spread over.
	Profile *Counts
	// Now is the instant the history ends: nothing is dated after it. Open
	// the store with store.WithClock returning Now (or later), since the
	// store refuses sessions that end after its clock.
	Now time.Time
	// Seed makes the randomness repeatable.
	Seed uint64
}

// Version names the data Generate makes. Bump it whenever Generate or the
// schema changes what a seeded file holds, so that the benchmarks' cached
// database (package seedbench) stops reusing files made by the older code.
const Version = 13

// Ten-year counts, as issue 8 sizes a long-time user's database.
const (
	tenYearSessions = 20000
	tenYearReading  = 2000
	tenYearAttempts = 1000
	tenYearBudget   = 5000
	tenYearRates    = 500
	tenYearReminder = 200
	topicCount      = 20
	batchSize       = 1000 // rows per transaction in the batch imports
)

// HomeCurrency is the seeded user's home currency; the budget uses it and
// five others.
const HomeCurrency = "EUR"

// foreign is one of the budget's foreign currencies with a typical rate
// into EUR.
type foreign struct {
	code string
	rate float64
}

func foreignCurrencies() []foreign {
	return []foreign{{"USD", 0.92}, {"GBP", 1.17}, {"CHF", 1.04}, {"JPY", 0.0061}, {"CAD", 0.68}}
}

// Counts is how many records of each kind a seeded database holds.
type Counts struct {
	Sessions, Reading, Attempts, Budget, Rates, Reminders int
}

// Heavy is three years of heavy use, the data issue 15 sets the speed
// targets on: 3,000 sessions, 300 reading items, 200 attempts over the 20
// topics, 300 budget items in 6 currencies with 100 rates, 50 reminders.
func Heavy() Counts {
	return Counts{Sessions: 3000, Reading: 300, Attempts: 200, Budget: 300, Rates: 100, Reminders: 50}
}

// HeavyYears is the span of the heavy profile.
const HeavyYears = 3

// counts is the number of records of each kind to make: the profile's, or
// the ten-year counts scaled to the years asked for (at least one each).
func (o Options) counts() Counts {
	if o.Profile != nil {
		return *o.Profile
	}
	scale := func(tenYears int) int { return max(1, tenYears*o.Years/10) }
	return Counts{Sessions: scale(tenYearSessions), Reading: scale(tenYearReading), Attempts: scale(tenYearAttempts),
		Budget: scale(tenYearBudget), Rates: scale(tenYearRates), Reminders: scale(tenYearReminder)}
}

// gen carries the state shared by the steps.
type gen struct {
	ctx    context.Context
	st     *store.Store
	o      Options
	rnd    *rand.Rand
	loc    *time.Location
	today  data.Date
	first  data.Date // the first day of the history
	topics []string
	items  []data.ReadingItem // the reading list as imported, with IDs
}

// Generate fills st, which must be a new, empty database, with opts.Years of
// history ending at opts.Now. Each step writes through the store's batch or
// import methods, one transaction per batch.
func Generate(ctx context.Context, st *store.Store, opts Options) error {
	if opts.Years < 1 || opts.Years > 50 {
		return data.Invalid("years", "is %d; give 1 to 50", opts.Years)
	}
	if opts.Now.IsZero() {
		return data.Invalid("now", "is required: the instant the history ends")
	}
	if needs, err := st.NeedsSetup(ctx); err != nil {
		return fmt.Errorf("seed: %w", err)
	} else if !needs {
		return fmt.Errorf("seed: the database already has a rotation; seed a new file: %w", data.ErrConflict)
	}
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		return fmt.Errorf("seed: load the time zone: %w", err)
	}
	g := &gen{ctx: ctx, st: st, o: opts, rnd: rand.New(rand.NewPCG(opts.Seed, 0x6d6173746572)), loc: loc}
	g.today = data.DateOf(opts.Now, loc)
	g.first = g.today.AddDays(-365 * opts.Years)
	for i := range topicCount {
		g.topics = append(g.topics, fmt.Sprintf("Topic %02d", i+1))
	}
	for _, step := range []struct {
		name string
		run  func() error
	}{
		{"rotation", g.rotation},
		{"reading list", g.reading},
		{"reading progress", g.progress},
		{"study sessions", g.sessions},
		{"practice", g.practice},
		{"budget", g.budget},
		{"rates", g.rates},
		{"reminders", g.reminders},
	} {
		if err := step.run(); err != nil {
			return fmt.Errorf("seed %s: %w", step.name, err)
		}
	}
	return nil
}

// rotation sets up a rotation whose first block starts 60 days after the
// history ends, with a milestone a month.
func (g *gen) rotation() error {
	set := data.DefaultSettings()
	set.HomeCurrency = HomeCurrency
	set.TimeZone = g.loc.String()
	start := g.today.AddDays(60)
	r, err := g.st.Setup(g.ctx, data.Rotation{Track: "Microsoft Certified Master: SQL Server", Blocks: []data.Block{
		{Start: start, End: start.AddDays(13), Location: "Redmond, Washington", TimeZone: "America/Los_Angeles"},
		{Start: start.AddDays(70), End: start.AddDays(83), Location: "Redmond, Washington", TimeZone: "America/Los_Angeles"},
	}}, set)
	if err != nil {
		return err
	}
	var ms []data.Milestone
	for day := g.first; !day.After(start); day = day.AddDays(30) {
		ms = append(ms, data.Milestone{RotationID: r.ID, Title: "Review " + day.Time().Format("January 2006"), Due: day, Done: day.Before(g.today)})
	}
	_, err = g.st.AddMilestones(g.ctx, ms)
	return err
}

// reading imports the reading list in one transaction: items added across
// the years, each sized in its kind's unit.
func (g *gen) reading() error {
	n := g.o.counts().Reading
	span := g.first.DaysUntil(g.today)
	items := make([]data.ReadingItem, 0, n)
	for i := range n {
		kind := data.ReadingKinds()[g.rnd.IntN(len(data.ReadingKinds()))]
		it := data.ReadingItem{
			Title:    fmt.Sprintf("%s %d: %s", kind, i+1, g.topics[i%len(g.topics)]),
			Author:   fmt.Sprintf("Author %d", g.rnd.IntN(300)),
			Kind:     kind,
			Topic:    g.topics[g.rnd.IntN(len(g.topics))],
			Status:   data.ReadingToRead,
			Priority: 1 + g.rnd.IntN(3),
			AddedOn:  g.first.AddDays(i * span / n),
		}
		switch kind {
		case data.ReadingVideo:
			it.Unit, it.Size = data.ReadingMinutes, 20+g.rnd.IntN(160)
		case data.ReadingBlogPost, data.ReadingDocumentation:
			it.Unit, it.Size = data.ReadingPercent, 100
		default:
			it.Unit, it.Size = data.ReadingPages, 10+g.rnd.IntN(600)
		}
		if i%10 == 0 {
			it.URL = fmt.Sprintf("https://example.com/reading/%d", i+1)
		}
		items = append(items, it)
	}
	imp, err := g.st.ImportReadingItems(g.ctx, items, g.today)
	if err != nil {
		return err
	}
	g.items = imp.Added
	return nil
}

// progress moves the items along as a reader would: most old items read to
// the end in a few sittings, a few dropped, the newest partly read or not
// started. The store has no batch method for progress (each change is one
// user action), so this is one transaction per change, as in the app.
func (g *gen) progress() error {
	for i, it := range g.items {
		age := it.AddedOn.DaysUntil(g.today)
		switch {
		case i%25 == 0:
			if _, err := g.st.SetReadingStatus(g.ctx, it.ID, data.ReadingDropped, it.AddedOn.AddDays(min(age, 10))); err != nil {
				return err
			}
			continue
		case age < 30 && i%3 == 0:
			continue // not started yet
		}
		steps := 1 + g.rnd.IntN(4)
		day := it.AddedOn
		for s := 1; s <= steps; s++ {
			day = day.AddDays(1 + g.rnd.IntN(max(1, min(age, 40)/steps)))
			if day.After(g.today) {
				break
			}
			done := it.Size * s / steps
			if age < 60 && s == steps {
				done = it.Size * s / (steps + 1) // the newest are still being read
			}
			if done == 0 {
				continue
			}
			if _, err := g.st.SetReadingProgress(g.ctx, it.ID, done, day); err != nil {
				return err
			}
		}
	}
	return nil
}

// sessions adds the study log: most days one to eight sessions in the
// evening, some days none, in batches of batchSize.
func (g *gen) sessions() error {
	n := g.o.counts().Sessions
	days := g.first.DaysUntil(g.today)
	perDay := float64(n) / float64(days)
	batch := make([]data.StudySession, 0, batchSize)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		_, err := g.st.AddStudySessions(g.ctx, batch)
		batch = batch[:0]
		return err
	}
	made := 0
	for d := range days {
		day := g.first.AddDays(d)
		// Spread the remaining sessions evenly over the remaining days.
		want := int(perDay*float64(d+1)+0.5) - made
		start := day.In(g.loc).Add(time.Duration(7+g.rnd.IntN(3)) * time.Hour)
		for range want {
			dur := time.Duration(15+g.rnd.IntN(90)) * time.Minute
			ss := data.StudySession{Start: start, Duration: dur, Topic: g.topics[g.rnd.IntN(len(g.topics))]}
			if g.rnd.IntN(4) == 0 && len(g.items) > 0 {
				// a session on an item added by then
				k := min(len(g.items)-1, d*len(g.items)/days)
				ss.ReadingItemID = g.items[g.rnd.IntN(k+1)].ID
			}
			if g.rnd.IntN(10) == 0 {
				ss.Note = "Worked through the exercises of chapter " + strconv.Itoa(1+g.rnd.IntN(20))
			}
			batch = append(batch, ss)
			start = start.Add(dur + time.Duration(10+g.rnd.IntN(50))*time.Minute)
			made++
			if len(batch) == batchSize {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	return flush()
}

// practice imports the attempts as a practice CSV through the same parser
// and store method as `masterplan import practice`: three exams, each
// covering its share of the topics, the exams and topics created by the
// import.
func (g *gen) practice() error {
	rot, err := g.st.Rotation(g.ctx)
	if err != nil {
		return err
	}
	exams := []string{"Knowledge exam 1", "Knowledge exam 2", "Qualification lab"}
	sources := []string{"MeasureUp", "Transcender", "own lab", "Boson"}
	n := g.o.counts().Attempts
	span := g.first.DaysUntil(g.today)
	var rows [][]string
	for i := range n {
		// Distinct days: the i-th of n equal steps over the history.
		day := g.first.AddDays(i * span / n)
		e := g.rnd.IntN(len(exams))
		per := (len(g.topics) + len(exams) - 1) / len(exams) // topics per exam, the last sharing one
		progress := float64(i) / float64(n)                  // scores improve over the years
		source, minutes := sources[g.rnd.IntN(len(sources))], strconv.Itoa(30+g.rnd.IntN(120))
		for k := range 4 + g.rnd.IntN(3) {
			topic := g.topics[(e*per+(i+k)%per)%len(g.topics)]
			total := 10 + g.rnd.IntN(15)
			correct := min(total, int(float64(total)*(0.45+0.4*progress+0.15*g.rnd.Float64())))
			rows = append(rows, []string{day.String(), exams[e], topic, strconv.Itoa(correct), strconv.Itoa(total),
				source, minutes, ""})
		}
	}
	var buf bytes.Buffer
	if err := transfer.WriteCSV(&buf, transfer.PracticeColumns(), rows); err != nil {
		return err
	}
	p, err := transfer.ImportPractice("seed.csv", buf.Bytes(), transfer.PracticeImport{Today: g.today})
	if err != nil {
		return err
	}
	if len(p.Rejected) > 0 {
		return fmt.Errorf("%s: %w", p.Rejected[0], data.ErrInvalid)
	}
	_, err = g.st.ImportPractice(g.ctx, rot, p.Batch(), g.today)
	return err
}

// budget adds the items of the years' trips in six currencies, in batches.
func (g *gen) budget() error {
	rot, err := g.st.Rotation(g.ctx)
	if err != nil {
		return err
	}
	cats := data.BudgetCategories()
	all := []string{HomeCurrency}
	for _, f := range foreignCurrencies() {
		all = append(all, f.code)
	}
	n := g.o.counts().Budget
	span := g.first.DaysUntil(g.today)
	batch := make([]data.BudgetItem, 0, batchSize)
	for i := range n {
		cur := all[g.rnd.IntN(len(all))]
		amount := decimal.NewFromInt(int64(20 + g.rnd.IntN(2000)))
		if cur == "JPY" {
			amount = amount.Mul(decimal.NewFromInt(150))
		} else {
			amount = amount.Add(decimal.New(int64(g.rnd.IntN(100)), -2))
		}
		it := data.BudgetItem{
			Category:      cats[g.rnd.IntN(len(cats))],
			Description:   fmt.Sprintf("Item %d", i+1),
			Planned:       data.Money{Amount: amount, Currency: cur},
			PaidBy:        data.PaidByMe,
			Reimbursement: data.NotClaimed,
		}
		if i%5 != 0 { // a fifth are not dated yet
			it.Date = g.first.AddDays(i * span / n)
			if it.Category == data.CategoryHotel {
				it.EndDate = it.Date.AddDays(1 + g.rnd.IntN(13))
			}
		}
		if !it.Date.IsZero() && it.Date.Before(g.today) && g.rnd.IntN(3) > 0 {
			it.Actual = data.Money{Amount: amount.Mul(decimal.NewFromFloat(0.9 + 0.2*g.rnd.Float64())).Round(data.MinorUnits(cur)), Currency: cur}
		}
		switch g.rnd.IntN(3) {
		case 1:
			it.PaidBy, it.EmployerPercent = data.PaidByEmployer, 100
		case 2:
			it.PaidBy, it.EmployerPercent = data.PaidBySplit, 50
		}
		if it.PaidBy != data.PaidByMe && it.Actual.IsSet() {
			it.Reimbursement = []data.Reimbursement{data.NotClaimed, data.Claimed, data.Reimbursed}[g.rnd.IntN(3)]
		}
		batch = append(batch, it)
		if len(batch) == batchSize || i == n-1 {
			if _, err := g.st.AddBudgetItems(g.ctx, rot.ID, batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	return nil
}

// rates imports the exchange rates: each foreign currency quoted on evenly
// spread days, drifting around its typical rate.
func (g *gen) rates() error {
	n := g.o.counts().Rates
	cur := foreignCurrencies()
	per := max(1, n/len(cur))
	span := g.first.DaysUntil(g.today)
	var rates []data.Rate
	for _, f := range cur {
		for i := range per {
			v := f.rate * (0.9 + 0.2*g.rnd.Float64())
			rates = append(rates, data.Rate{Currency: f.code, ToHome: decimal.NewFromFloat(v).Round(6), AsOf: g.first.AddDays(i * span / per)})
		}
	}
	_, _, err := g.st.ImportRates(g.ctx, HomeCurrency, rates)
	return err
}

// reminders adds study reminders (the schedule changed over the years, the
// old ones kept but turned off) and one-off reminders, past ones off.
func (g *gen) reminders() error {
	n := g.o.counts().Reminders
	weekdays := []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}
	span := g.first.DaysUntil(g.today)
	for i := range n {
		r := data.Reminder{Enabled: true}
		switch {
		case i%2 == 0:
			days := []time.Weekday{weekdays[i%7], weekdays[(i+2)%7], weekdays[(i+4)%7]}
			rule, err := data.StudyRule(days, data.Clock{Hour: 6 + i%15, Minute: 15 * (i % 4)})
			if err != nil {
				return err
			}
			r.Kind, r.Title, r.RRule = data.ReminderStudy, fmt.Sprintf("Study block %d", i+1), rule
			r.Day = g.first.AddDays(i * span / n)
			r.Enabled = i >= n-10 // the current schedule
		default:
			r.Kind, r.Title = data.ReminderOneOff, fmt.Sprintf("Book the exam voucher %d", i+1)
			r.At = data.Clock{Hour: 9}
			if i >= n-20 {
				r.Day = g.today.AddDays(1 + i%50)
			} else {
				r.Day, r.Enabled = g.first.AddDays(i*span/n), false
			}
		}
		if _, err := g.st.SaveReminder(g.ctx, r); err != nil {
			return fmt.Errorf("reminder %d: %w", i+1, err)
		}
	}
	return nil
}
