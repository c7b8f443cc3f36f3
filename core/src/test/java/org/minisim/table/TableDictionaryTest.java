package org.minisim.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/table.md's column dictionary is the one the column definitions generate. */
class TableDictionaryTest {

    @Test
    void sectionsHoldEveryFixedColumnOnceInTableOrder() {
        List<CellColumn> all = new ArrayList<>();
        for (CellTable.Section s : CellTable.SECTIONS) {
            assertFalse(s.columns().isEmpty(), s.title());
            all.addAll(s.columns());
        }
        assertEquals(CellTable.FIXED, all);
    }

    @Test
    void docsTableHoldsTheGeneratedDictionary() throws IOException {
        String problem = TableDictionary.check(TableDictionary.BEGIN, TableDictionary.END,
                TableDictionary.cellColumns());
        assertNull(problem, problem);
        // and so the document lists every column
        String doc = Files.readString(TableDictionary.docFile(), StandardCharsets.UTF_8);
        String part = TableDictionary.between(doc, TableDictionary.BEGIN, TableDictionary.END);
        for (CellColumn c : CellTable.FIXED) {
            assertTrue(part.contains("| `" + c.name() + "` |"), "docs/table.md lists " + c.name());
        }
        assertTrue(part.contains("| `" + CellTable.SWEEP_ID + "` |"));
        assertTrue(part.contains("| `" + CellTable.AX_PREFIX + "<path>` |"));
    }

    @Test
    void descriptionsBecomeTableCellText() {
        assertEquals("`detection_snr` ≥ T", TableDictionary.text("detection_snr ≥ T"));
        assertEquals("\\|z − `focal_eff_um`\\|", TableDictionary.text("|z − focal_eff_um|"));
        assertEquals("&lt;stores&gt;", TableDictionary.text("<stores>"));
        assertEquals("| `a` | |\n", TableDictionary.row("`a`", ""));
    }

    @Test
    void replaceBetweenNeedsBothMarkersOnce() {
        String doc = "x\n" + TableDictionary.BEGIN + "\nold\n" + TableDictionary.END + "\ny\n";
        String out = TableDictionary.replaceBetween(doc, TableDictionary.BEGIN, TableDictionary.END, "new\n");
        assertEquals("x\n" + TableDictionary.BEGIN + "\nnew\n" + TableDictionary.END + "\ny\n", out);
        assertEquals("new\n", TableDictionary.between(out, TableDictionary.BEGIN, TableDictionary.END));
        assertThrows(IllegalArgumentException.class, () -> TableDictionary.replaceBetween("x", TableDictionary.BEGIN,
                TableDictionary.END, "new"));
        assertThrows(IllegalArgumentException.class, () -> TableDictionary.replaceBetween(doc + doc,
                TableDictionary.BEGIN, TableDictionary.END, "new"));
    }
}
