package data

import "math"

// Student's t distribution, for the readiness model's range and chance to
// pass. Written here rather than taken from a statistics module: two
// functions on top of the regularized incomplete beta function are all the
// model needs, and they are tested against published t tables.

// StudentTCDF is P(T <= t) for T with df degrees of freedom (df > 0).
// With x = df / (df + t²), P(T > |t|) = I_x(df/2, 1/2) / 2.
func StudentTCDF(t, df float64) float64 {
	switch {
	case math.IsNaN(t) || df <= 0:
		return math.NaN()
	case math.IsInf(t, 1):
		return 1
	case math.IsInf(t, -1):
		return 0
	}
	tail := regIncBeta(df/2, 0.5, df/(df+t*t)) / 2
	if t > 0 {
		return 1 - tail
	}
	return tail
}

// StudentTQuantile is the t with P(T <= t) = p for T with df degrees of
// freedom (0 < p < 1, df > 0), found by bisection on StudentTCDF: the CDF is
// monotone, so 200 halvings of a bracket that holds every quantile the
// model asks for reach the float's precision.
func StudentTQuantile(p, df float64) float64 {
	if math.IsNaN(p) || p <= 0 || p >= 1 || df <= 0 {
		return math.NaN()
	}
	lo, hi := -1.0, 1.0
	for StudentTCDF(lo, df) > p {
		lo *= 2
	}
	for StudentTCDF(hi, df) < p {
		hi *= 2
	}
	for range 200 {
		mid := (lo + hi) / 2
		if mid == lo || mid == hi {
			break
		}
		if StudentTCDF(mid, df) < p {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// regIncBeta is the regularized incomplete beta function I_x(a, b), by the
// continued fraction of Numerical Recipes (2nd ed., 6.4), applied directly
// where it converges fast (x < (a+1)/(a+b+2)) and through the symmetry
// I_x(a, b) = 1 - I_{1-x}(b, a) elsewhere.
func regIncBeta(a, b, x float64) float64 {
	switch {
	case x <= 0:
		return 0
	case x >= 1:
		return 1
	}
	la, _ := math.Lgamma(a + b)
	lb, _ := math.Lgamma(a)
	lc, _ := math.Lgamma(b)
	front := math.Exp(la - lb - lc + a*math.Log(x) + b*math.Log1p(-x))
	if x < (a+1)/(a+b+2) {
		return front * betaContinuedFraction(a, b, x) / a
	}
	return 1 - front*betaContinuedFraction(b, a, 1-x)/b
}

// betaContinuedFraction evaluates the continued fraction of I_x(a, b) by the
// modified Lentz method.
func betaContinuedFraction(a, b, x float64) float64 {
	const (
		tiny = 1e-300
		eps  = 1e-15
	)
	qab, qap, qam := a+b, a+1, a-1
	c, d := 1.0, 1-qab*x/qap
	if math.Abs(d) < tiny {
		d = tiny
	}
	d = 1 / d
	h := d
	for m := 1; m <= 1000; m++ {
		fm := float64(m)
		m2 := 2 * fm
		aa := fm * (b - fm) * x / ((qam + m2) * (a + m2))
		d = 1 + aa*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = 1 + aa/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		h *= d * c
		aa = -(a + fm) * (qab + fm) * x / ((a + m2) * (qap + m2))
		d = 1 + aa*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = 1 + aa/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		del := d * c
		h *= del
		if math.Abs(del-1) < eps {
			break
		}
	}
	return h
}
