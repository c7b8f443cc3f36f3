package org.minisim.job.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.minisim.job.testing.SharedSpark;

/** The report's statistics without Spark agree with Spark SQL's definitions where those are exact. */
class SweepStatsTest {

    @Test
    void nearestRankQuantilesEqualSparkPercentileApproxOnSmallGroups() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int n : new int[] {1, 2, 3, 4, 7, 10, 101, 2999}) {
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // ties and a wide spread, as detection SNRs have
                values.add(rnd.nextInt(4) == 0 ? Math.floor(rnd.nextDouble() * 5) : rnd.nextDouble() * 40 - 2);
            }
            Dataset<Double> ds = SharedSpark.session().createDataset(values, Encoders.DOUBLE());
            Row r = ds.toDF("v").selectExpr("percentile_approx(v, array(0.25, 0.5, 0.75), 10000)").first();
            List<Object> spark = r.getList(0);
            double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
            double[] ours = SweepStats.quantiles(v, SweepStats.SNR_QUANTILES);
            for (int k = 0; k < 3; k++) {
                assertEquals(((Number) spark.get(k)).doubleValue(), ours[k], "n " + n + " q " + SweepStats.SNR_QUANTILES[k]);
            }
        }
    }

    @Test
    void noValuesGiveNaN() {
        double[] q = SweepStats.quantiles(new double[0], SweepStats.SNR_QUANTILES);
        assertEquals(3, q.length);
        for (double x : q) {
            assertEquals(Double.NaN, x);
        }
    }
}
