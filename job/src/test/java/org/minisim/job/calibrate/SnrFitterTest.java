package org.minisim.job.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A FIT on plain arrays: a known law is recovered inside its interval, degenerate sets give reasons. */
class SnrFitterTest {

    private static final FitSettings FAST = FitSettings.DEFAULTS.withReplicates(300);

    /** Cells of {@code recordings} recordings, recovered with probability σ(k·(ln snr − ln t0)). */
    private record Cells(double[] snr, boolean[] y, long[] rec) {
        static Cells draw(int recordings, int perRecording, double t0, double k, long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            int n = recordings * perRecording;
            double[] snr = new double[n];
            boolean[] y = new boolean[n];
            long[] rec = new long[n];
            for (int i = 0; i < n; i++) {
                rec[i] = 1000 + i / perRecording;
                snr[i] = Math.exp(Math.log(t0) + 1.5 * rng.nextGaussian());
                y[i] = rng.nextDouble() < LogisticRegression.sigmoid(k * (Math.log(snr[i]) - Math.log(t0)));
            }
            return new Cells(snr, y, rec);
        }
    }

    @Test
    void aKnownLawIsRecoveredInsideItsIntervalWhichShrinksWithMoreRecordings() {
        double t0 = 4.0, k = 2.0;
        Cells few = Cells.draw(4, 100, t0, k, 1), many = Cells.draw(40, 100, t0, k, 2);
        SnrFit a = SnrFitter.fit(few.snr(), few.y(), few.rec(), FAST);
        SnrFit b = SnrFitter.fit(many.snr(), many.y(), many.rec(), FAST);
        for (SnrFit f : new SnrFit[] {a, b}) {
            assertNull(f.reason());
            assertNull(f.ciReason(), f.ciReason());
            assertTrue(f.t50Ci()[0] <= t0 && t0 <= f.t50Ci()[1], () -> "t0 in " + java.util.Arrays.toString(f.t50Ci()));
            assertTrue(f.t50Ci()[0] <= f.t50() && f.t50() <= f.t50Ci()[1]);
            assertTrue(f.youdenTCi()[0] <= f.youdenT() && f.youdenT() <= f.youdenTCi()[1]);
            assertFalse(f.t50Extrapolated());
        }
        assertEquals(k, b.slope(), 0.3);
        assertEquals(400, a.nCells());
        assertEquals(4, a.nRecordings());
        assertEquals(40, b.nRecordings());
        double wa = a.t50Ci()[1] - a.t50Ci()[0], wb = b.t50Ci()[1] - b.t50Ci()[0];
        assertTrue(wb < wa / 2, "10× the recordings: interval " + wb + " vs " + wa);
        // the binned rates rise with SNR and sum to the cells
        assertEquals(b.nCells(), b.bins().stream().mapToInt(SnrFit.Bin::n).sum());
        assertTrue(b.bins().get(0).rate() < b.bins().get(b.bins().size() - 1).rate());
        // the same seed gives the same intervals
        SnrFit again = SnrFitter.fit(many.snr(), many.y(), many.rec(), FAST);
        assertEquals(b.t50Ci()[0], again.t50Ci()[0]);
        assertEquals(b.youdenTCi()[1], again.youdenTCi()[1]);
    }

    private static SnrFit fit(double[] snr, boolean[] y, long[] rec) {
        return SnrFitter.fit(snr, y, rec, FAST);
    }

    private static double[] ramp(int n) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = 1 + i;
        }
        return s;
    }

    private static long[] recordings(int n, int m) {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            r[i] = i % m;
        }
        return r;
    }

    @Test
    void degenerateSetsGiveNullsAndAReason() {
        int n = 40;
        boolean[] all = new boolean[n], none = new boolean[n], separated = new boolean[n];
        for (int i = 0; i < n; i++) {
            all[i] = true;
            separated[i] = i >= 25;
        }
        SnrFit allRec = fit(ramp(n), all, recordings(n, 4));
        assertNull(allRec.t50());
        assertNull(allRec.auc());
        assertNull(allRec.youdenT());
        assertTrue(allRec.reason().contains("every row"), allRec.reason());
        assertEquals(40, allRec.nRecovered());

        SnrFit noneRec = fit(ramp(n), none, recordings(n, 4));
        assertNull(noneRec.slope());
        assertNotNull(noneRec.reason());

        SnrFit sep = fit(ramp(n), separated, recordings(n, 4));
        assertNull(sep.t50());
        assertTrue(sep.reason().contains("separated"), sep.reason());
        assertEquals(1.0, sep.auc());
        assertEquals(26.0, sep.youdenT(), 1e-9, "the lowest recovered SNR");
        assertEquals(1.0, sep.youdenJ());

        SnrFit tiny = fit(ramp(5), new boolean[] {false, true, false, true, true}, recordings(5, 2));
        assertTrue(tiny.reason().startsWith("too few cells"), tiny.reason());
        assertEquals(5, tiny.nCells());

        boolean[] mixed = new boolean[n];
        for (int i = 0; i < n; i++) {
            mixed[i] = i % 3 == 0 || i > 30;
        }
        SnrFit one = fit(ramp(n), mixed, recordings(n, 1));
        assertNotNull(one.t50());
        assertNull(one.t50Ci());
        assertTrue(one.ciReason().contains("at least 2 recordings"), one.ciReason());

        boolean[] falling = new boolean[n];
        for (int i = 0; i < n; i++) {
            falling[i] = i % 3 == 0 || i < 10;
        }
        SnrFit down = fit(ramp(n), falling, recordings(n, 4));
        assertNull(down.t50());
        assertNotNull(down.slope());
        assertTrue(down.reason().contains("≤ 0"), down.reason());

        SnrFit empty = fit(new double[0], new boolean[0], new long[0]);
        assertEquals("no cells", empty.reason());
        assertTrue(empty.bins().isEmpty());
    }
}
