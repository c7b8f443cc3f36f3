package org.minisim.job;

import org.minisim.job.exec.SweepStoppedException;
import java.util.List;
import java.util.Locale;

/**
 * The result of a sweep run.
 *
 * @param sweepId      the sweep
 * @param outcomes     one per valid recording, in sweep order
 * @param invalid      points skipped as invalid ({@code on_invalid_point = skip})
 * @param wallSeconds  wall time of the whole run
 * @param tableRows    rows in the sweep's table partition
 * @param phases       wall seconds of each step of the run, in order (storage check, manifest, recordings, table,
 *                     manifest and metadata)
 * @param stoppedBy    why the sweep was stopped before its end ({@code storage <location> unreachable: ...}), or
 *                     null when every recording was run
 * @param tableSkipped why the table partition, manifest and job metadata were not written (their location is
 *                     unavailable), or null when they were
 */
public record SweepSummary(String sweepId, List<RecordingOutcome> outcomes, int invalid, double wallSeconds,
                           long tableRows, java.util.LinkedHashMap<String, Double> phases, String stoppedBy,
                           String tableSkipped) {

    /** A summary of a run that ran every recording and wrote its table. */
    public SweepSummary(String sweepId, List<RecordingOutcome> outcomes, int invalid, double wallSeconds,
                        long tableRows, java.util.LinkedHashMap<String, Double> phases) {
        this(sweepId, outcomes, invalid, wallSeconds, tableRows, phases, null, null);
    }

    public long count(RecordingOutcome.Status s) {
        return outcomes.stream().filter(o -> o.status() == s).count();
    }

    public long done() {
        return count(RecordingOutcome.Status.DONE);
    }

    public long reused() {
        return count(RecordingOutcome.Status.REUSED);
    }

    public long failed() {
        return count(RecordingOutcome.Status.FAILED);
    }

    /** @return failed recordings whose failure was the storage's (interrupted by an outage, or failed by it) */
    public long failedByStorage() {
        return outcomes.stream().filter(o -> o.status() == RecordingOutcome.Status.FAILED && o.message() != null
                && (o.message().startsWith("storage ") || SweepStoppedException.stopped(o.message()))).count();
    }

    /** @return recordings not started because the sweep was stopped */
    public long notStarted() {
        return count(RecordingOutcome.Status.NOT_STARTED);
    }

    /** @return whether a storage location became unavailable (the sweep stopped, or its table was not written) */
    public boolean storageUnavailable() {
        return stoppedBy != null || tableSkipped != null;
    }

    /** @return frames of every committed recording */
    public long frames() {
        return outcomes.stream().filter(RecordingOutcome::committed).mapToLong(RecordingOutcome::frames).sum();
    }

    /** @return cells of every committed recording */
    public long cells() {
        return outcomes.stream().filter(RecordingOutcome::committed).mapToLong(RecordingOutcome::cells).sum();
    }

    public long detectable() {
        return outcomes.stream().filter(RecordingOutcome::committed).mapToLong(RecordingOutcome::detectable).sum();
    }

    /** @return FOV pixel-frames simulated in this run, per wall second, in millions */
    public double mpxFramesPerSecond() {
        long px = outcomes.stream().mapToLong(RecordingOutcome::pxFrames).sum();
        return wallSeconds > 0 ? px / 1e6 / wallSeconds : 0.0;
    }

    /** @return the final summary line */
    public String line() {
        long cells = cells();
        String frac = cells > 0 ? String.format(Locale.ROOT, "%.3f", (double) detectable() / cells) : "n/a";
        return String.format(Locale.ROOT,
                "sweep %s%s: %d done, %d reused, %s failed%s%s; %d frames, %d cells, detectable fraction %s; "
                        + "%s; %.1f s wall, %.2f Mpx-frames/s",
                sweepId, stoppedBy != null ? " stopped" : "", done(), reused(),
                failed() + (failedByStorage() > 0 ? " (" + failedByStorage() + " by storage)" : ""),
                notStarted() > 0 ? ", " + notStarted() + " not started" : "",
                invalid > 0 ? ", " + invalid + " invalid (skipped)" : "",
                frames(), cells, frac, tableSkipped != null ? "table not written" : tableRows + " table rows",
                wallSeconds, mpxFramesPerSecond());
    }

    /** @return the tasks' times summed over every recording (task-seconds: tasks run in parallel) */
    public org.minisim.run.TaskTimes taskTimes() {
        org.minisim.run.TaskTimes t = org.minisim.run.TaskTimes.NONE;
        for (RecordingOutcome o : outcomes) {
            if (o.times() != null) {
                t = t.plus(o.times());
            }
        }
        return t;
    }

    /**
     * @return the phases as one line: {@code phases: storage check 0.01 s, manifest 0.00 s, ...; task-seconds:
     *     scene …, table …, render …, truth …, commit …}
     */
    public String phasesLine() {
        StringBuilder sb = new StringBuilder("phases:");
        String sep = " ";
        for (var e : phases.entrySet()) {
            sb.append(sep).append(e.getKey()).append(' ').append(String.format(Locale.ROOT, "%.2f s", e.getValue()));
            sep = ", ";
        }
        org.minisim.run.TaskTimes t = taskTimes();
        sb.append(String.format(Locale.ROOT, "; task-seconds: scene %.2f, table %.2f, render %.2f, truth %.2f, "
                + "commit %.2f", t.scene(), t.table(), t.render(), t.truth(), t.commit()));
        return sb.toString();
    }

    /** @return whether every recording is committed and the table written */
    public boolean ok() {
        return failed() == 0 && notStarted() == 0 && !storageUnavailable();
    }
}
