package org.minisim.physics;

import java.util.Arrays;
import org.minisim.spec.Acquisition;
import org.minisim.spec.Geometry;
import org.minisim.spec.ImageSensor;
import org.minisim.spec.Optics;
import org.minisim.spec.Sensor;
import org.minisim.spec.Spec;
import org.minisim.spec.Tissue;

/**
 * {@code optics} (docs/physics.md#optics): resolution of the focal plane (numeric, or "auto": median effective depth,
 * or the detectable-yield scan when a sensor defines a noise floor) and the per-cell optical scalars that define
 * the observed footprint. No randomness.
 */
public final class CellOpticsModel {

    /** Number of candidate focal planes of the yield scan. */
    public static final int FOCUS_SCAN_N = 96;

    /**
     * The optical scalars of one cell.
     *
     * @param observedSigmaPx   total PSF σ (diffraction, scatter, defocus in quadrature), px
     * @param observedGain      flat light loss {@code att(z)·NA²} applied to the blurred footprint (dimensionless)
     * @param inFocus           {@code |z − f_e| ≤} the resolved depth of field
     * @param opticalBrightness peak brightness {@code (σ0²/σ_tot²)·att(z)·NA²} (dimensionless)
     */
    public record CellOpticsResult(double observedSigmaPx, double observedGain, boolean inFocus,
                                   double opticalBrightness) {}

    private CellOpticsModel() {}

    /**
     * Resolves the central focal plane once per recording.
     *
     * @param spec        the spec (acquisition focal setting, optics, tissue, image sensor, sensor step)
     * @param centresZyx  cell centres (N, 3) row-major {@code (z, y, x)} µm, all cells in placement order
     * @param c           clean traces (N, F) row-major, a.u., or null when cell_activity did not run
     * @param nFrames     F (ignored when {@code c} is null)
     * @param photonField FOV illumination × vignette, (H, W) row-major, or null
     * @param g           the geometry (FOV shape, pixel size)
     * @return the focal depth below the surface, µm
     */
    public static double resolveFocalDepth(Spec spec, double[] centresZyx, double[] c, int nFrames,
                                           double[] photonField, Geometry g) {
        int n = centresZyx.length / 3;
        if (c == null || nFrames <= 0) {
            return resolveFocalDepth(spec, centresZyx, null, null, photonField, g);
        }
        if (c.length != n * nFrames) {
            throw new IllegalArgumentException("traces hold " + c.length + " values, not " + n + " x " + nFrames);
        }
        double[] mins = new double[n], maxs = new double[n];
        for (int i = 0; i < n; i++) {
            double mx = Double.NEGATIVE_INFINITY, mn = Double.POSITIVE_INFINITY;
            for (int t = i * nFrames, e = t + nFrames; t < e; t++) {
                mx = Math.max(mx, c[t]);
                mn = Math.min(mn, c[t]);
            }
            mins[i] = mn;
            maxs[i] = mx;
        }
        return resolveFocalDepth(spec, centresZyx, mins, maxs, photonField, g);
    }

    /**
     * {@link #resolveFocalDepth} from each cell's trace extremes (all the auto focus reads of the traces), so a
     * caller can stream its cells.
     *
     * @param cMin per-cell minimum of {@code C} (a.u.), or null when cell_activity did not run or F = 0
     * @param cMax per-cell maximum of {@code C} (a.u.), null exactly when {@code cMin} is
     */
    public static double resolveFocalDepth(Spec spec, double[] centresZyx, double[] cMin, double[] cMax,
                                           double[] photonField, Geometry g) {
        Acquisition acq = spec.acquisition();
        if (acq.focalDepthInTissueUm().isNumber()) {
            return acq.focalDepthInTissueUm().value();
        }
        int n = centresZyx.length / 3;
        if (n == 0) {
            return 0.0;
        }
        double[] eff = effectiveDepths(acq, centresZyx);
        Sensor sensor = spec.step(Sensor.class).orElse(null);
        if (sensor == null || cMin == null) {
            return median(eff);
        }
        if (cMin.length != n || cMax.length != n) {
            throw new IllegalArgumentException("trace extremes for " + cMin.length + "/" + cMax.length
                    + " cells, not " + n);
        }
        return yieldScan(acq, sensor, centresZyx, eff, cMin, cMax, photonField, g);
    }

    private static double[] effectiveDepths(Acquisition acq, double[] centresZyx) {
        int n = centresZyx.length / 3;
        double[] eff = new double[n];
        for (int i = 0; i < n; i++) {
            double radiusUm = StrictMath.hypot(centresZyx[3 * i + 1], centresZyx[3 * i + 2]);
            eff[i] = centresZyx[3 * i] + acq.optics().curvatureShiftUm(radiusUm);
        }
        return eff;
    }

