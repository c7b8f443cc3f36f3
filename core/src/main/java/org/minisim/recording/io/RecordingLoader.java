package org.minisim.recording.io;

import org.minisim.recording.Recording;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.minisim.spec.Spec;
import org.minisim.spec.json.CanonicalJson;
import org.minisim.spec.json.ParsedSpec;
import org.minisim.spec.json.SpecIssue;
import org.minisim.spec.json.SpecReader;
import org.minisim.spec.json.SpecValidationException;
import org.minisim.store.ByteStore;
import org.minisim.recording.io.LoadedStore;
import org.minisim.recording.io.RecordingStoreReader;
import org.minisim.recording.io.SnapshotData;

/**
 * {@code Recording.load} (docs/store-format.md#reading-and-checks): reads a saved store (ours or the reference's),
 * hard-fails on a wrong {@code format_version} (from the store reader), parses {@code spec.json} strictly, and
 * recomputes the spec's cache key. A key that differs from the stored {@code spec_cache_key} is an error by default
 * (naming both keys and the remedy); {@link LoadOptions#allowSpecMismatch()} turns it into a warning returned with the
 * recording.
 */
public final class RecordingLoader {

    private RecordingLoader() {}

    /**
     * @param allowSpecMismatch load a store whose spec.json does not hash to its stored key (warning only)
     */
    public record LoadOptions(boolean allowSpecMismatch) {
        /** Strict: a spec-hash mismatch is an error. */
        public static final LoadOptions STRICT = new LoadOptions(false);
        /** Lenient: a spec-hash mismatch is a warning (the reference loader's behaviour). */
        public static final LoadOptions ALLOW_SPEC_MISMATCH = new LoadOptions(true);
    }

    /**
     * @param recording the recording (observed in float64, snapshots, ground truth)
     * @param warnings  spec warnings and, when allowed, the hash-mismatch warning
     * @param committed whether the store carries this implementation's commit marker
     */
    public record Loaded(Recording recording, List<String> warnings, boolean committed) {}

    /** Thrown when spec.json does not hash to the store's {@code spec_cache_key} and mismatches are not allowed. */
    public static final class SpecHashMismatchException extends IOException {
        private static final long serialVersionUID = 1L;

        public SpecHashMismatchException(String message) {
            super(message);
        }
    }

    /** Loads strictly (see {@link LoadOptions#STRICT}). */
    public static Loaded load(ByteStore store) throws IOException {
        return load(store, LoadOptions.STRICT);
    }

    /**
     * @throws org.minisim.recording.io.RecordingFormatException for a missing or wrong format_version
     * @throws SpecHashMismatchException for a key mismatch unless allowed
     * @throws IOException for an unreadable store or an invalid spec.json (message names the store and the rules)
     */
    public static Loaded load(ByteStore store, LoadOptions options) throws IOException {
        LoadedStore s = RecordingStoreReader.load(store);
        ParsedSpec parsed;
        try {
            parsed = SpecReader.read(s.specJson());
        } catch (SpecValidationException e) {
            StringBuilder b = new StringBuilder("invalid spec.json in " + store.location() + ":");
            for (SpecIssue issue : e.getIssues()) {
                b.append(' ').append(issue.describe()).append(';');
            }
            throw new IOException(b.toString(), e);
        }
        List<String> warnings = new ArrayList<>();
        for (SpecIssue w : parsed.warnings()) {
            warnings.add(w.describe());
        }
        Spec spec = parsed.spec();
        String recomputed = CanonicalJson.cacheKey(spec);
        if (!recomputed.equals(s.storedCacheKey())) {
            String msg = "Spec hash mismatch loading " + store.location() + ": stored '" + s.storedCacheKey()
                    + "' != recomputed '" + recomputed + "'. The usual cause is a newer minisim serialising the spec "
                    + "differently, or a hand-edited spec.json; if the recording looks stale, delete it and "
                    + "re-simulate the spec.";
            if (!options.allowSpecMismatch()) {
                throw new SpecHashMismatchException(msg + " (load with allowSpecMismatch to read it anyway)");
            }
            warnings.add(msg + " The recording still loads.");
        }
        SnapshotData obs = s.observed();
        Map<String, Recording.Snapshot> snaps = new HashMap<>();
        for (Map.Entry<String, SnapshotData> e : s.snapshots().entrySet()) {
            SnapshotData d = e.getValue();
            snaps.put(e.getKey(), new Recording.Snapshot(d.nFrames(), d.height(), d.width(), d.frames()));
        }
        Recording rec = new Recording(spec, obs.frames(), obs.nFrames(), s.groundTruth(), snaps);
        return new Loaded(rec, List.copyOf(warnings), s.committed());
    }
}
