package org.minisim.job.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.minisim.job.RecordingOutcome;
import org.minisim.spec.sweep.SweepRecording;

/**
 * The report's sample pictures, drawn while the sweep still runs. Told of each recording's end (as the sweep's
 * {@code ended} listener), it starts drawing the pictures of the recordings the report will sample — the
 * {@link SweepReport#sampleRecordings} choice made over the planned recordings — as soon as each is committed, on
 * a background thread, so the report written at the end of {@code minisim run} finds them drawn instead of reading
 * the stores after the table is written. Where the table does not bear the choice out (a recording failed or has no
 * cells), the report draws what it needs itself and a picture drawn for nothing is dropped; the page is the same
 * either way. A picture is drawn ahead only while half the heap not in use holds it ({@link #pictureBytes}); otherwise
 * the report draws it after the sweep, when the tasks' memory is free.
 */
public final class SamplePrefetch implements Consumer<RecordingOutcome>, AutoCloseable {

    private final Configuration hadoop;
    private final Set<String> chosen;
    private final Map<String, Future<SampleImages.Pictures>> byStore = new ConcurrentHashMap<>();
    private final ExecutorService pool;

    private final java.util.function.LongSupplier headroom;

    private SamplePrefetch(Configuration hadoop, Set<String> chosen, java.util.function.LongSupplier headroom) {
        this.hadoop = hadoop;
        this.chosen = chosen;
        this.headroom = headroom;
        this.pool = chosen.isEmpty() ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "minisim-report-prefetch");
            t.setDaemon(true);
            return t;
        });
    }

    /** @return a prefetch that draws nothing ahead (the report draws every picture itself) */
    public static SamplePrefetch none() {
        return new SamplePrefetch(null, Set.of(), () -> 0);
    }

    /**
     * @param hadoop  the Hadoop configuration of the stores' file system
     * @param planned the sweep's recordings
     * @return a prefetch of the pictures of the recordings the report would sample if all of them had cells
     */
    public static SamplePrefetch of(Configuration hadoop, List<SweepRecording> planned) {
        return of(hadoop, planned, SamplePrefetch::headroom);
    }

    /** As {@link #of(Configuration, List)}, with the heap a picture drawn ahead may take, bytes, as given. */
    static SamplePrefetch of(Configuration hadoop, List<SweepRecording> planned,
                             java.util.function.LongSupplier headroom) {
        List<SweepRecording> sorted = new ArrayList<>(planned);
        sorted.sort(Comparator.comparingInt(SweepRecording::pointIndex).thenComparingLong(SweepRecording::seed)
                .thenComparing(SweepRecording::cacheKey));
        Set<String> keys = new HashSet<>();
        for (int i : SweepReport.spread(sorted.size())) {
            keys.add(sorted.get(i).cacheKey());
        }
        return new SamplePrefetch(hadoop, keys, headroom);
    }

    /** Starts drawing the pictures of {@code ended} if it is committed and one the report will likely sample. */
    @Override
    public void accept(RecordingOutcome ended) {
        if (pool == null || !ended.committed() || ended.storeUri() == null
                || !chosen.contains(ended.recording().cacheKey())) {
            return;
        }
        if (pictureBytes(ended.recording().spec()) > headroom.getAsLong()) {
            return; // the sweep's other recordings need the heap now; the report draws this one at the end
        }
        String uri = ended.storeUri();
        byStore.computeIfAbsent(uri, u -> pool.submit(() -> SampleImages.render(SweepReport.open(hadoop, u))));
    }

    /**
     * @return about the heap one recording's pictures take while drawn, bytes: a chunk of {@code observed} read
     *     (stored bytes, decoded bytes and doubles: ~20 bytes a pixel-frame), the two projections and the strip, and
     *     the planted footprints the contours are drawn from
     */
    static long pictureBytes(org.minisim.spec.Spec spec) {
        long px = spec.geometry().fovPixels();
        long chunk = Math.min(org.minisim.run.RecordingArrays.chunkFrames(spec, 0),
                Math.max(1, org.minisim.run.RecordingArrays.movieFrames(spec)));
        return 20 * chunk * px + 8 * (2 + SampleImages.STRIP_FRAMES) * px
                + 4 * org.minisim.run.MemoryEstimate.PER_CELL_BYTES * org.minisim.run.MemoryEstimate.expectedCells(spec);
    }

    /** @return half the heap not in use now, bytes (what drawing ahead may take beside the running tasks) */
    private static long headroom() {
        Runtime rt = Runtime.getRuntime();
        return (rt.maxMemory() - (rt.totalMemory() - rt.freeMemory())) / 2;
    }

    /** @return the pictures of the store at {@code storeUri} being drawn or drawn (taken: asked once), or null */
    Future<SampleImages.Pictures> take(String storeUri) {
        return storeUri == null ? null : byStore.remove(storeUri);
    }

    /** Stops drawing; pictures not taken are dropped. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        byStore.clear();
    }
}
