package dev.mantis.spark;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Starts the Spark context of a Mantis job from {@code --spark MASTER}: {@code local[K]} (an
 * embedded Spark with K executor threads), {@code spark://HOST:PORT} (a standalone cluster),
 * {@code yarn} or {@code k8s://URL}. Settings given as {@code -Dspark.*} system properties (or by
 * spark-submit) apply; the web UI is off unless asked for.
 */
public final class SparkJobs {

    /** Attempts per shard before the job fails (Spark's spark.task.maxFailures default). */
    public static final int ATTEMPTS = 4;
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\d+|\\*)(?:,(\\d+))?\\])?");

    private SparkJobs() {
    }

    /**
     * The Spark master URL for {@code value}; {@code local[K]} becomes {@code local[K,4]} so that a
     * failed shard is retried as it would be on a cluster.
     *
     * @throws IllegalArgumentException naming the accepted forms, for anything else
     */
    public static String master(String value) {
        Matcher m = LOCAL.matcher(value);
        if (m.matches()) {
            String threads = m.group(1) == null ? "1" : m.group(1);
            if (threads.equals("0")) {
                throw new IllegalArgumentException("--spark " + value + ": give local[K] with K >= 1, or local[*]");
            }
            return "local[" + threads + "," + (m.group(2) == null ? ATTEMPTS : m.group(2)) + "]";
        }
        if (value.matches("spark://[^/\\s]+:\\d+(,[^/\\s]+:\\d+)*") || value.equals("yarn")
                || value.matches("k8s://\\S+")) {
            return value;
        }
        throw new IllegalArgumentException("--spark " + value + ": unknown Spark master; give local[K], local[*], "
                + "spark://HOST:PORT, yarn or k8s://URL");
    }

    /**
     * A Spark context for {@code master} (see {@link #master}) named {@code app}, with
     * {@code settings} added to the {@code spark.*} system properties.
     */
    public static JavaSparkContext start(String master, String app, Map<String, String> settings) {
        SparkConf conf = new SparkConf().setMaster(master(master)).setAppName(app);
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.task.maxFailures", Integer.toString(ATTEMPTS));
        if (master.startsWith("local")) {
            // an embedded job talks only to itself: no dependence on the host name resolving
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        settings.forEach(conf::set);
        JavaSparkContext sc = new JavaSparkContext(conf);
        sc.setLogLevel("WARN");
        firstJob(sc);
        return sc;
    }

    /**
     * Runs an empty job, one task per executor core, as the last step of starting Spark. A
     * context loads and sets up its job machinery on its first job (scheduler, closure cleaner
     * and serializer, broadcast and block manager, the JSON of RDD operation scopes: about 1,600
     * classes; without this job the first shard of a collection started 0.5 s later on the 2-core
     * development machine), and on a cluster that job also waits for executors to register; so a
     * run's rate measures its own work.
     */
    private static void firstJob(JavaSparkContext sc) {
        int cores = sc.defaultParallelism();
        sc.setJobDescription("mantis: starting Spark");
        sc.parallelize(IntStream.range(0, cores).boxed().toList(), cores).count();
        sc.setJobDescription(null);
    }
}
