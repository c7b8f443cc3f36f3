package org.minisim.metrics;

import org.minisim.footprint.ImageStack;
import java.util.Arrays;

/**
 * The binary energy mask of a footprint (docs/scoring.md#energy-masks, used by IoU): the smallest set of its brightest
 * pixels holding {@code energyFrac} of its total. Pixels are ranked by a stable ascending sort by value then reversed,
 * so among equal values the higher pixel index ranks first (docs/scoring.md#parity-with-the-reference). A mask is
 * returned as the sorted flat grid indices ({@code y·W + x}) of its pixels.
 */
public final class EnergyMask {

    private EnergyMask() {}

    /**
     * @param energyFrac the fraction to keep
     * @throws IllegalArgumentException mentioning {@code energy_frac} unless {@code 0 < energyFrac ≤ 1}
     */
    public static void checkEnergyFrac(double energyFrac) {
        if (!(energyFrac > 0.0 && energyFrac <= 1.0)) {
            throw new IllegalArgumentException("energy_frac must be in (0, 1], got " + energyFrac + ".");
        }
    }

    /**
     * @param stack      footprints (negative values count as 0)
     * @param energyFrac fraction of each footprint's energy to keep, in (0, 1]; 1 keeps every positive pixel
     * @return one sorted index array per unit
     */
    public static int[][] masks(ImageStack stack, double energyFrac) {
        checkEnergyFrac(energyFrac);
        int[][] out = new int[stack.size()][];
        for (int i = 0; i < stack.size(); i++) {
            out[i] = mask(stack.unit(i), stack.width(), energyFrac);
        }
        return out;
    }

    /** @return the energy mask of one unit as sorted flat grid indices on a grid of {@code width} columns */
    public static int[] mask(ImageStack.Patch p, int width, double energyFrac) {
        checkEnergyFrac(energyFrac);
        double[] v = p.values();
        // only positive pixels can be in the mask (zeros cannot raise the running sum)
        int nPos = 0;
        double total = 0.0;
        for (double x : v) {
            if (x > 0.0) {
                nPos++;
                total += x;
            }
        }
        if (nPos == 0 || !(total > 0.0)) {
            return new int[0];
        }
        if (energyFrac >= 1.0) {
            return select(p, width, Double.NEGATIVE_INFINITY, 0, nPos);
        }
        double[] sorted = new double[nPos];
        int k = 0;
        for (double x : v) {
            if (x > 0.0) {
                sorted[k++] = x;
            }
        }
        Arrays.sort(sorted);
        // the running sum over values in descending order depends only on the values, not on tie order
        double target = energyFrac * total;
        double run = 0.0;
        int take = nPos;
        for (int r = 0; r < nPos; r++) {
            run += sorted[nPos - 1 - r];
            if (run >= target) {
                take = r + 1;
                break;
            }
        }
        double cut = sorted[nPos - take];
        int above = 0;
        for (int r = nPos - 1; r >= 0 && sorted[r] > cut; r--) {
            above++;
        }
        return select(p, width, cut, take - above, take);
    }

    /**
     * Every pixel strictly above {@code cut}, plus the {@code ties} pixels equal to {@code cut} with the highest
     * grid indices (the reversed stable sort ranks equal values by descending index); sorted ascending.
     */
    private static int[] select(ImageStack.Patch p, int width, double cut, int ties, int size) {
        int[] m = new int[size];
        int k = 0;
        int left = ties;
        double[] v = p.values();
        for (int a = p.ph() - 1; a >= 0; a--) {
            for (int b = p.pw() - 1; b >= 0; b--) {
                double x = v[a * p.pw() + b];
                if (x > 0.0 && (x > cut || (x == cut && left-- > 0))) {
                    m[k++] = (p.y0() + a) * width + p.x0() + b;
                }
            }
        }
        // collected in descending index order
        for (int i = 0, j = k - 1; i < j; i++, j--) {
            int t = m[i];
            m[i] = m[j];
            m[j] = t;
        }
        return m;
    }

    /** @return the number of indices two sorted index arrays share */
    static int intersectionSize(int[] a, int[] b) {
        int i = 0, j = 0, c = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                c++;
                i++;
                j++;
            }
        }
        return c;
    }
}
