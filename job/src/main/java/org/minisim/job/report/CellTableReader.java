package org.minisim.job.report;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.minisim.job.exec.Failures;
import org.minisim.job.table.CellTableSchema;

/**
 * Reads the report's columns of a cell table's sweep partitions ({@code <table>/sweep_id=<id>/*.parquet}) with
 * parquet-hadoop, without Spark: only the needed columns are decoded (a projection), a local table through
 * java.nio (the Hadoop file system classes are never loaded: their first use parses Hadoop's default configuration,
 * about a second of a short run), any other through the Hadoop file system of its location (s3a, hdfs). Files and
 * folders starting with {@code _} or {@code .} are skipped, as Spark skips them.
 */
final class CellTableReader {

    /** Columns every minisim cell table has. */
    static final List<String> REQUIRED = List.of("spec_cache_key", "detectable", "detection_snr", "depth_um",
            "n_frames");
    /** Numeric columns read besides the axes. */
    static final List<String> NUMBERS = List.of("detection_snr", "depth_um", "vessel_overlap_fraction",
            "roi_trace_corr", "oracle_trace_corr");
    private static final List<String> OTHER = List.of("spec_cache_key", "store_uri", "sweep_point_index", "seed",
            "axes", "n_frames", "cell_index", "detectable");

    private final Configuration conf;
    private final String tableUri;
    /** The table folder when it is local, else null. */
    private final java.nio.file.Path localRoot;
    private final Path root;
    private final FileSystem fs;

    /** One Parquet file of a partition. */
    private record TableFile(String name, InputFile input) {}

    /**
     * @param tableUri the table's absolute URI
     * @throws ReportException when the table folder cannot be read
     */
    CellTableReader(Configuration conf, String tableUri) {
        this.conf = conf;
        this.tableUri = tableUri;
        URI u = URI.create(tableUri);
        if ("file".equals(u.getScheme())) {
            localRoot = java.nio.file.Paths.get(u);
            root = null;
            fs = null;
            if (!java.nio.file.Files.isDirectory(localRoot)) {
                throw new ReportException("cannot read the cell table " + tableUri + ": "
                        + (java.nio.file.Files.exists(localRoot) ? "not a directory" : "no such directory"));
            }
            return;
        }
        localRoot = null;
        this.root = new Path(u);
        try {
            this.fs = root.getFileSystem(conf);
            if (!fs.getFileStatus(root).isDirectory()) {
                throw new ReportException("cannot read the cell table " + tableUri + ": not a directory");
            }
        } catch (FileNotFoundException e) {
            throw new ReportException("cannot read the cell table " + tableUri + ": no such directory", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ReportException r) {
                throw r;
            }
            throw new ReportException("cannot read the cell table " + tableUri + ": " + Failures.oneLine(e), e);
        }
    }

    /** @return the sweeps of the table (partitions holding at least one Parquet file), sorted */
    List<String> sweeps() throws IOException {
        List<String> out = new ArrayList<>();
        String prefix = CellTableSchema.SWEEP_ID + "=";
        if (localRoot != null) {
            try (var dirs = java.nio.file.Files.list(localRoot)) {
                for (java.nio.file.Path d : (Iterable<java.nio.file.Path>) dirs::iterator) {
                    String name = d.getFileName().toString();
                    if (java.nio.file.Files.isDirectory(d) && name.startsWith(prefix) && !files(name).isEmpty()) {
                        out.add(name.substring(prefix.length()));
                    }
                }
            }
            out.sort(null);
            return out;
        }
        for (FileStatus st : fs.listStatus(root)) {
            String name = st.getPath().getName();
            if (st.isDirectory() && name.startsWith(prefix) && !files(name).isEmpty()) {
                out.add(name.substring(prefix.length()));
            }
        }
        out.sort(null);
        return out;
    }