    /**
     * The detectable-yield scan over {@link #FOCUS_SCAN_N} planes spanning the traced cells' effective depths;
     * most detectable cells wins, ties by the largest detected signal, then the shallowest.
     */
    static double yieldScan(Acquisition acq, Sensor sensor, double[] centresZyx, double[] eff, double[] cMin,
                            double[] cMax, double[] photonField, Geometry g) {
        Optics optics = acq.optics();
        Tissue tissue = acq.tissue();
        ImageSensor chip = acq.imageSensor();
        int n = eff.length;
        double na = optics.na();
        double diff = optics.diffractionSigmaUm();
        double[] sigma0Sq = new double[n], gConst = new double[n], peakDf = new double[n], base = new double[n];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double z = centresZyx[3 * i];
            double sc = tissue.scatterSigmaUm(z);
            sigma0Sq[i] = diff * diff + sc * sc;
            double p = FieldAtCell.byIndexMap(photonField, g, centresZyx[3 * i + 1], centresZyx[3 * i + 2]);
            gConst[i] = tissue.attenuation(z) * optics.collectionEfficiency() * p * sensor.photonsPerUnit()
                    * chip.quantumEfficiency();
            peakDf[i] = cMax[i] - cMin[i];
            base[i] = cMin[i];
            lo = Math.min(lo, eff[i]);
            hi = Math.max(hi, eff[i]);
        }
        double[] candidates = linspace(lo, hi, FOCUS_SCAN_N);
        double readE = chip.readNoiseE();
        int bestYield = -1;
        double bestSignal = Double.NEGATIVE_INFINITY;
        double best = candidates[0];
        for (double f : candidates) {
            int yield = 0;
            double signal = 0.0;
            for (int i = 0; i < n; i++) {
                double d = na * (eff[i] - f);
                double gain = gConst[i] * (sigma0Sq[i] / (sigma0Sq[i] + d * d));
                if (Detectability.isDetectable(Detectability.snr(peakDf[i], base[i], gain, readE))) {
                    yield++;
                    signal += peakDf[i] * gain;
                }
            }
            if (yield > bestYield || (yield == bestYield && signal > bestSignal)) {
                bestYield = yield;
                bestSignal = signal;
                best = f;
            }
        }
        return best;
    }

    /**
     * The optical scalars of one cell at a resolved central focal plane.
     *
     * @param acq          the acquisition (optics, tissue, pixel size)
     * @param zUm          depth, µm
     * @param yUm          lateral row-direction position (optical-centre frame), µm
     * @param xUm          lateral column-direction position, µm
     * @param focalDepthUm resolved central focal depth F, µm
     * @return σ_px, gain, in-focus flag and peak brightness
     */
    public static CellOpticsResult perCell(Acquisition acq, double zUm, double yUm, double xUm, double focalDepthUm) {
        Optics optics = acq.optics();
        Tissue tissue = acq.tissue();
        double focalEff = effectiveFocalDepthUm(optics, focalDepthUm, yUm, xUm);
        double sigma0 = sigma0Um(acq, zUm);
        double sigmaTot = StrictMath.hypot(sigma0, optics.defocusSigmaUm(zUm, focalEff));
        double att = tissue.attenuation(zUm);
        double bright = (sigma0 * sigma0) / (sigmaTot * sigmaTot) * att * optics.collectionEfficiency();
        double sigmaPx = sigmaTot / acq.pixelSizeUm();
        double gain = att * optics.collectionEfficiency();
        boolean inFocus = Math.abs(zUm - focalEff) <= optics.resolvedDepthOfFieldUm();
        return new CellOpticsResult(sigmaPx, gain, inFocus, bright);
    }

    /**
     * @param focalDepthUm the central focal depth F, µm
     * @param yUm          lateral row-direction position (optical-centre frame), µm
     * @param xUm          lateral column-direction position, µm
     * @return the focal plane at the cell, corrected for field curvature, µm
     */
    public static double effectiveFocalDepthUm(Optics optics, double focalDepthUm, double yUm, double xUm) {
        return focalDepthUm - optics.curvatureShiftUm(StrictMath.hypot(yUm, xUm));
    }

    /** @return the in-focus blur of a cell at depth z: diffraction and scatter in quadrature, µm */
    public static double sigma0Um(Acquisition acq, double zUm) {
        return StrictMath.hypot(acq.optics().diffractionSigmaUm(), acq.tissue().scatterSigmaUm(zUm));
    }

    /** numpy-style linspace: {@code start + k·step}, the last value exactly {@code stop}. */
    static double[] linspace(double start, double stop, int num) {
        double[] v = new double[num];
        double step = (stop - start) / (num - 1);
        for (int k = 0; k < num; k++) {
            v[k] = start + k * step;
        }
        v[num - 1] = stop;
        return v;
    }

    /** @return the median, averaging the middle pair for an even count (docs/physics.md#conventions) */
    public static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
