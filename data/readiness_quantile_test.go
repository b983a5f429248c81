package data

import "testing"

// The kept quantiles are the ones StudentTQuantile works out, bit for bit,
// and degrees of freedom outside the table are worked out as before.
func TestRangeTQuantileIsStudentTQuantile(t *testing.T) {
	for dof := -1; dof <= 3*DefaultFitWindow; dof++ {
		got, want := rangeTQuantile(dof), StudentTQuantile(1-(1-ReadinessRangeLevel)/2, float64(dof))
		if got != want && !(got != got && want != want) { // NaN for dof <= 0 on both sides
			t.Errorf("dof %d: %v, want %v", dof, got, want)
		}
	}
}
