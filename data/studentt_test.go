package data

import (
	"math"
	"testing"
)

// The 90th percentiles of Student's t from a printed t table (e.g. NIST/
// SEMATECH e-Handbook, table 1.3.6.7.2), to four decimals.
func TestStudentTQuantileMatchesTheTable(t *testing.T) {
	for _, tc := range []struct{ p, df, want float64 }{
		{0.9, 1, 3.0777}, {0.9, 2, 1.8856}, {0.9, 3, 1.6377}, {0.9, 4, 1.5332},
		{0.9, 5, 1.4759}, {0.9, 6, 1.4398}, {0.95, 1, 6.3138}, {0.975, 10, 2.2281},
		{0.5, 3, 0}, {0.1, 2, -1.8856},
	} {
		if got := StudentTQuantile(tc.p, tc.df); math.Abs(got-tc.want) > 5e-5 {
			t.Errorf("t(%v, %v) = %.5f, want %.4f", tc.p, tc.df, got, tc.want)
		}
	}
	if !math.IsNaN(StudentTQuantile(1, 3)) || !math.IsNaN(StudentTQuantile(0.9, 0)) {
		t.Error("out-of-range arguments give a number")
	}
}

// The CDF against closed forms: with 1 degree of freedom (Cauchy)
// 1/2 + atan(t)/π, with 2 degrees 1/2 + t / (2 sqrt(2 + t²)).
func TestStudentTCDFMatchesClosedForms(t *testing.T) {
	for _, x := range []float64{-20, -3, -1, -0.2, 0, 0.5, 1, 2.5, 40} {
		cauchy := 0.5 + math.Atan(x)/math.Pi
		if got := StudentTCDF(x, 1); math.Abs(got-cauchy) > 1e-10 {
			t.Errorf("F(%v; 1) = %v, want %v", x, got, cauchy)
		}
		two := 0.5 + x/(2*math.Sqrt(2+x*x))
		if got := StudentTCDF(x, 2); math.Abs(got-two) > 1e-10 {
			t.Errorf("F(%v; 2) = %v, want %v", x, got, two)
		}
	}
	if StudentTCDF(math.Inf(1), 3) != 1 || StudentTCDF(math.Inf(-1), 3) != 0 {
		t.Error("infinite t")
	}
	// Large degrees of freedom approach the normal: Φ(1.2816) = 0.9.
	if got := StudentTCDF(1.2816, 1e6); math.Abs(got-0.9) > 1e-4 {
		t.Errorf("F(1.2816; 1e6) = %v, want 0.9", got)
	}
}
