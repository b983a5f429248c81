package data

import "sync"

// rangeTQuantile is the Student t quantile of the readiness range
// (ReadinessRangeLevel, two-sided) for dof degrees of freedom.
//
// Each fit asked StudentTQuantile for it, sixty-odd bisection steps of the
// incomplete beta function, a twentieth of the heavy dashboard's time for
// the same handful of values: a fit of a window's points has 1 to
// DefaultFitWindow-2 degrees of freedom, so those are worked out once, on
// first use (a process that forecasts nothing pays nothing), and any
// other is worked out as before.
func rangeTQuantile(dof int) float64 {
	if t := rangeTQuantiles(); dof >= 1 && dof < len(t) {
		return t[dof]
	}
	return StudentTQuantile(rangeTailP, float64(dof))
}

// rangeTailP is the probability below the top of the readiness range.
const rangeTailP = 1 - (1-ReadinessRangeLevel)/2

// rangeTQuantiles holds rangeTQuantile by degrees of freedom, 1 to
// DefaultFitWindow-2 (index 0 unused).
var rangeTQuantiles = sync.OnceValue(func() []float64 {
	out := make([]float64, DefaultFitWindow-1)
	for dof := 1; dof < len(out); dof++ {
		out[dof] = StudentTQuantile(rangeTailP, float64(dof))
	}
	return out
})
