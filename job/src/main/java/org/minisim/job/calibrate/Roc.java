package org.minisim.job.calibrate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The ROC of the rule "predict positive when {@code x ≥ t}" over one set of rows: the area under the curve and
 * the Youden point. Rows are sorted and grouped by x once; every statistic then takes row weights (1, a
 * bootstrap multiplicity, or 0 to drop a row) and costs one pass.
 *
 * <p>Ties: the AUC is the Mann–Whitney probability {@code P(x₊ > x₋) + ½ P(x₊ = x₋)} (a tied pair counts
 * half). The Youden threshold is chosen among the observed x values; among equal J the lowest threshold wins.
 */
public final class Roc {

    /** The point of the ROC with the largest {@code J = TPR − FPR}. */
    public record YoudenPoint(double threshold, double j, double truePositiveRate, double falsePositiveRate) {}

    private final boolean[] y;
    private final int[] order;
    /** groupStart[g] .. groupStart[g+1]-1 are the positions (in order) of the g-th distinct x value. */
    private final int[] groupStart;
    private final double[] groupX;

    /**
     * @param x predictor values (no NaN)
     * @param y outcomes (positive = true)
     */
    public Roc(double[] x, boolean[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + ", " + y.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                throw new IllegalArgumentException("x[" + i + "] is NaN");
            }
        }
        this.y = y.clone();
        Integer[] idx = IntStream.range(0, x.length).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, Comparator.comparingDouble(i -> x[i]));
        order = new int[x.length];
        int[] starts = new int[x.length + 1];
        double[] gx = new double[x.length];
        int groups = 0;
        for (int k = 0; k < idx.length; k++) {
            order[k] = idx[k];
            if (k == 0 || x[idx[k]] != x[idx[k - 1]]) {
                starts[groups] = k;
                gx[groups] = x[idx[k]];
                groups++;
            }
        }
        starts[groups] = x.length;
        groupStart = Arrays.copyOf(starts, groups + 1);
        groupX = Arrays.copyOf(gx, groups);
    }

    /** @return the area under the ROC curve with all weights 1; NaN without both classes */
    public double auc() {
        return auc(null);
    }

    /**
     * @param w row weights (≥ 0) in the rows' original order, or null for all 1
     * @return the weighted area under the ROC curve, ties counted half; NaN when a class has no weight
     */
    public double auc(double[] w) {
        double negBelow = 0, sum = 0, pos = 0;
        for (int g = 0; g < groupX.length; g++) {
            double gp = 0, gn = 0;
            for (int k = groupStart[g]; k < groupStart[g + 1]; k++) {
                int i = order[k];
                double wi = w == null ? 1 : w[i];
                if (y[i]) {
                    gp += wi;
                } else {
                    gn += wi;
                }
            }
            sum += gp * (negBelow + 0.5 * gn);
            negBelow += gn;
            pos += gp;
        }
        return pos > 0 && negBelow > 0 ? sum / (pos * negBelow) : Double.NaN;
    }

    /** @return the Youden point with all weights 1, or null without both classes */
    public YoudenPoint youden() {
        return youden(null);
    }

    /**
     * @param w row weights (≥ 0) in the rows' original order, or null for all 1
     * @return the threshold (an observed x with positive weight) maximising TPR − FPR for "x ≥ threshold", or
     *         null when a class has no weight
     */
    public YoudenPoint youden(double[] w) {
        double pos = 0, neg = 0;
        for (int i = 0; i < y.length; i++) {
            double wi = w == null ? 1 : w[i];
            if (y[i]) {
                pos += wi;
            } else {
                neg += wi;
            }
        }
        if (!(pos > 0 && neg > 0)) {
            return null;
        }
        // scanning thresholds upward: rows below the current group are predicted negative
        double posBelow = 0, negBelow = 0;
        YoudenPoint best = null;
        for (int g = 0; g < groupX.length; g++) {
            double gp = 0, gn = 0;
            for (int k = groupStart[g]; k < groupStart[g + 1]; k++) {
                int i = order[k];
                double wi = w == null ? 1 : w[i];
                if (y[i]) {
                    gp += wi;
                } else {
                    gn += wi;
                }
            }
            if (gp + gn > 0) {
                double tpr = (pos - posBelow) / pos, fpr = (neg - negBelow) / neg;
                double j = tpr - fpr;
                if (best == null || j > best.j()) {
                    best = new YoudenPoint(groupX[g], j, tpr, fpr);
                }
            }
            posBelow += gp;
            negBelow += gn;
        }
        return best;
    }
}
