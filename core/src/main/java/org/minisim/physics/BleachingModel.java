package org.minisim.physics;

import org.minisim.spec.Bleaching;
import org.minisim.spec.Geometry;

/**
 * {@code bleaching} (docs/physics.md#bleaching): the intact-fluorophore fraction {@code B(t)} of every cell under its
 * own emission, with first-order turnover, {@code dB/dt = (1 − B)/τ_turn − q·I·C(t)·B}, {@code B(0) = 1}, integrated
 * exactly for piecewise-constant emission per frame. No randomness.
 */
public final class BleachingModel {

    private BleachingModel() {}

    /**
     * Bleach envelopes of every cell.
     *
     * @param step        the bleaching step (susceptibility 1/s, turnover τ s, excitation intensity)
     * @param c           clean traces {@code C}, (N, F) row-major, a.u. (gain and baseline included, unbleached)
     * @param nCells      N
     * @param nFrames     F
     * @param fps         frame rate, Hz
     * @param dosePerCell per-cell excitation dose (dimensionless, the illumination field at the cell), or null
     *                    for 1 everywhere
     * @return {@code B}, (N, F) row-major, dimensionless in (0, 1]; {@code B[i][0] = 1}
     */
    public static double[] envelopes(Bleaching step, double[] c, int nCells, int nFrames, double fps,
                                     double[] dosePerCell) {
        if (c.length != nCells * nFrames) {
            throw new IllegalArgumentException("traces hold " + c.length + " values, not " + nCells + " x "
                    + nFrames);
        }
        if (dosePerCell != null && dosePerCell.length != nCells) {
            throw new IllegalArgumentException("dose has " + dosePerCell.length + " cells, not " + nCells);
        }
        double q = step.bleachSusceptibility() / fps;
        double kTurn = 1.0 / (step.turnoverTauS() * fps);
        double[] out = new double[nCells * nFrames];
        for (int i = 0; i < nCells; i++) {
            double intensity = step.excitationIntensity() * (dosePerCell == null ? 1.0 : dosePerCell[i]);
            integrate(c, i * nFrames, nFrames, q, kTurn, intensity, 1.0, out);
        }
        return out;
    }

    /**
     * The bleach envelope of one cell over frames {@code [0, frames)}; its first t values are the same for any
     * {@code frames ≥ t} (equal to the cell's row of {@link #envelopes}).
     *
     * @param step   the bleaching step
     * @param fps    frame rate, Hz
     * @param dose   the cell's excitation dose (dimensionless; 1 without an illumination profile)
     * @param c      the cell's clean trace {@code C} (a.u.), length ≥ frames
     * @param frames frames to integrate
     * @param out    destination of {@code B} (dimensionless), length ≥ frames
     */
    public static void cellEnvelope(Bleaching step, double fps, double dose, double[] c, int frames, double[] out) {
        double q = step.bleachSusceptibility() / fps;
        double kTurn = 1.0 / (step.turnoverTauS() * fps);
        integrate(c, 0, frames, q, kTurn, step.excitationIntensity() * dose, 1.0, out);
    }

    /**
     * Per-cell excitation dose: the FOV illumination falloff field at each cell's rest position (reciprocal index
     * map, rounded half-even, clipped), or all ones without an illumination profile. Independent of the motion
     * margin (cells live in the optical-centre frame).
     *
     * @param illuminationField row-major FOV field (dimensionless), or null
     * @param g                 the geometry (FOV shape, pixel size)
     * @param centresZyx        (N, 3) row-major centres (z, y, x), µm
     * @return the dose per cell (dimensionless)
     */
    public static double[] doses(double[] illuminationField, Geometry g, double[] centresZyx) {
        int n = centresZyx.length / 3;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = FieldAtCell.byIndexMap(illuminationField, g, centresZyx[3 * i + 1], centresZyx[3 * i + 2]);
        }
        return d;
    }

    /**
     * Integrates one cell frame by frame: record {@code B_t}, then with {@code k = k_turn + q·I·C(t)}:
     * {@code B_{t+1} = B_eq + (B_t − B_eq)·e^{−k}}, {@code B_eq = k_turn/k} (unchanged if k ≤ 0).
     *
     * @param emission  emission series (a.u.), read from {@code off}
     * @param off       first index of this cell
     * @param nFrames   frames
     * @param q         bleach rate per frame at unit intensity and emission
     * @param kTurn     turnover rate per frame
     * @param intensity excitation I (dimensionless)
     * @param b0        starting fraction {@code B_0} (1 in the step)
     * @param out       destination, written at {@code off}
     */
    static void integrate(double[] emission, int off, int nFrames, double q, double kTurn, double intensity,
                          double b0, double[] out) {
        double b = b0;
        for (int t = 0; t < nFrames; t++) {
            out[off + t] = b;
            double k = kTurn + q * intensity * emission[off + t];
            if (k > 0) {
                double eq = kTurn / k;
                b = eq + (b - eq) * StrictMath.exp(-k);
            }
        }
    }

    /**
     * The settled fraction under constant drive: {@code B* = k_turn/(k_turn + q·I·e)}; 1 when the denominator is
     * 0 (no turnover and no light).
     *
     * @param kTurn     turnover rate per frame (≥ 0)
     * @param q         bleach rate per frame at unit intensity and emission (≥ 0)
     * @param intensity excitation I (≥ 0)
     * @param emission  emission e, a.u. (≥ 0)
     * @return the steady fraction in [0, 1]
     * @throws IllegalArgumentException on a negative input
     */
    public static double steadyFloor(double kTurn, double q, double intensity, double emission) {
        if (kTurn < 0 || q < 0 || intensity < 0 || emission < 0 || Double.isNaN(kTurn + q + intensity + emission)) {
            throw new IllegalArgumentException("steady floor needs non-negative rates, intensity and emission, got "
                    + "k_turn=" + kTurn + ", q=" + q + ", I=" + intensity + ", e=" + emission);
        }
        double den = kTurn + q * intensity * emission;
        return den == 0.0 ? 1.0 : kTurn / den;
    }

    /**
     * Recovery in the dark: {@code B(t) = 1 − (1 − b0)·exp(−t/τ_turn)}.
     *
     * @param b0           starting fraction
     * @param tSeconds     elapsed time, s (same unit as τ; frames work too if τ is in frames)
     * @param turnoverTauS turnover time constant, s (&gt; 0)
     * @return the fraction at t
     */
    public static double darkRecovery(double b0, double tSeconds, double turnoverTauS) {
        if (!(turnoverTauS > 0)) {
            throw new IllegalArgumentException("turnover time constant must be > 0, got " + turnoverTauS);
        }
        return 1.0 - (1.0 - b0) * StrictMath.exp(-tSeconds / turnoverTauS);
    }
}
