package org.minisim.spec.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import org.minisim.spec.json.JsonText;

/**
 * A sample axis's distribution (docs/sweeps.md#sampled-sweeps). Every distribution maps a unit draw
 * u ∈ (0, 1) to a value by its inverse CDF, so {@code random} and {@code latin_hypercube} sampling share one
 * mapping and Latin hypercube strata are equal-probability bins of the declared distribution.
 */
sealed interface Distribution {

    /** @return the value at probability {@code u} ∈ (0, 1), a fresh JSON node */
    JsonNode at(double u);

    /**
     * @return values checked against the spec's field rules before anything runs, by what they are ({@code lo},
     *     {@code hi}, {@code mean}, {@code min}, {@code max}, {@code choice[k]}, or {@code a drawn value}: one
     *     value inside the range, which shows a field that takes only integers)
     */
    LinkedHashMap<String, JsonNode> probes();

    /** @return the distribution as written, for messages */
    String describe();

    /** {@code uniform: [lo, hi]}, lo &lt; hi: continuous uniform. */
    record Uniform(double lo, double hi) implements Distribution {
        @Override
        public JsonNode at(double u) {
            double v = (1 - u) * lo + u * hi;
            return JsonText.NODES.numberNode(Math.min(hi, Math.max(lo, v)));
        }

        @Override
        public LinkedHashMap<String, JsonNode> probes() {
            return ends(JsonText.NODES.numberNode(lo), JsonText.NODES.numberNode(hi), at(INTERIOR));
        }

        @Override
        public String describe() {
            return "uniform [" + lo + ", " + hi + "]";
        }
    }

    /** {@code log_uniform: [lo, hi]}, 0 &lt; lo &lt; hi: ln(value) uniform on [ln lo, ln hi]. */
    record LogUniform(double lo, double hi) implements Distribution {
        @Override
        public JsonNode at(double u) {
            double a = StrictMath.log(lo);
            double b = StrictMath.log(hi);
            double v = StrictMath.exp((1 - u) * a + u * b);
            return JsonText.NODES.numberNode(Math.min(hi, Math.max(lo, v)));
        }

        @Override
        public LinkedHashMap<String, JsonNode> probes() {
            return ends(JsonText.NODES.numberNode(lo), JsonText.NODES.numberNode(hi), at(INTERIOR));
        }

        @Override
        public String describe() {
            return "log_uniform [" + lo + ", " + hi + "]";
        }
    }

    /** {@code int_uniform: [lo, hi]}, integers lo &lt; hi: each of lo … hi (both included) equally likely. */
    record IntUniform(long lo, long hi) implements Distribution {
        @Override
        public JsonNode at(double u) {
            long n = hi - lo + 1;
            long k = (long) Math.floor(u * n);
            return JsonText.NODES.numberNode(Math.min(hi, lo + Math.max(0, k)));
        }

        @Override
        public LinkedHashMap<String, JsonNode> probes() {
            return ends(JsonText.NODES.numberNode(lo), JsonText.NODES.numberNode(hi), null);
        }

        @Override
        public String describe() {
            return "int_uniform [" + lo + ", " + hi + "]";
        }
    }

    /**
     * {@code normal: {mean, sd, min?, max?}}: a normal distribution, truncated to [min, max] when they are given
     * (an absent bound is ±∞).
     */
    record Normal(double mean, double sd, double min, double max) implements Distribution {
        @Override
        public JsonNode at(double u) {
            double a = (min - mean) / sd;
            double b = (max - mean) / sd;
            // work on the side of the mean holding the interval's far tail, where Φ keeps its relative precision
            boolean flip = flipped(a, b);
            double lo = flip ? -b : a;
            double hi = flip ? -a : b;
            double pa = NormalMath.cdf(lo);
            double pb = NormalMath.cdf(hi);
            double x = NormalMath.inverseCdf(Math.min(1, pa + (flip ? 1 - u : u) * (pb - pa)));
            x = Math.min(hi, Math.max(lo, x));
            double v = mean + sd * (flip ? -x : x);
            return JsonText.NODES.numberNode(Math.min(max, Math.max(min, v)));
        }

