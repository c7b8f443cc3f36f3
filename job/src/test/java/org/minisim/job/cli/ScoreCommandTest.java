package org.minisim.job.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minisim.metrics.Estimate;
import org.minisim.footprint.ImageStack;
import org.minisim.metrics.MetricDefaults;
import org.minisim.metrics.Report;
import org.minisim.metrics.Score;
import org.minisim.metrics.ShiftRequest;
import org.minisim.recording.GroundTruth;
import org.minisim.recording.TruthViews;
import org.minisim.store.ByteStore;
import org.minisim.store.FileByteStore;
import org.minisim.store.NullCodec;
import org.minisim.recording.io.RecordingStoreReader;
import org.minisim.store.Zarr;
import org.minisim.store.ZarrArrayMeta;
import org.minisim.store.ZarrDtype;

/** The score command on a reference-written golden recording. */
class ScoreCommandTest {

    @TempDir
    Path tmp;

    /** Core's reference-written store, copied onto this module's test classpath by job/pom.xml. */
    private static Path golden() {
        String name = "/golden/stores/ref-full-48px-1s.zarr";
        java.net.URL url = ScoreCommandTest.class.getResource(name);
        assertTrue(url != null, "test resource " + name + " is missing (job/pom.xml copies it from core)");
        try {
            Path p = Path.of(url.toURI());
            assertTrue(Files.isDirectory(p), "no golden store at " + p);
            return p;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ByteStore s, String path, long[] shape, ZarrDtype dtype, double[] v) throws IOException {
        ZarrArrayMeta meta = ZarrArrayMeta.singleChunk(shape, dtype, new NullCodec());
        Zarr.createArray(s, path, meta);
        Zarr.writeArray(s, path, meta, dtype.encode(v, 0, v.length));
    }

    private String[] result;

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = ScoreCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        result = new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        return code;
    }

    @Test
    void scoresTheDetectableTruthWrittenAsAnEstimateGroup() throws IOException {
        GroundTruth gt = RecordingStoreReader.load(new FileByteStore(golden())).groundTruth();
        GroundTruth sub = TruthViews.detectableSubset(gt);
        ImageStack a = TruthViews.aObserved(sub);
        int n = sub.nUnits(), f = sub.nFrames();
        Path est = tmp.resolve("est.zarr");
        FileByteStore s = new FileByteStore(est);
        Zarr.createGroup(s, "", null);
        put(s, "footprints", new long[] {n, a.height(), a.width()}, ZarrDtype.F4, a.toDense());
        put(s, "C", new long[] {n, f}, ZarrDtype.F8, sub.c());
        put(s, "activity", new long[] {n, f}, ZarrDtype.F8, sub.s());
        if (gt.shifts() != null) {
            double[] corr = gt.shifts().clone();
            for (int k = 0; k < corr.length; k++) {
                corr[k] = -corr[k];
            }
            put(s, "shifts", new long[] {f, 2}, ZarrDtype.F8, corr);
        }
        assertEquals(0, run("--store", golden().toString(), "--estimate", est.toString()), result[1]);
        String out = result[0];
        assertTrue(out.startsWith("cells: recall=1.00 precision=1.00 f1=1.00 (matched " + n + "/" + n + ", mean iou "),
                out);
        assertTrue(out.contains("population: " + n + " detectable of " + gt.nUnits() + " planted"), out);
        assertTrue(out.contains("traces: median r=1.00"), out);
        if (gt.shifts() != null) {
            assertTrue(out.contains("motion: RMSE=0.00 px (offset-aligned)"), out);
        }
        // --all-cells changes the recall denominator to every planted unit
        assertEquals(0, run("--store", golden().toString(), "--estimate", est.toString(), "--all-cells",
                "--shift", "none", "--metric", "cosine"));
        assertTrue(result[0].contains("(recall denominator = " + gt.nUnits() + ")"), result[0]);
        assertTrue(result[0].contains("mean cosine"), result[0]);
    }

    @Test
    void footprintsOnlyPrintExactlyTheReportSummary() throws IOException {
        GroundTruth gt = RecordingStoreReader.load(new FileByteStore(golden())).groundTruth();
        ImageStack a = TruthViews.aObserved(gt);
        Path est = tmp.resolve("a.zarr");
        FileByteStore s = new FileByteStore(est);
        Zarr.createGroup(s, "", null);
        put(s, "A", new long[] {a.size(), a.height(), a.width()}, ZarrDtype.F8, a.toDense());
        assertEquals(0, run("--store", golden().toString(), "--estimate", est.toString(), "--all-cells",
                "--shift", "0,0"), result[1]);
        Report want = Score.score(Estimate.builder().A(a).build(), gt, "iou",
                MetricDefaults.DEFAULT_MATCH_THRESHOLD, false, ShiftRequest.of(0, 0));
        assertEquals(want.summary() + System.lineSeparator(), result[0]);
        assertTrue(result[0].contains("traces: median r=nan"), result[0]);
    }

    @Test
    void anEstimateWithBothFootprintSpellingsIsRejected() throws IOException {
        Path est = tmp.resolve("both.zarr");
        FileByteStore s = new FileByteStore(est);
        Zarr.createGroup(s, "", null);
        put(s, "A", new long[] {0, 48, 48}, ZarrDtype.F4, new double[0]);
        put(s, "footprints", new long[] {0, 48, 48}, ZarrDtype.F4, new double[0]);
        assertEquals(1, run("--store", golden().toString(), "--estimate", est.toString()));
        assertTrue(result[1].contains("not both"), result[1]);
    }

    @Test
    void usageErrorsExitWithTwoAndNameTheProblem() {
        assertEquals(2, run("--store", tmp.toString()));
        assertTrue(result[1].contains("--estimate"), result[1]);
        assertEquals(2, run("--store", tmp.toString(), "--estimate", tmp.toString(), "--shift", "left"));
        assertTrue(result[1].contains("--shift"), result[1]);
        assertEquals(2, run("--store", tmp.toString(), "--estimate", tmp.toString(), "--metric", "dice"));
        assertTrue(result[1].contains("metric"), result[1]);
        assertEquals(2, run("--bogus"));
        assertEquals(0, run("--help"));
        assertTrue(result[0].startsWith("usage: score"));
    }

    @Test
    void anUnreadableStoreExitsWithOne() throws IOException {
        Path est = Files.createDirectory(tmp.resolve("e.zarr"));
        assertEquals(1, run("--store", tmp.toString(), "--estimate", est.toString()));
        assertTrue(result[1].startsWith("score: "), result[1]);
    }

    @Test
    void shiftOptionForms() {
        assertTrue(ScoreCommand.Options.shift("auto") instanceof ShiftRequest.Auto);
        assertTrue(ScoreCommand.Options.shift("none") instanceof ShiftRequest.None);
        assertEquals(ShiftRequest.of(-6, 4), ScoreCommand.Options.shift("-6,4"));
    }
}
