package org.minisim.table;

import java.util.List;
import org.minisim.footprint.Footprint;
import org.minisim.footprint.FootprintStack;
import org.minisim.recording.GroundTruth;
import org.minisim.recording.StreamedTruth;
import org.minisim.spec.Acquisition;
import org.minisim.spec.AutoDouble;
import org.minisim.spec.CellActivity;
import org.minisim.spec.Composite;
import org.minisim.spec.ImageSensor;
import org.minisim.spec.Optics;
import org.minisim.spec.Output;
import org.minisim.spec.PlaceNeurons;
import org.minisim.spec.Sensor;
import org.minisim.spec.Spec;
import org.minisim.spec.Tissue;

/** A hand-made 3 × 4 px recording with two overlapping cells, 4 frames, no optics: the table's worked example. */
public final class TableFixtures {

    private TableFixtures() {}

    /** @return the recording's spec, with a sensor of that read noise (e⁻) */
    public static Spec spec(double readNoise) {
        Acquisition acq = new Acquisition(new Optics(0.45, 8.0, 525.0, AutoDouble.AUTO, null),
                new ImageSensor(3, 4, 8.0, 0.7, readNoise, 1.0, 8), Tissue.DEFAULTS, 20.0, 0.2, AutoDouble.of(50.0),
                null);
        return new Spec(acq, 0, List.of(PlaceNeurons.DEFAULTS, CellActivity.DEFAULTS, Composite.DEFAULTS,
                new Sensor(100.0)), Output.DEFAULTS);
    }

    /** @return its ground truth with calcium traces {@code c} (2 units × 4 frames) */
    public static GroundTruth truth(double[] c) {
        double[] illum = new double[12];
        for (int k = 0; k < 12; k++) {
            illum[k] = k / 10.0;
        }
        return new GroundTruth(new FootprintStack(footprints(), 3, 4), 0, 0, 3, 4, 4, c,
                new double[] {0, 1, 0, 0, 0, 0, 0, 0}, new double[] {10, 0, 0, 14, 1, 1},
                new double[] {1.5, Double.NaN}, new boolean[] {true, false}, new boolean[] {true, false}, null, null,
                null, illum, null, null, null, 0, null, null, null, null, null, null);
    }

    /** @return the two planted (= observed, no optics) footprints */
    public static List<Footprint> footprints() {
        return List.of(new Footprint(0, 1, 2, 2, new float[] {1, 1, 1, 1}, 3, 4),
                new Footprint(1, 2, 2, 2, new float[] {1, 0.5f, 0.5f, 0.25f}, 3, 4));
    }

    /** @return the scene facts of the recording */
    public static CellFacts facts(double readNoise, double[] c) {
        return new CellFacts(spec(readNoise), StreamedTruth.of(truth(c)), footprints().toArray(new Footprint[0]),
                null, "test");
    }

    /** @return its scene rows (render columns null) */
    public static CellRows rows(double readNoise, double[] c) {
        return CellTable.sceneRows(facts(readNoise, c));
    }
}
