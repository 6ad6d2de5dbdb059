package dev.mantis.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mantis.sim.record.Collection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Collection on a real standalone Spark cluster: a master and a worker started on loopback as
 * their own JVMs (from the test classpath, which executors get as spark.executor.extraClassPath),
 * and an executor JVM that dies in the middle of a shard.
 */
class SparkStandaloneTest {

    private static final List<Process> PROCESSES = new ArrayList<>();
    private static JavaSparkContext sc;
    private static String clusterLogging;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startCluster() throws Exception {
        // the master and worker say at INFO when they are up
        Path logConfig = dir.resolve("log4j2-cluster.properties");
        Files.writeString(logConfig, "rootLogger.level = info\nrootLogger.appenderRef.out.ref = out\n"
                + "appender.out.type = Console\nappender.out.name = out\nappender.out.layout.type = PatternLayout\n"
                + "appender.out.layout.pattern = %d{HH:mm:ss.SSS} %p %c{1}: %m%n\n");
        clusterLogging = "-Dlog4j2.configurationFile=" + logConfig;
        int port = freePort();
        String master = "spark://127.0.0.1:" + port;
        CountDownLatch masterUp = new CountDownLatch(1);
        start("master", masterUp, "I have been elected leader", Map.of(), "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort()));
        await(masterUp, "the Spark master");
        // the worker builds executor command lines from SPARK_HOME/jars: an empty one, so that
        // executors run on spark.executor.extraClassPath (this test's classpath) alone
        Path home = Files.createDirectories(dir.resolve("spark-home/jars"));
        CountDownLatch workerUp = new CountDownLatch(1);
        start("worker", workerUp, "Successfully registered with master",
                Map.of("SPARK_HOME", home.getParent().toString(), "SPARK_SCALA_VERSION", "2.13"),
                "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port", "0", "--webui-port",
                Integer.toString(freePort()), "--cores", "2", "--memory", "2g", "--work-dir",
                dir.resolve("work").toString(), master);
        await(workerUp, "the Spark worker");
        sc = SparkJobs.start(master, "mantis-standalone-test", Map.of(
                "spark.driver.host", "127.0.0.1",
                "spark.executor.extraClassPath", System.getProperty("java.class.path"),
                "spark.executor.memory", "1g"));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (sc != null) {
            sc.stop();
        }
        for (Process p : PROCESSES) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : PROCESSES) {
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void anExecutorJvmKilledMidShardStillGivesTheSingleProcessDataset() throws Exception {
        Path expected = dir.resolve("single-process");
        Collection.Summary want = SparkFixtures.collectWithoutSpark(expected);
        Path out = dir.resolve("cluster");
        // the first attempt of shard 1 ends its executor's JVM after staging an episode
        ShardFault kill = (shard, attempt, done) -> {
            if (shard == 1 && attempt == 0 && done == 1) {
                Runtime.getRuntime().halt(137);
            }
        };
        Collection.Summary got = SparkFixtures.collectWithSpark(sc, out, 2, kill);
        SparkFixtures.assertSameFiles(expected, out);
        assertEquals(want.results(), got.results());
        assertFalse(sc.sc().isLocal(), "ran on the cluster");
    }

    private static void start(String name, CountDownLatch ready, String readyLine, Map<String, String> env,
            String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(System.getProperty("mantis.spark.opens", "").split(" ")));
        cmd.removeIf(String::isEmpty);
        cmd.addAll(List.of(clusterLogging, "-Xmx512m", "-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        PROCESSES.add(p);
        Path log = dir.resolve(name + ".log");
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8)); var logOut = Files.newBufferedWriter(log)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    logOut.write(line);
                    logOut.newLine();
                    logOut.flush();
                    if (line.contains(readyLine)) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "spark-" + name + "-log");
        reader.setDaemon(true);
        reader.start();
    }

    private static void await(CountDownLatch ready, String what) throws Exception {
        if (!ready.await(90, TimeUnit.SECONDS)) {
            throw new AssertionError(what + " did not come up in 90 s; its log is in " + dir);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
