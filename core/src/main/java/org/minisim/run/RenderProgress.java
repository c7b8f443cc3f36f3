package org.minisim.run;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.minisim.render.FrameSink;
import org.minisim.scene.TraceWindow;

/**
 * Cheap JVM-wide progress counters of {@link RecordingRunner}: observed frames rendered so far and tasks running
 * now, in this JVM. They serve progress lines only (never the output): a driver reads them before and during a run
 * and shows the difference. They see the tasks of this JVM — every task of the in-process executor or of Spark's
 * local mode, none of a cluster's executors — and a retried range counts its frames again.
 */
public final class RenderProgress {

    private static final AtomicLong FRAMES = new AtomicLong();
    private static final AtomicInteger RUNNING = new AtomicInteger();

    private RenderProgress() {}

    /** @return observed frames rendered in this JVM since it started, frames */
    public static long framesRendered() {
        return FRAMES.get();
    }

    /** @return recording tasks running in this JVM now */
    public static int tasksRunning() {
        return RUNNING.get();
    }

    static void taskStarted() {
        RUNNING.incrementAndGet();
    }

    static void taskEnded() {
        RUNNING.decrementAndGet();
    }

    /** @return a sink passing every call to {@code inner} that counts each observed block's frames */
    static FrameSink counting(FrameSink inner) {
        return new FrameSink() {
            @Override
            public void begin(TraceWindow traces) {
                inner.begin(traces);
            }

            @Override
            public void observed(int t0, int t1, double[] frames) {
                inner.observed(t0, t1, frames);
                FRAMES.addAndGet(t1 - t0);
            }

            @Override
            public void beforeSensor(int t0, int t1, double[] intensity) {
                inner.beforeSensor(t0, t1, intensity);
            }

            @Override
            public void snapshot(String stage, int t0, int t1, int height, int width, double[] frames) {
                inner.snapshot(stage, t0, t1, height, width, frames);
            }
        };
    }
}
