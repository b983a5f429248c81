package data

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Readiness is the verdict of a forecast against the pass mark.
type Readiness string

// Readiness verdicts, taken on the forecast's 80 % range (see
// ForecastScores):
//   - ready:      the range's low end is at or above the pass mark;
//   - not ready:  the range's high end is below the pass mark;
//   - borderline: the range holds the pass mark;
//   - too early:  no projection (too few attempts, or too close together).
const (
	ReadinessReady      Readiness = "ready"
	ReadinessBorderline Readiness = "borderline"
	ReadinessNotReady   Readiness = "not ready"
	ReadinessTooEarly   Readiness = "too early"
)

// The readiness model's settings. Eight attempts within half a year are
// the candidate's recent form; older ones describe someone who has since
// learned. Three points are the fewest a line can be fitted to with any
// spread left over, and two weeks the shortest stretch over which practice
// scores move more than their own noise. ScoreNoise is the floor of the
// residual spread on the logit scale: a practice test's score wobbles by
// about 5 points near 70 % even when nothing changed, so three attempts on
// a perfect line do not make the forecast certain.
const (
	DefaultFitWindow    = 8
	ReadinessWindowDays = 180
	MinReadinessPoints  = 3
	MinReadinessSpan    = 14
	ScoreNoise          = 0.25
	ReadinessRangeLevel = 0.80
)

// ScorePoint is one score in a history: an attempt's overall score, or its
// score on one topic.
type ScorePoint struct {
	AttemptID int64
	Date      Date
	Percent   float64
}

// Forecast is where a history of scores stands and where it is heading,
// by the model of ForecastScores. Projected, Low, High and PassChance are
// percentages rounded to 0.1, and the verdict is taken on those rounded
// values, so it agrees with the numbers shown.
type Forecast struct {
	Points          []ScorePoint // every score, oldest first: the chart's points
	Fitted          []ScorePoint // the scores the model fits, oldest first
	Latest          float64      // the most recent score, rounded to 0.1; 0 without points
	PassMark        float64      // the bar the verdict is taken against
	PassMarkAssumed bool         // the pass mark is the app's assumption, not the user's
	Target          Date         // the day forecast: the exam's date, or today
	Horizon         Date         // how far the trend is carried: Target, or earlier (see ForecastScores)
	HasProjection   bool
	Projected       float64 // the projected score on Target
	Low, High       float64 // the 80 % range of the score on Target
	PassChance      float64 // the chance, 0-100, that the score on Target reaches the pass mark
	Readiness       Readiness
	Missing         string // what a projection still needs, when it is too early
	Explanation     string // one sentence for the UI
	fit             logitFit
}

// Attempts is the number of scores in the history.
func (f Forecast) Attempts() int { return len(f.Points) }

// SpanDays is the number of days from the first fitted score to the last.
func (f Forecast) SpanDays() int {
	if len(f.Fitted) == 0 {
		return 0
	}
	return f.Fitted[0].Date.DaysUntil(f.Fitted[len(f.Fitted)-1].Date)
}

// BelowPass reports that the latest score is under the pass mark: the flag
// the UI shows next to a weak topic (as a word or icon, not colour alone).
func (f Forecast) BelowPass() bool { return len(f.Points) > 0 && f.Latest < f.PassMark }

// ScoreChange is the latest score minus the first, rounded to 0.1; 0 with
// fewer than two scores.
func (f Forecast) ScoreChange() float64 {
	if len(f.Points) < 2 {
		return 0
	}
	return round1(f.Points[len(f.Points)-1].Percent - f.Points[0].Percent)
}

// logitFit is the least-squares line through the fitted scores on the
// logit scale, x in days since the first fitted score.
type logitFit struct {
	origin         Date
	n              int
	a, b           float64 // y = a + b x
	s              float64 // residual standard deviation, at least ScoreNoise
	meanX, sxx     float64
	horizonX       float64 // x*: where the trend stops
	tQuantile, dof float64
}

