package org.minisim.table;

import java.util.function.Function;

/**
 * One column of the cell table, defined once: its name, type, unit, source, description and how its value is
 * computed. The Parquet schema, the documentation's dictionary (docs/table.md) and the row values all come from
 * these definitions ({@link CellTable}).
 *
 * @param name        column name
 * @param type        value type
 * @param unit        unit of the value (µm, px, e⁻, ADU, ...; "1" for a dimensionless number, "" where no unit
 *                    applies)
 * @param source      where the value comes from
 * @param description what it means and when it is null
 * @param value       how it is computed
 */
public record CellColumn(String name, ColumnType type, String unit, ColumnSource source, String description,
                         Computation value) {

    /** How a column's value is computed. */
    public sealed interface Computation permits OfSweep, OfScene, OfRender {}

    /** From the recording's place in the sweep (same on all its rows). */
    public record OfSweep(Function<RecordingIdentity, Object> of) implements Computation {}

    /** From the scene: unit u's value (null, or a value of the column's type; NaN counts as null). */
    public record OfScene(SceneValue of) implements Computation {}

    /** From the merged render sums and the row's scene values. */
    public record OfRender(RenderValue of) implements Computation {}

    /** A scene column's value for unit u. */
    @FunctionalInterface
    public interface SceneValue {
        Object of(CellFacts facts, int u);
    }

    /** A render column's value for row u. */
    @FunctionalInterface
    public interface RenderValue {
        Object of(RenderStatistics.Columns render, CellRows rows, int u);
    }

    /** @return the description with the unit, as the Parquet field metadata and the dictionary show it */
    public String comment() {
        return unit.isEmpty() ? description : description + " [" + unit + "]";
    }
}
