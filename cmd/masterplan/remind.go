package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/remind"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/summary"
	"github.com/masterplan-app/masterplan/data/transfer"
)

const remindUsage = `remind [--once]                 deliver due reminders (--once: what is due, then exit)
       masterplan remind list                    reminders, what is waiting, and what comes next
       masterplan remind add study [TITLE] [--days mon-fri] [--at 19:30] [--from YYYY-MM-DD] [--rrule RULE]
       masterplan remind add one-off TITLE --date YYYY-MM-DD --at HH:MM
       masterplan remind on|off|delete ID
       masterplan remind milestone MILESTONE_ID --days N | --off | --default
       masterplan remind done NOTICE_ID | snooze NOTICE_ID 10m|1h|morning`

// remindCommands are remind's subcommands; any other word goes to
// runRemindDeliver, which delivers the reminders or names the word.
func remindCommands() subcommands {
	return subcommands{
		"list":      runRemindList,
		"add":       runRemindAdd,
		"on":        runRemindSwitch("on"),
		"off":       runRemindSwitch("off"),
		"delete":    runRemindDelete,
		"milestone": runRemindMilestone,
		"done":      runRemindNotice("done"),
		"snooze":    runRemindNotice("snooze"),
		"help": func(_ context.Context, e *env, _ []string) error {
			fmt.Fprintf(e.stdout, "usage: masterplan %s\n", remindUsage)
			return nil
		},
	}
}

func runRemind(ctx context.Context, e *env, args []string) error {
	return remindCommands().run(ctx, e, args, runRemindDeliver)
}

// runRemindDeliver is `remind [--once]`: it delivers what is due.
func runRemindDeliver(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("remind", e)
	once := fs.Bool("once", false, "deliver what is due since the last run, then exit (for cron or a systemd timer)")
	if err := parseFlags(fs, e, remindUsage, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unknown remind command %q; usage: masterplan %s", fs.Arg(0), remindUsage)
	}
	st, err := e.open(ctx, needRotation)
	if err != nil {
		return err
	}
	defer st.Close()
	r := &remind.Runner{
		Store: st.Store, Notifier: newDesktopNotifier(), Sources: summary.ReminderSources(st.Store), Now: e.now, Name: "remind",
		Logf:      func(format string, args ...any) { fmt.Fprintf(e.stderr, format+"\n", args...) },
		Delivered: func(ds []remind.Delivery) { printDeliveries(e.stdout, ds, e.now()) },
	}
	if *once {
		ds, err := r.Once(ctx)
		if err == nil && len(ds) == 0 {
			fmt.Fprintln(e.stdout, "Nothing due.")
		}
		return err
	}
	fmt.Fprintf(e.stderr, "Delivering reminders from %s; press Ctrl+C to stop.\n", st.Path())
	r.Run(ctx)
	return nil
}

func printDeliveries(w io.Writer, ds []remind.Delivery, now time.Time) {
	for _, d := range ds {
		where := "on the desktop"
		if d.Err != nil {
			where = "kept for the app (no desktop notifications)"
		}
		fmt.Fprintf(w, "%s  %s  (%s)\n", now.Format("2006-01-02 15:04"), d.Notice.Title, where)
	}
}

func runRemindList(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("remind list", e)
	if err := parseFlags(fs, e, "remind list", args); err != nil {
		return err
	}
	st, err := e.open(ctx, 0)
	if err != nil {
		return err
	}
	defer st.Close()
	plan, err := st.ReminderPlan(ctx)
	if err != nil {
		return err
	}
	loc := plan.Schedule.Zone
	fmt.Fprintln(e.stdout, "Reminders:")
	for _, r := range plan.Schedule.Reminders {
		state := "on "
		if !r.Enabled {
			state = "off"
		}
		fmt.Fprintf(e.stdout, "%4d [%s] %-13s %s: %s\n", r.ID, state, r.Kind, r.Title, r.Describe())
	}
	notices, err := st.Notices(ctx)
	if err != nil {
		return err
	}
	if len(notices) > 0 {
		fmt.Fprintln(e.stdout, "\nWaiting (remind done ID, remind snooze ID 10m|1h|morning):")
	}
	for _, n := range notices {
		state := "due " + n.DueAt.In(loc).Format("Mon 2 Jan 15:04")
		if n.State == store.NoticeSnoozed {
			state = "snoozed until " + n.SnoozeUntil.In(loc).Format("Mon 2 Jan 15:04")
		}
		fmt.Fprintf(e.stdout, "%4d %s  (%s)\n", n.ID, n.Title, state)
	}
	next, err := plan.Schedule.Next(e.now(), 5)
	if err != nil {
		fmt.Fprintf(e.stderr, "masterplan remind list: %s\n", oneLine(err))
	}
	fmt.Fprintln(e.stdout, "\nComing up:")
	if len(next) == 0 {
		fmt.Fprintln(e.stdout, "  nothing in the next year")
	}
	for _, o := range next {
		fmt.Fprintf(e.stdout, "  %s  %s\n", o.At.In(loc).Format("Mon 2 Jan 2006 15:04"), o.Title)
	}
	return nil
}

