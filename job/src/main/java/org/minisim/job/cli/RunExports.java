package org.minisim.job.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.minisim.export.ExportException;
import org.minisim.export.ExportResult;
import org.minisim.job.exec.Failures;
import org.minisim.job.RecordingOutcome;
import org.minisim.job.SweepSummary;
import org.minisim.run.StoreLocator;

/**
 * The exports of {@code minisim run --avi DIR / --tiff DIR}: after the sweep has finished (every recording
 * committed or failed, the table written), the driver exports the movie of each committed recording, in sweep
 * order, one at a time, to {@code DIR/<cache_key>.avi} / {@code .tiff} with {@link ExportArgs}. A file that
 * already exists is kept (its recording's store never changes for its key) unless {@code --overwrite}; a failed
 * recording gets no file. One line per recording on standard output (failures on standard error); frame progress
 * on a terminal.
 */
final class RunExports {

    private RunExports() {}

    /** @return whether every committed recording's files were written or kept */
    static boolean exportAll(SweepSummary s, StoreLocator stores, ExportArgs export, boolean overwrite,
                             PrintStream out, PrintStream err) {
        boolean ok = true;
        int n = 0, total = (int) s.outcomes().stream().filter(RecordingOutcome::committed).count();
        for (RecordingOutcome o : s.outcomes()) {
            if (!o.committed()) {
                continue;
            }
            n++;
            String key = o.recording().cacheKey();
            String head = "[export " + n + "/" + total + "] " + key + ": ";
            Path avi = export.aviFor(key, true), tiff = export.tiffFor(key, true);
            StringBuilder kept = new StringBuilder();
            if (avi != null && Files.exists(avi) && !overwrite) {
                kept.append(avi);
                avi = null;
            }
            if (tiff != null && Files.exists(tiff) && !overwrite) {
                kept.append(kept.length() > 0 ? ", " : "").append(tiff);
                tiff = null;
            }
            String keptNote = kept.length() == 0 ? "" : "; kept existing " + kept + " (--overwrite replaces)";
            if (avi == null && tiff == null) {
                out.println(head + keptNote.substring(2));
                continue;
            }
            long t0 = System.nanoTime();
            try {
                for (Path p : new Path[] {avi, tiff}) {
                    if (p != null) {
                        Files.createDirectories(p.toAbsolutePath().getParent());
                    }
                }
                ExportResult r = export.export(stores.store(key), avi, tiff, overwrite, "minisim run: export " + key,
                        false, err);
                out.println(head + ExportArgs.done(r, t0) + keptNote);
            } catch (ExportException e) {
                err.println("minisim run: " + head + e.getMessage());
                ok = false;
            } catch (IOException | RuntimeException e) {
                err.println("minisim run: " + head + "export failed: " + Failures.oneLine(e));
                ok = false;
            }
            out.flush();
        }
        return ok;
    }
}