    /** @return the partition folder's Parquet files, by name */
    private List<TableFile> files(String partition) throws IOException {
        List<TableFile> out = new ArrayList<>();
        if (localRoot != null) {
            java.nio.file.Path dir = localRoot.resolve(partition);
            if (!java.nio.file.Files.isDirectory(dir)) {
                return out;
            }
            try (var files = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
                    String n = f.getFileName().toString();
                    if (java.nio.file.Files.isRegularFile(f) && isData(n)) {
                        out.add(new TableFile(n, new LocalInputFile(f)));
                    }
                }
            }
        } else {
            Path dir = new Path(root, partition);
            for (FileStatus st : fs.listStatus(dir)) {
                String n = st.getPath().getName();
                if (st.isFile() && isData(n)) {
                    out.add(new TableFile(n, HadoopInputFile.fromStatus(st, conf)));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(TableFile::name));
        return out;
    }

    private static boolean isData(String name) {
        return !name.startsWith("_") && !name.startsWith(".") && name.endsWith(".parquet");
    }

    /** @return the report's columns of one sweep */
    SweepCells read(String sweepId) throws IOException {
        Columns c = new Columns();
        for (TableFile file : files(CellTableSchema.SWEEP_ID + "=" + sweepId)) {
            MessageType schema;
            try (ParquetFileReader r = ParquetFileReader.open(file.input(),
                    ParquetReadOptions.builder(new HadoopParquetConfiguration(conf)).build())) {
                schema = r.getFooter().getFileMetaData().getSchema();
            }
            List<String> names = schema.getFields().stream().map(Type::getName).toList();
            for (String need : REQUIRED) {
                if (!names.contains(need)) {
                    throw new ReportException(tableUri + " is not a minisim cell table: " + file.name()
                            + " has no column '" + need + "'");
                }
            }
            List<Type> keep = new ArrayList<>();
            for (Type t : schema.getFields()) {
                String n = t.getName();
                if (OTHER.contains(n) || NUMBERS.contains(n) || n.startsWith(CellTableSchema.AX_PREFIX)) {
                    keep.add(t);
                }
            }
            MessageType projection = new MessageType(schema.getName(), keep);
            Configuration fileConf = new Configuration(conf);
            fileConf.set(ReadSupport.PARQUET_READ_SCHEMA, projection.toString());
            try (ParquetReader<Group> r = new GroupReader(file.input(), fileConf).build()) {
                for (Group g = r.read(); g != null; g = r.read()) {
                    c.add(g, projection);
                }
            }
        }
        return c.finish(sweepId);
    }

    /** A reader of example Groups from any {@link InputFile}. */
    private static final class GroupReader extends ParquetReader.Builder<Group> {
        GroupReader(InputFile file, Configuration conf) {
            super(file, new HadoopParquetConfiguration(conf)); // this configuration only: no default resources
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }

    /** Growable columns. */
    private static final class Columns {
        private final List<SweepCells.Recording> recordings = new ArrayList<>();
        private final Map<String, Integer> byKey = new LinkedHashMap<>();
        private final TreeMap<String, Num> numbers = new TreeMap<>();
        private int[] recording = new int[1024];
        private int[] cellIndex = new int[1024];
        private byte[] detectable = new byte[1024];
        private int n;

        void add(Group g, MessageType projection) {
            if (n == recording.length) {
                int len = n * 2;
                recording = Arrays.copyOf(recording, len);
                cellIndex = Arrays.copyOf(cellIndex, len);
                detectable = Arrays.copyOf(detectable, len);
            }
            String key = has(g, "spec_cache_key") ? g.getString("spec_cache_key", 0) : "";
            Integer rec = byKey.get(key);
            if (rec == null) {
                rec = recordings.size();
                byKey.put(key, rec);
                Map<String, String> axes = null;
                if (has(g, "axes")) {
                    axes = new TreeMap<>();
                    Group m = g.getGroup("axes", 0);
                    int entries = m.getFieldRepetitionCount("key_value");
                    for (int e = 0; e < entries; e++) {
                        Group kv = m.getGroup("key_value", e);
                        axes.put(kv.getString("key", 0), kv.getFieldRepetitionCount("value") > 0
                                ? kv.getString("value", 0) : null);
                    }
                }
                recordings.add(new SweepCells.Recording(key, string(g, "store_uri"),
                        has(g, "sweep_point_index") ? g.getInteger("sweep_point_index", 0) : null,
                        has(g, "seed") ? g.getLong("seed", 0) : null, axes, null));
            }
            SweepCells.Recording r = recordings.get(rec);
            if (r.nFrames() == null && has(g, "n_frames")) {
                recordings.set(rec, new SweepCells.Recording(r.cacheKey(), r.storeUri(), r.pointIndex(), r.seed(),
                        r.axes(), g.getInteger("n_frames", 0)));
            }
            recording[n] = rec;
            cellIndex[n] = has(g, "cell_index") ? g.getInteger("cell_index", 0) : -1;
            detectable[n] = has(g, "detectable") ? (byte) (g.getBoolean("detectable", 0) ? 1 : 0) : (byte) -1;
            for (Type t : projection.getFields()) {
                String name = t.getName();
                if (NUMBERS.contains(name) || name.startsWith(CellTableSchema.AX_PREFIX)) {
                    Num col = numbers.computeIfAbsent(name, k -> new Num(n));
                    col.set(n, has(g, name) ? g.getDouble(name, 0) : null);
                }
            }
            n++;
        }

        private static boolean has(Group g, String field) {
            return g.getType().containsField(field) && g.getFieldRepetitionCount(field) > 0;
        }

        private static String string(Group g, String field) {
            return has(g, field) ? g.getString(field, 0) : null;
        }

        SweepCells finish(String sweepId) {
            Map<String, SweepCells.Numbers> cols = new LinkedHashMap<>();
            numbers.forEach((k, v) -> cols.put(k, v.finish(n)));
            return new SweepCells(sweepId, List.copyOf(recordings), Arrays.copyOf(recording, n),
                    Arrays.copyOf(cellIndex, n), Arrays.copyOf(detectable, n), cols);
        }
    }

    /** A growable numeric column; rows before its first file are null. */
    private static final class Num {
        private double[] v;
        private boolean[] has;

        Num(int capacity) {
            v = new double[Math.max(1024, capacity + 1)];
            has = new boolean[v.length];
        }

        void set(int i, Double x) {
            if (i >= v.length) {
                int len = Math.max(v.length * 2, i + 1);
                v = Arrays.copyOf(v, len);
                has = Arrays.copyOf(has, len);
            }
            if (x != null) {
                v[i] = x;
                has[i] = true;
            }
        }

        SweepCells.Numbers finish(int n) {
            return new SweepCells.Numbers(Arrays.copyOf(v, n), Arrays.copyOf(has, n));
        }
    }
}