// dayNames reads the days a study reminder rings on the command line.
var dayNames = map[string]time.Weekday{
	"mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday, "thu": time.Thursday,
	"fri": time.Friday, "sat": time.Saturday, "sun": time.Sunday,
}

// parseDays reads "mon-fri", "mon,wed,fri", "sat-sun,wed" or "daily".
func parseDays(s string) ([]time.Weekday, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "daily" {
		s = "mon-sun"
	}
	var out []time.Weekday
	for _, part := range strings.Split(s, ",") {
		from, to, isRange := strings.Cut(strings.TrimSpace(part), "-")
		a, ok1 := dayNames[from]
		b, ok2 := dayNames[to]
		if !ok1 || (isRange && !ok2) {
			return nil, data.Invalid("--days", "%q is not a list of days; write mon-fri, mon,wed,fri or daily", s)
		}
		if !isRange {
			out = append(out, a)
			continue
		}
		for d := a; ; d = (d + 1) % 7 {
			out = append(out, d)
			if d == b {
				break
			}
		}
	}
	return out, nil
}

func runRemindAdd(ctx context.Context, e *env, args []string) error {
	usage := "remind add study [TITLE] [--days mon-fri] [--at 19:30] [--from YYYY-MM-DD] [--rrule RULE] | remind add one-off TITLE --date YYYY-MM-DD --at HH:MM"
	if len(args) == 0 || (args[0] != data.ReminderStudy && args[0] != data.ReminderOneOff) {
		return usagef("remind add needs a kind, study or one-off; usage: masterplan %s", usage)
	}
	kind, args := args[0], args[1:]
	fs := newFlagSet("remind add", e)
	day := fs.String("date", "", "one-off: the day, YYYY-MM-DD (default today)")
	from := fs.String("from", "", "study: the first day it may ring, YYYY-MM-DD (default today)")
	at := fs.String("at", "", "the time of day, HH:MM (study default 19:30)")
	days := fs.String("days", "mon-fri", "study: the days, e.g. mon-fri, mon,wed,fri or daily")
	rule := fs.String("rrule", "", "study: an RFC 5545 RRULE instead of --days and --at, e.g. FREQ=WEEKLY;BYDAY=SA;BYHOUR=10;BYMINUTE=0")
	note := fs.String("note", "", "text shown under the title")
	tz := fs.String("tz", "", "IANA time zone of the times (default: yours, following you when you change it)")
	off := fs.Bool("off", false, "add it turned off")
	var title string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		title, args = args[0], args[1:]
	}
	if err := parseFlags(fs, e, usage, args); err != nil {
		return err
	}
	if title == "" && fs.NArg() == 1 {
		title = fs.Arg(0)
	} else if fs.NArg() > 0 {
		return usagef("remind add takes one TITLE (quote it if it has spaces)")
	}
	st, err := e.open(ctx, needSettings)
	if err != nil {
		return err
	}
	defer st.Close()
	loc := st.set.Location()
	if *tz != "" {
		if loc, err = data.LoadZone(*tz); err != nil {
			return err
		}
	}
	r := data.NewReminder(kind, data.DateOf(e.now(), loc))
	r.Body, r.TimeZone, r.Enabled = *note, *tz, !*off
	if title != "" {
		r.Title = title
	}
	dayFlag := day
	if kind == data.ReminderStudy {
		dayFlag = from
	}
	if *dayFlag != "" {
		if r.Day, err = data.ParseDate("date", *dayFlag); err != nil {
			return err
		}
	}
	switch {
	case kind == data.ReminderOneOff:
		if *at == "" {
			return usagef("remind add one-off needs --at HH:MM")
		}
		if r.At, err = data.ParseClock("--at", *at); err != nil {
			return err
		}
	case *rule != "":
		r.RRule = *rule
	default:
		ds, err := parseDays(*days)
		if err != nil {
			return err
		}
		c := data.Clock{Hour: 19, Minute: 30}
		if *at != "" {
			if c, err = data.ParseClock("--at", *at); err != nil {
				return err
			}
		}
		if r.RRule, err = data.StudyRule(ds, c); err != nil {
			return err
		}
	}
	r, err = st.SaveReminder(ctx, r)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Added reminder %d: %s, %s\n", r.ID, r.Title, r.Describe())
	return nil
}

// parseID reads the one ID argument of a command.
func parseID(what, cmd string, args []string) (int64, error) {
	if len(args) != 1 {
		return 0, usagef("%s needs one %s ID (see masterplan remind list)", cmd, what)
	}
	id, err := strconv.ParseInt(args[0], 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("%q is not a %s ID; IDs are whole numbers (see masterplan remind list)", args[0], what)
	}
	return id, nil
}

