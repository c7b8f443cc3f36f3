package org.minisim.job.calibrate;

/**
 * Maximum-likelihood logistic regression with one predictor and an intercept, {@code P(y | x) = σ(a + b·x)},
 * on weighted rows (a weight is how often a row counts: 1, or a bootstrap multiplicity; 0 drops the row).
 *
 * <p>Newton–Raphson on the exact log-likelihood (the 2 × 2 Hessian is inverted in closed form), on centred x,
 * with step halving whenever a step would lower the likelihood. No general-purpose library is used: Apache
 * Commons Math and Commons Statistics offer no binary-response model, and a two-parameter Newton iteration is
 * simpler than adapting a generic optimiser.
 *
 * <p>The maximum-likelihood estimate exists (finite) exactly when the two classes overlap on x: some
 * {@code y = 0} row has x above some {@code y = 1} row and vice versa. Otherwise (complete or quasi-complete
 * separation, or a single class) the likelihood rises towards a supremum it never reaches; {@link #fit} then
 * returns {@link Degenerate} with the reason instead of iterating towards infinity.
 */
public final class LogisticRegression {

    /** Iterations after which a fit that has not converged is reported as degenerate. */
    public static final int MAX_ITERATIONS = 200;

    private static final double TOLERANCE = 1e-10;

    private LogisticRegression() {}

    /** The outcome of a fit: a model, or the reason there is none. */
    public sealed interface Result permits Model, Degenerate {}

    /**
     * A fitted model {@code logit P(y = 1 | x) = intercept + slope · x}.
     *
     * @param intercept     a
     * @param slope         b, per unit of x
     * @param logLikelihood Σ w·log P(y | x) at the estimate (natural log, ≤ 0)
     * @param iterations    Newton steps taken
     */
    public record Model(double intercept, double slope, double logLikelihood, int iterations) implements Result {

        /** @return σ(intercept + slope · x) */
        public double probability(double x) {
            return sigmoid(intercept + slope * x);
        }

        /** @return the x at which P = 0.5 ({@code −a / b}); NaN when the slope is 0 */
        public double x50() {
            return slope == 0 ? Double.NaN : -intercept / slope;
        }
    }

    /** @param reason why no finite maximum-likelihood estimate exists (one sentence) */
    public record Degenerate(String reason) implements Result {}

    /** @return 1 / (1 + e^−t), without overflow */
    public static double sigmoid(double t) {
        if (t >= 0) {
            return 1.0 / (1.0 + Math.exp(-t));
        }
        double e = Math.exp(t);
        return e / (1.0 + e);
    }

    /** @return log(1 + e^t), without overflow */
    static double softplus(double t) {
        return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
    }

    /**
     * @param x predictor values (finite)
     * @param y outcomes
     * @param w row weights (≥ 0), or null for all 1
     * @return the maximum-likelihood model, or why it does not exist
     */
    public static Result fit(double[] x, boolean[] y, double[] w) {
        return fit(x, y, w, null);
    }

