package org.minisim.job.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.minisim.metrics.OutcomeRow;

/**
 * The JSON-lines form of a recording's pipeline outcomes (docs/table.md#outcome-table): one object per ground-truth
 * unit and line, fields {@link #COLUMNS} in that order — the join key ({@code sweep_id}, null when not given,
 * {@code spec_cache_key}, {@code cell_index}) then the {@link OutcomeRow#COLUMNS}. Missing values are JSON
 * {@code null}; there are no NaNs. The Spark {@code outcomes} command loads these files into the outcome table.
 */
public final class OutcomeLines {

    /** Every field of a line, in order. */
    public static final List<String> COLUMNS;

    static {
        List<String> c = new ArrayList<>(List.of("sweep_id", "spec_cache_key", "cell_index"));
        c.addAll(OutcomeRow.COLUMNS);
        COLUMNS = List.copyOf(c);
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private OutcomeLines() {}

    /**
     * @param sweepId      sweep id, or null
     * @param specCacheKey the scored store's cache key
     * @return one line per row, each terminated by a newline
     */
    public static String write(String sweepId, String specCacheKey, List<OutcomeRow> rows) {
        StringWriter out = new StringWriter();
        try {
            for (OutcomeRow r : rows) {
                try (JsonGenerator g = FACTORY.createGenerator(out)) {
                    g.writeStartObject();
                    writeField(g, "sweep_id", sweepId);
                    writeField(g, "spec_cache_key", specCacheKey);
                    writeField(g, "cell_index", r.cellIndex());
                    List<Object> values = r.values();
                    for (int k = 0; k < values.size(); k++) {
                        writeField(g, OutcomeRow.COLUMNS.get(k), values.get(k));
                    }
                    g.writeEndObject();
                }
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeField(JsonGenerator g, String name, Object v) throws IOException {
        g.writeFieldName(name);
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Double d) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(name + " is " + d + " (outcome values must be finite or null)");
            }
            g.writeNumber(d);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(v.toString());
        }
    }
}
