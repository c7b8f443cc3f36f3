package org.minisim.job.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.minisim.table.TableDictionary;

/** docs/table.md's outcome dictionary is the one {@link OutcomeTableSchema#COLUMNS} generates. */
class OutcomeDictionaryTest {

    /** Opening marker of the generated outcome dictionary. */
    static final String BEGIN = "<!-- outcome-columns:begin -->";
    /** Closing marker. */
    static final String END = "<!-- outcome-columns:end -->";

    /** @return the generated markdown of the outcome table's columns */
    static String outcomeColumns() {
        StringBuilder md = new StringBuilder();
        md.append(TableDictionary.generatedNote("org.minisim.job.table.OutcomeTableSchema")).append("\n\n");
        md.append(TableDictionary.header("column", "type", "unit", "nullable", "description"));
        for (OutcomeTableSchema.Column c : OutcomeTableSchema.COLUMNS) {
            String role = OutcomeTableSchema.PARTITION_COLUMNS.contains(c.name()) ? "no (partition)"
                    : OutcomeTableSchema.KEY.contains(c.name()) ? "no (key)" : c.nullable() ? "yes" : "no";
            md.append(TableDictionary.row(TableDictionary.code(c.name()), TableDictionary.code(
                    c.type().simpleString()), TableDictionary.unit(c.unit()), role, TableDictionary.text(
                    c.description())));
        }
        return md.toString();
    }

    @Test
    void everyColumnIsDefinedOnceWithADescriptionInSchemaOrder() {
        Set<String> names = new HashSet<>();
        assertEquals(OutcomeTableSchema.COLUMNS.size(), OutcomeTableSchema.schema().fields().length);
        for (int i = 0; i < OutcomeTableSchema.COLUMNS.size(); i++) {
            OutcomeTableSchema.Column c = OutcomeTableSchema.COLUMNS.get(i);
            StructField f = OutcomeTableSchema.schema().fields()[i];
            assertTrue(names.add(c.name()), "defined once: " + c.name());
            assertFalse(c.description().isBlank(), c.name());
            assertEquals(c.name(), f.name());
            assertEquals(c.comment(), f.getComment().get(), "the schema carries the comment of " + c.name());
        }
        assertTrue(names.containsAll(OutcomeTableSchema.KEY));
    }

    @Test
    void docsTableHoldsTheGeneratedOutcomeDictionary() throws IOException {
        String problem = TableDictionary.check(BEGIN, END, outcomeColumns());
        assertNull(problem, problem);
        String part = TableDictionary.between(Files.readString(TableDictionary.docFile(), StandardCharsets.UTF_8),
                BEGIN, END);
        for (OutcomeTableSchema.Column c : OutcomeTableSchema.COLUMNS) {
            assertTrue(part.contains("| `" + c.name() + "` |"), "docs/table.md lists " + c.name());
        }
    }
}