    /**
     * @param start a model to start the iteration from (e.g. the full-data fit for a bootstrap replicate), or
     *              null to start from the intercept-only estimate
     * @see #fit(double[], boolean[], double[])
     */
    public static Result fit(double[] x, boolean[] y, double[] w, Model start) {
        if (x.length != y.length || (w != null && w.length != x.length)) {
            throw new IllegalArgumentException("x, y and w differ in length: " + x.length + ", " + y.length
                    + (w == null ? "" : ", " + w.length));
        }
        double n = 0, n1 = 0, sx = 0;
        double min0 = Double.POSITIVE_INFINITY, max0 = Double.NEGATIVE_INFINITY;
        double min1 = Double.POSITIVE_INFINITY, max1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            double wi = w == null ? 1 : w[i];
            if (wi <= 0) {
                continue;
            }
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("x[" + i + "] = " + x[i] + " is not finite");
            }
            n += wi;
            sx += wi * x[i];
            if (y[i]) {
                n1 += wi;
                min1 = Math.min(min1, x[i]);
                max1 = Math.max(max1, x[i]);
            } else {
                min0 = Math.min(min0, x[i]);
                max0 = Math.max(max0, x[i]);
            }
        }
        if (n == 0) {
            return new Degenerate("no rows");
        }
        if (n1 == 0) {
            return new Degenerate("no row has the outcome");
        }
        if (n1 == n) {
            return new Degenerate("every row has the outcome");
        }
        if (Math.min(min0, min1) == Math.max(max0, max1)) {
            return new Degenerate("x has no spread (every row has x = " + min0 + ")");
        }
        if (max0 <= min1) {
            return new Degenerate("the outcomes are separated: every positive row has x ≥ " + min1
                    + " and every negative row x ≤ " + max0 + ", so the likelihood has no finite maximum");
        }
        if (max1 <= min0) {
            return new Degenerate("the outcomes are separated: every positive row has x ≤ " + max1
                    + " and every negative row x ≥ " + min0 + ", so the likelihood has no finite maximum");
        }
        double mean = sx / n;
        // centred model: logit = c + b (x - mean), so a = c - b mean
        double b, c;
        if (start != null && Double.isFinite(start.intercept()) && Double.isFinite(start.slope())) {
            b = start.slope();
            c = start.intercept() + b * mean;
        } else {
            b = 0;
            c = Math.log(n1 / (n - n1));
        }
        double[] st = pass(x, y, w, c, b, mean);
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            double ll = st[0], g0 = st[1], g1 = st[2], h00 = st[3], h01 = st[4], h11 = st[5];
            double det = h00 * h11 - h01 * h01;
            if (!(det > 0)) {
                return new Degenerate("the information matrix is singular (x has no spread among the rows)");
            }
            double dc = (h11 * g0 - h01 * g1) / det;
            double db = (h00 * g1 - h01 * g0) / det;
            double step = 1;
            double nc = c + dc, nb = b + db;
            double[] next = pass(x, y, w, nc, nb, mean);
            while (!(next[0] >= ll - 1e-12 * Math.abs(ll)) && step > 1e-8) {
                step /= 2;
                nc = c + step * dc;
                nb = b + step * db;
                next = pass(x, y, w, nc, nb, mean);
            }
            boolean small = Math.abs(step * dc) <= TOLERANCE * (1 + Math.abs(c))
                    && Math.abs(step * db) <= TOLERANCE * (1 + Math.abs(b));
            boolean flat = Math.abs(next[0] - ll) <= TOLERANCE * 1e-3 * (1 + Math.abs(ll));
            c = nc;
            b = nb;
            st = next;
            if (small || flat && Math.abs(step * db) <= 1e-6 * (1 + Math.abs(b))) {
                return new Model(c - b * mean, b, st[0], it);
            }
        }
        return new Degenerate("Newton's method did not converge in " + MAX_ITERATIONS + " iterations");
    }

    /**
     * One pass over the rows at {@code logit = c + b (x − mean)}.
     *
     * @return {log-likelihood, score (intercept), score (slope), information h00, h01, h11}
     */
    private static double[] pass(double[] x, boolean[] y, double[] w, double c, double b, double mean) {
        double ll = 0, g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
        for (int i = 0; i < x.length; i++) {
            double wi = w == null ? 1 : w[i];
            if (wi <= 0) {
                continue;
            }
            double d = x[i] - mean;
            double eta = c + b * d;
            // one exponential for both: e = exp(−|η|), σ(η) and log(1 + exp(±η)) = max(±η, 0) + log1p(e)
            double e = Math.exp(-Math.abs(eta));
            double p = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
            boolean yi = y[i];
            ll -= wi * (Math.max(yi ? -eta : eta, 0) + Math.log1p(e));
            double r = (yi ? 1 : 0) - p;
            double v = wi * p * (1 - p);
            g0 += wi * r;
            g1 += wi * r * d;
            h00 += v;
            h01 += v * d;
            h11 += v * d * d;
        }
        return new double[] {ll, g0, g1, h00, h01, h11};
    }

    private static double logLikelihood(double[] x, boolean[] y, double[] w, double c, double b, double mean) {
        double ll = 0;
        for (int i = 0; i < x.length; i++) {
            double wi = w == null ? 1 : w[i];
            if (wi <= 0) {
                continue;
            }
            double eta = c + b * (x[i] - mean);
            ll -= wi * softplus(y[i] ? -eta : eta);
        }
        return ll;
    }

    /** @return Σ w·log P(y | x) under the model {@code logit P = intercept + slope · x} */
    public static double logLikelihood(double[] x, boolean[] y, double[] w, double intercept, double slope) {
        return logLikelihood(x, y, w, intercept, slope, 0);
    }
}
