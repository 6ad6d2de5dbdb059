package dev.mantis.spark;

import dev.mantis.sim.task.Evaluation;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.util.LongAccumulator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Runs one Spark task per shard and hands the winning attempts' outcomes to the caller's thread in
 * shard order, each as soon as it and every shard before it have ended (so the driver commits
 * while executors still run).
 */
final class ShardJobs {

    /** Takes the shards' outcomes, in shard order, on the thread that called {@link #run}. */
    interface Sink<T extends Serializable> {
        /** The outcome of the shard after the previous one. */
        void accept(ShardOutcome<T> outcome) throws IOException;
    }

    private ShardJobs() {
    }

    /**
     * Runs {@code work} over {@code shards} (one partition each), telling {@code progress} as
     * shards end and {@code sink} what each shard's first successful attempt returned.
     *
     * @throws IllegalStateException if the job failed (a shard ran out of attempts)
     */
    static <T extends Serializable> void run(JavaSparkContext sc, List<Shard> shards, LongAccumulator successes,
            Evaluation.Progress progress, Function<Shard, ShardOutcome<T>> work, String description, Sink<T> sink)
            throws IOException {
        int n = shards.size();
        ShardProgress listener = new ShardProgress(shards, successes, progress);
        Arrivals<T> arrivals = new Arrivals<>(n);
        List<Object> partitions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            partitions.add(i);
        }
        sc.sc().addSparkListener(listener);
        SimpleFutureAction<BoxedUnit> job = null;
        try {
            sc.setJobDescription(description + ": " + n + " shards");
            job = sc.sc().submitJob(sc.parallelize(shards, n).map(work).rdd(), new Only<>(),
                    CollectionConverters.asScala(partitions).toSeq(), arrivals, new Nothing());
            for (int i = 0; i < n; i++) {
                ShardOutcome<T> o = arrivals.await(i, job);
                if (o == null) {
                    break; // the job failed: get() says why
                }
                if (o.shard() != i) {
                    throw new IllegalStateException("shard " + i + " came back as shard " + o.shard());
                }
                sink.accept(o);
            }
            job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the Spark job was interrupted", e);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) { // SparkException: a shard failed on every attempt
            throw new IllegalStateException("the Spark job failed: " + e.getMessage(), e);
        } finally {
            if (job != null && !job.isCompleted()) {
                job.cancel();
            }
            listener.close();
            sc.sc().removeSparkListener(listener);
        }
    }

    /** A partition's only element (each partition holds one shard's outcome). */
    private static final class Only<O> extends AbstractFunction1<scala.collection.Iterator<O>, O>
            implements Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public O apply(scala.collection.Iterator<O> partition) {
            return partition.next();
        }
    }

    /** The job's overall result, which nobody needs. */
    private static final class Nothing extends AbstractFunction0<BoxedUnit> {
        @Override
        public BoxedUnit apply() {
            return BoxedUnit.UNIT;
        }
    }

    /** Outcomes as Spark's scheduler thread hands them over, waited for by the caller's thread. */
    private static final class Arrivals<T extends Serializable>
            extends AbstractFunction2<Object, ShardOutcome<T>, BoxedUnit> {
        private final List<ShardOutcome<T>> arrived = new ArrayList<>();

        Arrivals(int shards) {
            for (int i = 0; i < shards; i++) {
                arrived.add(null);
            }
        }

        @Override
        public synchronized BoxedUnit apply(Object partition, ShardOutcome<T> outcome) {
            arrived.set((Integer) partition, outcome);
            notifyAll();
            return BoxedUnit.UNIT;
        }

        /** Shard {@code i}'s outcome once it arrived, or null if {@code job} ended without it. */
        synchronized ShardOutcome<T> await(int i, SimpleFutureAction<BoxedUnit> job) throws InterruptedException {
            while (arrived.get(i) == null && !job.isCompleted()) {
                wait(200); // a failed job does not call the handler: look at it now and then
            }
            return arrived.set(i, null);
        }
    }
}
