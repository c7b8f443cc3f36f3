package org.minisim.job.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.minisim.MinisimException;
import org.minisim.run.RecordingTask;
import org.minisim.run.TaskResult;

/**
 * Runs tasks on a fixed pool of threads in this JVM: what {@code local[N]} means for a sweep. It starts in
 * milliseconds, so a small sweep costs about its simulations; a truth or range task that fails is retried up to
 * {@code maxAttempts} times in all (as Spark's {@code local[N,M]} would), then fails its recording.
 */
public final class InProcessExecutor implements TaskExecutor {

    private final int threads;
    private final int maxAttempts;
    private final ExecutorService pool;

    /**
     * @param threads     tasks at once (≥ 1)
     * @param maxAttempts attempts per truth or range task (≥ 1)
     */
    public InProcessExecutor(int threads, int maxAttempts) {
        if (threads < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("threads and attempts must be >= 1, got " + threads + ", "
                    + maxAttempts);
        }
        this.threads = threads;
        this.maxAttempts = maxAttempts;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "minisim-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param master a Spark local master: {@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,M]}
     *               (M attempts per task)
     * @return the executor with that many threads and attempts
     * @throws IllegalArgumentException for a master that is not local
     */
    public static InProcessExecutor forLocalMaster(String master) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (master == null || master.equals("local[*]")) {
            return new InProcessExecutor(cores, 1);
        }
        if (master.equals("local")) {
            return new InProcessExecutor(1, 1);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("local\\[(\\*|\\d+)(?:,\\s*(\\d+))?]")
                .matcher(master.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a local master: " + master);
        }
        int t = m.group(1).equals("*") ? cores : Integer.parseInt(m.group(1));
        int attempts = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        return new InProcessExecutor(Math.max(1, t), Math.max(1, attempts));
    }

    /** @return whether a master string is a Spark local master this executor can stand in for */
    public static boolean isLocalMaster(String master) {
        return master == null || master.trim().matches("local(\\[(\\*|\\d+)(,\\s*\\d+)?])?");
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public String describe() {
        return threads + (threads == 1 ? " thread" : " threads") + " in this JVM";
    }

    @Override
    public List<TaskResult> run(List<RecordingTask> tasks, String description) {
        return run(tasks, description, UnaryOperator.identity());
    }

    @Override
    public List<TaskResult> run(List<RecordingTask> tasks, String description, UnaryOperator<TaskResult> absorb) {
        List<Future<TaskResult>> futures = new ArrayList<>(tasks.size());
        Object oneAtATime = new Object();
        for (RecordingTask t : tasks) {
            futures.add(pool.submit(() -> {
                TaskResult r = attempt(t);
                synchronized (oneAtATime) {
                    return absorb.apply(r);
                }
            }));
        }
        List<TaskResult> out = new ArrayList<>(tasks.size());
        try {
            for (Future<TaskResult> f : futures) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new MinisimException("interrupted while running " + description, e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new MinisimException(description + ": " + Failures.oneLine(c), c);
        }
        return out;
    }

    private TaskResult attempt(RecordingTask t) {
        for (int a = 0; ; a++) {
            try {
                return GuardedTask.run(t, a);
            } catch (RuntimeException e) {
                if (a + 1 >= maxAttempts) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
