package org.minisim.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.minisim.recording.io.RecordingLayout;
import org.minisim.recording.io.RecordingStoreWriter;
import org.minisim.spec.json.CanonicalJson;
import org.minisim.spec.json.SpecReader;
import org.minisim.store.ByteStore;
import org.minisim.table.CellRowsFile;

/**
 * What is found at a recording's store before simulating it.
 *
 * @param kind    the finding
 * @param message why a committed store cannot be reused (null otherwise)
 * @param cells   the store's cell file (reusable stores only)
 */
public record StoreState(Kind kind, String message, byte[] cells) {

    /** The findings. */
    public enum Kind {
        /** Nothing there. */
        ABSENT,
        /** Something there without a commit marker: delete and redo. */
        INCOMPLETE,
        /** Committed, but not reusable (spec.json hashes to another key, or no cell file): delete and redo. */
        UNUSABLE,
        /** Committed and matching: reuse. */
        REUSABLE
    }

    /** @return the state of the store of the recording with that cache key */
    public static StoreState inspect(ByteStore store, String cacheKey) throws IOException {
        if (!RecordingStoreWriter.isComplete(store)) {
            return new StoreState(store.exists(".zgroup") || store.exists(".zattrs") ? Kind.INCOMPLETE : Kind.ABSENT,
                    null, null);
        }
        byte[] spec = store.get(RecordingLayout.SPEC_JSON);
        if (spec == null) {
            return new StoreState(Kind.UNUSABLE, "committed store has no spec.json", null);
        }
        String key;
        try {
            key = CanonicalJson.cacheKey(SpecReader.read(new String(spec, StandardCharsets.UTF_8)).spec());
        } catch (RuntimeException e) {
            return new StoreState(Kind.UNUSABLE, "committed store's spec.json is unreadable (" + e.getMessage() + ")",
                    null);
        }
        if (!cacheKey.equals(key)) {
            return new StoreState(Kind.UNUSABLE, "committed store's spec.json hashes to " + key + ", not to its name",
                    null);
        }
        byte[] cells = store.get(CellRowsFile.FILE_NAME);
        if (cells == null) {
            return new StoreState(Kind.UNUSABLE, "committed store has no " + CellRowsFile.FILE_NAME, null);
        }
        return new StoreState(Kind.REUSABLE, null, cells);
    }
}