        /** @return the probability the normal puts in [min, max] */
        double mass() {
            double a = (min - mean) / sd;
            double b = (max - mean) / sd;
            return flipped(a, b) ? NormalMath.cdf(-a) - NormalMath.cdf(-b) : NormalMath.cdf(b) - NormalMath.cdf(a);
        }

        /** @return whether the standardised interval [a, b] lies mostly above the mean */
        private static boolean flipped(double a, double b) {
            return b == Double.POSITIVE_INFINITY ? a > 0 : a != Double.NEGATIVE_INFINITY && a + b > 0;
        }

        @Override
        public LinkedHashMap<String, JsonNode> probes() {
            LinkedHashMap<String, JsonNode> out = new LinkedHashMap<>();
            if (min == Double.NEGATIVE_INFINITY && max == Double.POSITIVE_INFINITY) {
                out.put("mean", JsonText.NODES.numberNode(mean));
            }
            if (min != Double.NEGATIVE_INFINITY) {
                out.put("min", JsonText.NODES.numberNode(min));
            }
            if (max != Double.POSITIVE_INFINITY) {
                out.put("max", JsonText.NODES.numberNode(max));
            }
            out.put("a drawn value", at(INTERIOR));
            return out;
        }

        @Override
        public String describe() {
            return "normal (mean " + mean + ", sd " + sd + (min == Double.NEGATIVE_INFINITY ? "" : ", min " + min)
                    + (max == Double.POSITIVE_INFINITY ? "" : ", max " + max) + ")";
        }
    }

    /**
     * {@code choice: [v, …]} with optional {@code weights}: value k with probability weights[k] / Σ weights
     * (equal without weights). Values are anything a grid axis takes.
     *
     * @param cumulative the normalised cumulative weights (last = 1)
     */
    record Choice(List<JsonNode> values, double[] cumulative) implements Distribution {
        public Choice {
            values = List.copyOf(values);
            cumulative = cumulative.clone();
        }

        /** @return the choice with the given weights (null = equal) */
        static Choice of(List<JsonNode> values, double[] weights) {
            double[] cum = new double[values.size()];
            double total = 0;
            for (int k = 0; k < cum.length; k++) {
                total += weights == null ? 1 : weights[k];
            }
            double run = 0;
            for (int k = 0; k < cum.length; k++) {
                run += weights == null ? 1 : weights[k];
                cum[k] = run / total;
            }
            cum[cum.length - 1] = 1;
            return new Choice(values, cum);
        }

        /** @return the index of the value at probability u */
        int index(double u) {
            for (int k = 0; k < cumulative.length; k++) {
                if (u < cumulative[k]) {
                    return k;
                }
            }
            return cumulative.length - 1;
        }

        @Override
        public JsonNode at(double u) {
            return values.get(index(u)).deepCopy();
        }

        @Override
        public LinkedHashMap<String, JsonNode> probes() {
            LinkedHashMap<String, JsonNode> out = new LinkedHashMap<>();
            for (int k = 0; k < values.size(); k++) {
                out.put("choice[" + k + "]", values.get(k));
            }
            return out;
        }

        @Override
        public String describe() {
            return "choice of " + values.size();
        }
    }

    private static LinkedHashMap<String, JsonNode> ends(JsonNode lo, JsonNode hi, JsonNode inside) {
        LinkedHashMap<String, JsonNode> out = new LinkedHashMap<>();
        out.put("lo", lo);
        out.put("hi", hi);
        if (inside != null) {
            out.put("a drawn value", inside);
        }
        return out;
    }

    /** A probability inside every support, far from simple fractions: its value shows whether a field is integral. */
    double INTERIOR = 0.3819660112501051;
}
