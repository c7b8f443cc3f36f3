package org.minisim.job.calibrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The recording bootstrap: whole clusters drawn, deterministic, and its percentile interval. */
class ClusterBootstrapTest {

    @Test
    void aReplicateDrawsWholeClustersAndIsReproducible() {
        int[] cluster = {0, 0, 1, 2, 2, 2, 3};
        ClusterBootstrap b = new ClusterBootstrap(cluster, 4, 9);
        int[] seen = new int[4];
        for (int r = 0; r < 200; r++) {
            int[] c = b.clusterCounts(r);
            assertEquals(4, Arrays.stream(c).sum(), "as many draws as clusters");
            double[] w = b.rowWeights(r);
            for (int i = 0; i < cluster.length; i++) {
                assertEquals(c[cluster[i]], w[i], "a row weighs what its cluster was drawn");
            }
            for (int k = 0; k < 4; k++) {
                seen[k] += c[k];
            }
            assertArrayEquals(c, new ClusterBootstrap(cluster, 4, 9).clusterCounts(r), "same seed, same draw");
        }
        for (int k = 0; k < 4; k++) {
            assertEquals(200, seen[k], 45, "each cluster drawn about once per replicate");
        }
    }

    @Test
    void percentileIntervalInterpolatesOrderStatistics() {
        double[] v = new double[101];
        for (int i = 0; i <= 100; i++) {
            v[100 - i] = i;
        }
        assertArrayEquals(new double[] {2.5, 97.5}, ClusterBootstrap.percentileInterval(v, 0.95), 1e-12);
        assertArrayEquals(new double[] {3, 3}, ClusterBootstrap.percentileInterval(new double[] {3, Double.NaN},
                0.9));
        assertNull(ClusterBootstrap.percentileInterval(new double[] {Double.NaN}, 0.95));
        assertThrows(IllegalArgumentException.class, () -> new ClusterBootstrap(new int[] {0, 2}, 2, 0));
    }
}