// at is the projection and its 80 % range, in percent, at x days (the
// trend is held flat after horizonX).
func (m logitFit) at(x float64) (mid, low, high, se float64) {
	x = min(x, m.horizonX)
	y := m.a + m.b*x
	se = m.s * math.Sqrt(1+1/float64(m.n)+(x-m.meanX)*(x-m.meanX)/m.sxx)
	return fromLogit(y), fromLogit(y - m.tQuantile*se), fromLogit(y + m.tQuantile*se), se
}

// RangeAt is the projection and its 80 % range on day d (from the last
// fitted score on; the trend held flat after Horizon): the band the trend
// chart draws. ok is false without a projection.
func (f Forecast) RangeAt(d Date) (mid, low, high float64, ok bool) {
	if !f.HasProjection {
		return 0, 0, 0, false
	}
	mid, low, high, _ = f.fit.at(float64(f.fit.origin.DaysUntil(d)))
	return mid, low, high, true
}

// logit is ln(p / (100 - p)) of a score p clamped to [1, 99]: 0 and 100 %
// would be infinitely far on the logit scale.
func logit(p float64) float64 {
	p = min(99, max(1, p))
	return math.Log(p / (100 - p))
}

// fromLogit is 100 / (1 + e^-y), back to percent.
func fromLogit(y float64) float64 { return 100 / (1 + math.Exp(-y)) }

// ForecastScores measures a history against passMark and projects it to
// target (the exam's date, or today when there is none). The model, simple
// enough to recompute by hand:
//   - the points are the last window scores (DefaultFitWindow when
//     window < 1) within the ReadinessWindowDays days before today; each score p is clamped to [1, 99] and taken on the logit scale,
//     y = ln(p / (100 - p)), against its day x;
//   - a projection needs MinReadinessPoints points spanning at least
//     MinReadinessSpan days;
//   - y = a + b x by least squares, residual spread s = sqrt(SSR / (n-2)),
//     at least ScoreNoise;
//   - the trend is carried forward at most as long as it was observed:
//     x* = x_last + min(target - x_last, x_last - x_first);
//   - se = s sqrt(1 + 1/n + (x* - mean x)² / Σ(x - mean x)²), the 80 % range
//     is y* ± t se with t the 90th percentile of Student's t with n-2
//     degrees of freedom, back to percent with 100 / (1 + e^-y);
//   - the chance to pass is P(T > (logit(pass mark) - y*) / se).
func ForecastScores(points []ScorePoint, passMark float64, today, target Date, window int) Forecast {
	pts := slices.Clone(points)
	slices.SortStableFunc(pts, func(a, b ScorePoint) int {
		return cmp.Or(a.Date.Time().Compare(b.Date.Time()), cmp.Compare(a.AttemptID, b.AttemptID))
	})
	if target.IsZero() || target.Before(today) {
		target = today
	}
	f := Forecast{Points: pts, Target: target, PassMark: passMark, Readiness: ReadinessTooEarly}
	if len(pts) > 0 {
		f.Latest = round1(pts[len(pts)-1].Percent)
	}
	f.Fitted = fittedPoints(pts, today, window)
	n, span := len(f.Fitted), f.SpanDays()
	var missing []string
	if n < MinReadinessPoints {
		k := MinReadinessPoints - n
		missing = append(missing, Count(k, "more attempt", "more attempts"))
	}
	if n < 2 || span < MinReadinessSpan {
		missing = append(missing, fmt.Sprintf("attempts at least %d days apart", MinReadinessSpan))
	}
	if len(missing) > 0 {
		f.Missing = strings.Join(missing, " and ")
		f.Explanation = fmt.Sprintf("Too early to tell: a forecast needs %d attempts over at least %d days within the last %d; it still needs %s.",
			MinReadinessPoints, MinReadinessSpan, ReadinessWindowDays, f.Missing)
		return f
	}
	f.fit = fitLogit(f.Fitted, target)
	f.Horizon = f.fit.origin.AddDays(int(f.fit.horizonX))
	mid, low, high, se := f.fit.at(f.fit.horizonX)
	f.HasProjection = true
	f.Projected, f.Low, f.High = round1(mid), round1(low), round1(high)
	f.PassChance = round1(100 * (1 - StudentTCDF((logit(passMark)-(f.fit.a+f.fit.b*f.fit.horizonX))/se, f.fit.dof)))
	switch {
	case f.Low >= passMark:
		f.Readiness = ReadinessReady
	case f.High < passMark:
		f.Readiness = ReadinessNotReady
	default:
		f.Readiness = ReadinessBorderline
	}
	f.Explanation = f.explain()
	return f
}

