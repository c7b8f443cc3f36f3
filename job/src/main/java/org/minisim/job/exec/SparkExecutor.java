package org.minisim.job.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.minisim.run.RecordingTask;
import org.minisim.run.TaskResult;

/**
 * Runs tasks as one Spark job per call (one partition per task; elements and results cross as Java-serialized
 * bytes, whatever {@code spark.serializer} is). Spark retries a failing truth or range task per
 * {@code spark.task.maxFailures}; a whole-recording task never throws (its failure is a result).
 */
public final class SparkExecutor implements TaskExecutor {

    private final JavaSparkContext jsc;
    /** Job group of every job this executor submits, so that {@link #cancelAll()} cancels exactly them. */
    private final String group = "minisim-" + java.util.UUID.randomUUID();

    public SparkExecutor(JavaSparkContext jsc) {
        this.jsc = jsc;
    }

    /** @return the executors' heap ({@code spark.executor.memory}, default 1g), or the driver's in local mode */
    @Override
    public long taskHeapBytes() {
        if (jsc.isLocal()) {
            return Runtime.getRuntime().maxMemory();
        }
        return org.apache.spark.network.util.JavaUtils.byteStringAsBytes(
                jsc.getConf().get("spark.executor.memory", "1g"));
    }

    /** @return Spark's reserved system memory (300 MiB) on executors, the driver's share in local mode */
    @Override
    public long reservedHeapBytes() {
        return jsc.isLocal() ? TaskExecutor.super.reservedHeapBytes() : 300L << 20;
    }

    @Override
    public void cancelAll() {
        jsc.cancelJobGroup(group);
    }

    @Override
    public int parallelism() {
        return jsc.defaultParallelism();
    }

    @Override
    public String describe() {
        return "Spark " + jsc.master();
    }

    @Override
    public List<TaskResult> run(List<RecordingTask> tasks, String description) {
        List<byte[]> shipped = new ArrayList<>(tasks.size());
        for (RecordingTask t : tasks) {
            shipped.add(JavaBytes.write(t));
        }
        jsc.setJobGroup(group, description, true);
        List<byte[]> results = jsc.parallelize(shipped, Math.max(1, shipped.size()))
                .map(b -> {
                    TaskContext tc = TaskContext.get();
                    return JavaBytes.write(GuardedTask.run(JavaBytes.read(b), tc == null ? 0 : tc.attemptNumber()));
                })
                .collect();
        List<TaskResult> out = new ArrayList<>(results.size());
        for (byte[] b : results) {
            out.add(JavaBytes.read(b));
        }
        return out;
    }
}
