package org.minisim.job.table;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.DelegatingPositionOutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.minisim.MinisimException;
import org.minisim.job.storage.StoreRoot;
import org.minisim.table.CellColumn;
import org.minisim.table.CellRows;
import org.minisim.table.CellTable;
import org.minisim.table.ColumnType;
import org.minisim.table.RecordingIdentity;

/**
 * Writes one sweep's partition {@code sweep_id=<id>} of the per-cell table: Parquet files (zstd) of at most
 * {@code rowsPerFile} rows, each sorted by {@code (spec_cache_key, cell_index)}, with the column descriptions in
 * their footers ({@link CellTableSchema}). Recordings are added as they finish and written in files as the buffer
 * fills (memory: one file's rows); {@link #commit()} then replaces the partition: the new files are staged under
 * {@code <table>/_temporary/<run>/}, the partition's old files are deleted, and the staged files are moved in — a
 * rerun replaces the sweep's rows, never duplicates them, and leaves every other sweep's partition untouched.
 * Written straight through the Hadoop file system of the table location (file, s3a, hdfs), without Spark.
 * Not thread-safe.
 */
public final class CellTableWriter {

    /** Rows per file by default (files of about 50–100 MB). */
    public static final int DEFAULT_ROWS_PER_FILE = 200_000;

    private final StoreRoot table;
    private final String sweepId;
    private final List<String> axisColumns;
    private final int rowsPerFile;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<Pending> pending = new ArrayList<>();
    private final List<Path> staged = new ArrayList<>();
    private final MessageType schema;
    private final Map<String, String> footer = new HashMap<>();
    private int buffered;
    private long rows;
    private FileSystem fs;

    private record Pending(RecordingIdentity id, CellRows rows) {}

    /** Row r of a pending recording (one Parquet record). */
    private record Row(Pending recording, Object[] sweepValues, Double[] ax, int r) {}

    /**
     * @param table       the table root
     * @param sweepId     the partition written
     * @param axisColumns the sweep's {@code ax_*} columns, sorted ({@link CellTable#axisColumns})
     * @param rowsPerFile rows per file at most (≥ 1)
     */
    public CellTableWriter(StoreRoot table, String sweepId, List<String> axisColumns, int rowsPerFile) {
        this.table = table;
        this.sweepId = sweepId;
        this.axisColumns = List.copyOf(axisColumns);
        this.rowsPerFile = Math.max(1, rowsPerFile);
        this.schema = CellTableSchema.parquet(axisColumns);
        footer.put(CellTableSchema.SPARK_SCHEMA_KEY, CellTableSchema.sparkJson(axisColumns));
        footer.put(CellTableSchema.COLUMNS_KEY, CellTableSchema.columnsJson(axisColumns));
    }

    /** Adds one committed recording's rows; writes a file when the buffer holds {@code rowsPerFile} rows. */
    public void add(RecordingIdentity id, CellRows cells) throws IOException {
        pending.add(new Pending(id, cells));
        buffered += cells.size();
        if (buffered >= rowsPerFile) {
            flush();
        }
    }

    /** @return rows added so far */
    public long rows() {
        return rows + buffered;
    }

    /**
     * Writes what is buffered, then makes the staged files the sweep's partition.
     *
     * @return the rows of the partition
     */
    public long commit() throws IOException {
        flush();
        if (table.isLocal()) {
            return commitLocal();
        }
        FileSystem f = fs();
        Path partition = new Path(new Path(table.uri()), CellTableSchema.SWEEP_ID + "=" + sweepId);
        if (f.exists(partition)) {
            for (FileStatus st : f.listStatus(partition)) {
                f.delete(st.getPath(), true);
            }
        } else {
            f.mkdirs(partition);
        }
        for (Path p : staged) {
            Path to = new Path(partition, p.getName());
            if (!f.rename(p, to)) {
                throw new IOException("could not move " + p + " to " + to);
            }
        }
        f.delete(stagingDir(), true);
        staged.clear();
        return rows;
    }