// fittedPoints are the last window of pts (sorted) within the readiness
// window before today.
func fittedPoints(pts []ScorePoint, today Date, window int) []ScorePoint {
	if window < 1 {
		window = DefaultFitWindow
	}
	from := today.AddDays(-ReadinessWindowDays)
	var in []ScorePoint
	for _, p := range pts {
		if !p.Date.Before(from) && !p.Date.After(today) {
			in = append(in, p)
		}
	}
	return in[max(0, len(in)-window):]
}

// fitLogit fits the points (at least two days apart, see ForecastScores)
// and carries the trend towards target.
func fitLogit(pts []ScorePoint, target Date) logitFit {
	m := logitFit{origin: pts[0].Date, n: len(pts)}
	xs, ys := make([]float64, m.n), make([]float64, m.n)
	var meanY float64
	for i, p := range pts {
		xs[i], ys[i] = float64(m.origin.DaysUntil(p.Date)), logit(p.Percent)
		m.meanX += xs[i]
		meanY += ys[i]
	}
	m.meanX /= float64(m.n)
	meanY /= float64(m.n)
	var sxy float64
	for i := range xs {
		m.sxx += (xs[i] - m.meanX) * (xs[i] - m.meanX)
		sxy += (xs[i] - m.meanX) * (ys[i] - meanY)
	}
	m.b = sxy / m.sxx
	m.a = meanY - m.b*m.meanX
	var ssr float64
	for i := range xs {
		r := ys[i] - (m.a + m.b*xs[i])
		ssr += r * r
	}
	m.dof = float64(m.n - 2)
	m.s = max(ScoreNoise, math.Sqrt(ssr/m.dof))
	last := xs[m.n-1]
	m.horizonX = last + min(float64(pts[m.n-1].Date.DaysUntil(target)), last)
	m.tQuantile = rangeTQuantile(m.n - 2)
	return m
}

// explain is the one sentence under a projection.
func (f Forecast) explain() string {
	s := fmt.Sprintf("A straight line through the last %d scores (on the logit scale, so it bends towards 0 and 100 %%)", len(f.Fitted))
	if f.Horizon.Before(f.Target) {
		s += fmt.Sprintf(", carried %d days forward as it was observed for %d days and then held flat", int(f.fit.horizonX)-f.SpanDays(), f.SpanDays())
	}
	return s + "; the exam score falls in the range 8 times in 10 if the scores keep scattering around it as they have."
}

// Summary is the forecast in one line, as every front end shows it:
// "projected 85 % (80 % range 46-97 %) on 2027-03-05, chance to pass about
// 81 %, from 3 attempts over 61 days", or, without a projection, what it
// still needs ("needs 1 more attempt"): every front end shows the verdict
// ("too early") next to it, so the line does not say it a second time.
func (f Forecast) Summary() string {
	if !f.HasProjection {
		return "needs " + f.Missing
	}
	return fmt.Sprintf("projected %.0f %% (80 %% range %.0f-%.0f %%) on %s, chance to pass about %.0f %%, from %s over %s",
		f.Projected, f.Low, f.High, f.Target, f.PassChance, Count(len(f.Fitted), "attempt", "attempts"), Count(f.SpanDays(), "day", "days"))
}

// PassMarkText is the pass mark as shown: "70 %", or "70 % (assumed)".
func (f Forecast) PassMarkText() string { return PassMarkText(f.PassMark, f.PassMarkAssumed) }

// PassMarkText is a pass mark as every front end shows it, marked when it
// is the app's assumption.
func PassMarkText(mark float64, assumed bool) string {
	if assumed {
		return formatPercent(mark) + " (assumed)"
	}
	return formatPercent(mark)
}

// AssumedPassMarkWhy is the one line shown next to an assumed pass mark.
func AssumedPassMarkWhy(mark float64) string {
	return fmt.Sprintf("the program's published material gives no pass mark for this exam; %s is assumed: enter the real one to replace it", formatPercent(mark))
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }
