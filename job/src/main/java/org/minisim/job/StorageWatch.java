package org.minisim.job;

import org.minisim.job.exec.SweepStoppedException;
import org.minisim.job.exec.TaskFailures;
import java.net.URI;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.LoggerFactory;
import org.slf4j.Logger;
import org.minisim.job.storage.StorageCheck;
import org.minisim.job.storage.StorageCheckException;
import org.minisim.job.storage.StorageFailure;
import org.minisim.spec.sweep.SweepRecording;

/**
 * The driver's view of its storage during a sweep (docs/failures.md): on a recording's first failure of the storage
 * class it re-probes the stores location ({@link StorageCheck}) for up to the recovery time; if the location answers
 * again the recording is retried once, otherwise (or if the retry fails by storage too) the sweep is stopped — no
 * recording is started any more, those in flight are stopped at their next store operation — and the one line that
 * says why is kept for the summary. A failure that is not of the storage class is the recording's own. Thread-safe:
 * every driver thread reports here, and waits while a probe is running before starting a recording.
 */
final class StorageWatch {

    /** Setting: seconds the driver keeps probing a storage location after a failure before stopping the sweep. */
    static final String RECOVERY_CONF = "minisim.storage.recoverySeconds";
    /** Default of {@link #RECOVERY_CONF}. */
    static final int DEFAULT_RECOVERY_SECONDS = 20;
    /** Pause between two probes, ms. */
    private static final long PROBE_INTERVAL_MS = 1000;
    /** A probe this recent that found the location answering lets another failure retry without probing again. */
    private static final long RECENT_NS = 3_000_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(TaskFailures.LOGGER);

    /** What to do with a failed recording. */
    enum Verdict {
        /** Run it once more: the storage answers again. */
        RETRY,
        /** Its own failure (not the storage's): report it and go on. */
        FAIL,
        /** The sweep is stopped: the storage is unavailable. */
        STOP
    }

    private final URI stores;
    private final Configuration hadoop;
    private final long recoveryMs;
    private final Progress progress;
    private final java.io.PrintStream err;
    private final Runnable onStop;
    private boolean probing;
    /** When a probe last found the location answering (System.nanoTime), or 0 for never. */
    private long lastUpNanos;
    private boolean everUp;
    private volatile String outage;

    /**
     * @param stores     the stores location probed after a failure
     * @param hadoop     the Hadoop configuration of the run
     * @param recoveryMs how long to keep probing before stopping, ms
     * @param progress   where the progress lines go
     * @param err        where the line saying the sweep stops goes
     * @param onStop     run once when the sweep is stopped (stop switch, cancel the executor's jobs)
     */
    StorageWatch(URI stores, Configuration hadoop, long recoveryMs, Progress progress, java.io.PrintStream err,
                 Runnable onStop) {
        this.stores = stores;
        this.hadoop = hadoop;
        this.recoveryMs = recoveryMs;
        this.progress = progress;
        this.err = err;
        this.onStop = onStop;
    }

    /** @return the stores location watched */
    String location() {
        return stores.toString();
    }

    /** @return whether the sweep was stopped */
    boolean stopped() {
        return outage != null;
    }

    /** @return the one line saying why the sweep was stopped, or null */
    String outage() {
        return outage;
    }

    /** Waits while a probe is running; @return whether recordings may still be started */
    synchronized boolean awaitLaunch() {
        while (probing && outage == null) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return outage == null;
    }

    /**
     * @param rec     the recording
     * @param message its one-line failure
     * @param retried whether this was already its retry
     * @return what to do with it
     */
    Verdict onFailure(SweepRecording rec, String message, boolean retried) {
        if (SweepStoppedException.stopped(message)) {
            return Verdict.STOP;
        }
        StorageFailure f = StorageFailure.parse(message);
        if (f == null) {
            return stopped() ? Verdict.STOP : Verdict.FAIL;
        }
        synchronized (this) {
            if (outage != null) {
                return Verdict.STOP;
            }
            if (!retried && everUp && System.nanoTime() - lastUpNanos < RECENT_NS) {
                return Verdict.RETRY;
            }
            String where = StorageFailure.location(message);
            String line = message.startsWith("storage ") ? message : f.line(where != null ? where : stores.toString());
            progress.warn(name(rec) + ": " + line + (retried ? " (its retry)" : "") + "; probing " + stores
                    + " for up to " + recoveryMs / 1000 + " s");
            LOG.warn("{}: storage failure{}: {}", name(rec), retried ? " of its retry" : "", message);
            probing = true;
            StorageCheckException down;
            try {
                down = probe();
            } finally {
                probing = false;
                notifyAll();
            }
            if (down == null) {
                lastUpNanos = System.nanoTime();
                everUp = true;
                if (!retried) {
                    progress.info("storage " + stores + " answers: retrying " + name(rec));
                    return Verdict.RETRY;
                }
                stop(f.line(where != null ? where : stores.toString()));
                return Verdict.STOP;
            }
            stop(down.line());
            return Verdict.STOP;
        }
    }

    /** @return null when the location answers within the recovery time, else the last probe's failure */
    private StorageCheckException probe() {
        long deadline = System.nanoTime() + recoveryMs * 1_000_000L;
        StorageCheckException last;
        int probes = 0;
        while (true) {
            try {
                probes++;
                StorageCheck.verify(stores, hadoop);
                LOG.info("storage {} answers again after {} probe(s)", stores, probes);
                return null;
            } catch (StorageCheckException e) {
                last = e;
                LOG.info("probe {} of {}: {}", probes, stores, e.getMessage());
            } catch (RuntimeException e) {
                last = null;
                LOG.warn("probe " + probes + " of " + stores + " failed unexpectedly", e);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return last != null ? last : failedProbe();
            }
            try {
                Thread.sleep(Math.min(PROBE_INTERVAL_MS, Math.max(1, left / 1_000_000L)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last != null ? last : failedProbe();
            }
        }
    }

    private StorageCheckException failedProbe() {
        try {
            StorageCheck.verify(stores, hadoop);
            return null;
        } catch (StorageCheckException e) {
            return e;
        }
    }

    /** Stops the sweep (once), keeping the line that says why. */
    synchronized void stop(String line) {
        if (outage != null) {
            return;
        }
        outage = line;
        LOG.warn("sweep stopped: {}", line);
        err.println(line + "; no more recordings are started");
        err.flush();
        onStop.run();
    }

    static String name(SweepRecording rec) {
        return String.format(Locale.ROOT, "%s point %d seed %d", rec.cacheKey(), rec.pointIndex(), rec.seed());
    }
}