    /** The commit of a local table, by java.nio: the same steps, without Hadoop's local file system. */
    private long commitLocal() throws IOException {
        java.nio.file.Path root = java.nio.file.Paths.get(table.uri());
        java.nio.file.Path partition = root.resolve(CellTableSchema.SWEEP_ID + "=" + sweepId);
        if (java.nio.file.Files.isDirectory(partition)) {
            try (java.util.stream.Stream<java.nio.file.Path> old = java.nio.file.Files.list(partition)) {
                for (java.nio.file.Path p : old.toList()) {
                    org.minisim.store.FileByteStore.deleteRecursively(p);
                }
            }
        } else {
            java.nio.file.Files.createDirectories(partition);
        }
        for (Path p : staged) {
            java.nio.file.Path from = java.nio.file.Paths.get(p.toUri());
            java.nio.file.Files.move(from, partition.resolve(from.getFileName().toString()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        org.minisim.store.FileByteStore.deleteRecursively(java.nio.file.Paths.get(stagingDir().toUri()));
        java.nio.file.Path temporary = root.resolve("_temporary");
        try (java.util.stream.Stream<java.nio.file.Path> left = java.nio.file.Files.list(temporary)) {
            if (left.findAny().isEmpty()) {
                java.nio.file.Files.delete(temporary);
            }
        } catch (IOException e) {
            // another run's staging directory, or already gone: leave it
        }
        staged.clear();
        return rows;
    }

    /** Deletes what was staged (the partition is left as it was). */
    public void abort() {
        try {
            if (table.isLocal()) {
                org.minisim.store.FileByteStore.deleteRecursively(java.nio.file.Paths.get(stagingDir().toUri()));
            } else {
                fs().delete(stagingDir(), true);
            }
        } catch (IOException e) {
            // best effort: a later run replaces the staging directory's partition anyway
        }
    }

    private Path stagingDir() {
        return new Path(new Path(table.uri()), "_temporary/" + run);
    }

    private FileSystem fs() throws IOException {
        if (fs == null) {
            URI root = table.uri();
            Configuration conf = new Configuration(table.configuration());
            if ("file".equals(root.getScheme())) {
                // the raw local file system: no .crc side files
                conf.set("fs.file.impl", org.apache.hadoop.fs.RawLocalFileSystem.class.getName());
                conf.setBoolean("fs.file.impl.disable.cache", true);
            }
            fs = FileSystem.get(root, conf);
        }
        return fs;
    }

    private void flush() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        pending.sort(Comparator.comparing(p -> p.id().cacheKey()));
        Path file = new Path(stagingDir(), String.format(Locale.ROOT, "part-%05d-%s.zstd.parquet", staged.size(),
                run));
        OutputFile out;
        Configuration conf;
        if (table.isLocal()) {
            java.nio.file.Path local = java.nio.file.Paths.get(file.toUri());
            java.nio.file.Files.createDirectories(local.getParent());
            out = new org.apache.parquet.io.LocalOutputFile(local);
            conf = new Configuration(false);
        } else {
            FileSystem f = fs();
            out = new FsOutputFile(f, file);
            conf = f.getConf();
        }
        Builder b = new Builder(out, schema, footer, axisColumns);
        for (org.apache.parquet.schema.Type t : schema.getFields()) {
            // measured values are almost all distinct: a dictionary would only be tried, grown and dropped
            if (t.isPrimitive() && t.asPrimitiveType().getPrimitiveTypeName()
                    == org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE) {
                b.withDictionaryEncoding(t.getName(), false);
            }
        }
        try (ParquetWriter<Row> w = b
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withConf(conf)
                .build()) {
            for (Pending p : pending) {
                Object[] sweepValues = sweepValues(p.id());
                Double[] ax = axisValues(p.id(), axisColumns);
                for (int r = 0; r < p.rows().size(); r++) {
                    w.write(new Row(p, sweepValues, ax, r));
                }
            }
        } catch (RuntimeException e) {
            throw new MinisimException("writing table file " + file + ": " + e.getMessage(), e);
        }
        staged.add(file);
        rows += buffered;
        buffered = 0;
        pending.clear();
    }

    private static Object[] sweepValues(RecordingIdentity id) {
        List<CellColumn> cols = CellTable.SWEEP_COLUMNS;
        Object[] v = new Object[cols.size()];
        for (int c = 0; c < cols.size(); c++) {
            v[c] = ((CellColumn.OfSweep) cols.get(c).value()).of().apply(id);
        }
        return v;
    }

    private static Double[] axisValues(RecordingIdentity id, List<String> axisColumns) {
        Double[] ax = new Double[axisColumns.size()];
        for (int a = 0; a < ax.length; a++) {
            Double d = id.axColumns().get(axisColumns.get(a));
            ax[a] = d == null || d.isNaN() ? null : d;
        }
        return ax;
    }

    /** Writes one row as one Parquet record. */
    private static final class RowsWriteSupport extends WriteSupport<Row> {
        private final MessageType schema;
        private final Map<String, String> footer;
        private final List<String> axisColumns;
        private RecordConsumer out;

        RowsWriteSupport(MessageType schema, Map<String, String> footer, List<String> axisColumns) {
            this.schema = schema;
            this.footer = footer;
            this.axisColumns = axisColumns;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(schema, footer);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            out = recordConsumer;
        }

        @Override
        public void write(Row row) {
            List<CellColumn> sweepCols = CellTable.SWEEP_COLUMNS;
            List<CellColumn> stored = CellTable.STORED;
            int first = sweepCols.size();
            CellRows rows = row.recording().rows();
            out.startMessage();
            for (int c = 0; c < sweepCols.size(); c++) {
                value(c, sweepCols.get(c).name(), sweepCols.get(c).type(), row.sweepValues()[c]);
            }
            for (int c = 0; c < stored.size(); c++) {
                value(first + c, stored.get(c).name(), stored.get(c).type(), rows.get(c, row.r()));
            }
            for (int a = 0; a < row.ax().length; a++) {
                value(first + stored.size() + a, axisColumns.get(a), ColumnType.DOUBLE, row.ax()[a]);
            }
            out.endMessage();
        }

        private void value(int index, String name, ColumnType type, Object v) {
            if (v == null) {
                return;
            }
            out.startField(name, index);
            switch (type) {
                case STRING -> out.addBinary(Binary.fromString(v.toString()));
                case INT -> out.addInteger(((Number) v).intValue());
                case LONG -> out.addLong(((Number) v).longValue());
                case DOUBLE -> out.addDouble(((Number) v).doubleValue());
                case BOOLEAN -> out.addBoolean((Boolean) v);
                case STRING_MAP -> {
                    Map<?, ?> m = (Map<?, ?>) v;
                    out.startGroup();
                    if (!m.isEmpty()) {
                        out.startField("key_value", 0);
                        for (Map.Entry<?, ?> e : m.entrySet()) {
                            out.startGroup();
                            out.startField("key", 0);
                            out.addBinary(Binary.fromString(e.getKey().toString()));
                            out.endField("key", 0);
                            if (e.getValue() != null) {
                                out.startField("value", 1);
                                out.addBinary(Binary.fromString(e.getValue().toString()));
                                out.endField("value", 1);
                            }
                            out.endGroup();
                        }
                        out.endField("key_value", 0);
                    }
                    out.endGroup();
                }
            }
            out.endField(name, index);
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
        private final MessageType schema;
        private final Map<String, String> footer;
        private final List<String> axisColumns;

        Builder(OutputFile file, MessageType schema, Map<String, String> footer, List<String> axisColumns) {
            super(file);
            this.schema = schema;
            this.footer = footer;
            this.axisColumns = axisColumns;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Row> getWriteSupport(Configuration conf) {
            return new RowsWriteSupport(schema, footer, axisColumns);
        }
    }

    /** A Parquet output file on a Hadoop file system (the given client: the raw one for local files). */
    private record FsOutputFile(FileSystem fs, Path path) implements OutputFile {
        @Override
        public PositionOutputStream create(long blockSizeHint) throws IOException {
            return wrap(fs.create(path, false));
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
            return wrap(fs.create(path, true));
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return path.toString();
        }

        private static PositionOutputStream wrap(FSDataOutputStream s) {
            return new DelegatingPositionOutputStream(s) {
                @Override
                public long getPos() throws IOException {
                    return s.getPos();
                }
            };
        }
    }
}