// runRemindSwitch is `remind on ID` or `remind off ID`, as verb says.
func runRemindSwitch(verb string) runner {
	return func(ctx context.Context, e *env, args []string) error {
		return switchReminder(ctx, e, verb, args)
	}
}

func switchReminder(ctx context.Context, e *env, verb string, args []string) error {
	id, err := parseID("reminder", "remind "+verb, args)
	if err != nil {
		return err
	}
	st, err := e.open(ctx, 0)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.SetReminderEnabled(ctx, id, verb == "on"); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Reminder %d turned %s\n", id, verb)
	return nil
}

func runRemindDelete(ctx context.Context, e *env, args []string) error {
	id, err := parseID("reminder", "remind delete", args)
	if err != nil {
		return err
	}
	st, err := e.open(ctx, 0)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.DeleteReminder(ctx, id); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Reminder %d deleted\n", id)
	return nil
}

func runRemindMilestone(ctx context.Context, e *env, args []string) error {
	usage := "remind milestone MILESTONE_ID --days N | --off | --default"
	fs := newFlagSet("remind milestone", e)
	days := fs.Int("days", -1, "remind this many days before its due date (0: on the day)")
	off := fs.Bool("off", false, "no reminder for this milestone")
	def := fs.Bool("default", false, "follow the milestone reminder's days again")
	var idArg []string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		idArg, args = args[:1], args[1:]
	}
	if err := parseFlags(fs, e, usage, args); err != nil {
		return err
	}
	id, err := parseID("milestone", "remind milestone", append(idArg, fs.Args()...))
	if err != nil {
		return err
	}
	var choice *data.MilestoneSetting
	switch {
	case *off && !*def && *days < 0:
		choice = &data.MilestoneSetting{Off: true}
	case *def && !*off && *days < 0:
	case *days >= 0 && !*off && !*def:
		choice = &data.MilestoneSetting{DaysBefore: *days}
	default:
		return usagef("give exactly one of --days N, --off or --default; usage: masterplan %s", usage)
	}
	st, err := e.open(ctx, 0)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.SetMilestoneReminder(ctx, id, choice); err != nil {
		return err
	}
	switch {
	case choice == nil:
		fmt.Fprintf(e.stdout, "Milestone %d follows the milestone reminder again\n", id)
	case choice.Off:
		fmt.Fprintf(e.stdout, "Milestone %d: no reminder\n", id)
	default:
		fmt.Fprintf(e.stdout, "Milestone %d: reminder %d days before\n", id, choice.DaysBefore)
	}
	return nil
}

// snoozeChoices are the words `remind snooze` takes.
var snoozeChoices = map[string]data.Snooze{"10m": data.Snooze10Minutes, "1h": data.SnoozeHour, "morning": data.SnoozeTomorrowMorning}

// runRemindNotice is `remind done ID` or `remind snooze ID WHEN`, as verb
// says.
func runRemindNotice(verb string) runner {
	return func(ctx context.Context, e *env, args []string) error {
		return answerNotice(ctx, e, verb, args)
	}
}

func answerNotice(ctx context.Context, e *env, verb string, args []string) error {
	var choice data.Snooze
	if verb == "snooze" {
		if len(args) != 2 || snoozeChoices[args[1]] == 0 {
			return usagef("usage: masterplan remind snooze NOTICE_ID 10m|1h|morning")
		}
		choice, args = snoozeChoices[args[1]], args[:1]
	}
	id, err := parseID("notice", "remind "+verb, args)
	if err != nil {
		return err
	}
	st, err := e.open(ctx, needSettings)
	if err != nil {
		return err
	}
	defer st.Close()
	if verb == "done" {
		if err := st.DoneNotice(ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Reminder notice %d done\n", id)
		return nil
	}
	until, err := remind.Snooze(ctx, st.Store, id, choice, e.now(), st.set.Location())
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Reminder notice %d snoozed until %s\n", id, until.In(st.set.Location()).Format("Mon 2 Jan 15:04"))
	return nil
}

func exportICS(ctx context.Context, e *env, args []string) error {
	args, withPlan := planFlag(args)
	return runExportTo(ctx, e, "ics", 0, args, func(ctx context.Context, o *opened, w io.Writer) (string, error) {
		st := o.Store
		in, err := remind.Calendar(ctx, st, summary.ReminderSources(st), e.now())
		if errors.Is(err, remind.ErrNoRotation) {
			return "", err
		}
		if err != nil {
			return "", fmt.Errorf("export ics: %w", err)
		}
		if withPlan {
			if in.Planned, err = plannedBlocks(ctx, st, e.now()); err != nil {
				return "", fmt.Errorf("export ics: %w", err)
			}
		}
		return "the calendar", transfer.WriteCalendar(w, in)
	})
}
