package io.mimo.flink;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * A Flink MiniCluster in this JVM that several jobs share, for tests and demos: starting one costs
 * seconds, a job on a warm one about one. Jobs reach it as they reach a real cluster, by
 * {@link #configuration()} ({@code execution.target} {@code remote}, its REST address and port),
 * so {@code FlinkRunner.run(workflow, cluster.configuration())} takes the same path as on a
 * cluster; the job's classes are this JVM's. Closing it stops it and deletes the temporary files
 * it made.
 */
public final class LocalCluster implements AutoCloseable {
    private final Set<Path> before = FlinkRunner.flinkLeftovers();
    private final Path tmp;
    private final MiniCluster cluster;
    private final URI rest;

    /**
     * Starts a cluster of one task manager with {@code slots} slots: a job needs one per stream of
     * its widest parallel step, and one at least.
     *
     * @throws Exception whatever Flink throws when the cluster cannot start
     */
    public LocalCluster(int slots) throws Exception {
        tmp = Files.createTempDirectory("mimo-flink-");
        Configuration config = new Configuration();
        config.set(CoreOptions.TMP_DIRS, tmp.toString());
        uncompressedExchanges(config);
        cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(config)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .withRandomPorts()
                .build());
        cluster.start();
        rest = cluster.getRestAddress().get();
    }

    /**
     * Turns off the compression of the data exchanged between tasks, unless {@code config} sets a
     * codec: within one JVM the exchanges never leave memory, so compressing them (Flink compresses
     * BATCH mode's blocking exchanges with LZ4 by default) costs CPU and saves nothing.
     */
    static void uncompressedExchanges(Configuration config) {
        if (!config.contains(NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC)) {
            config.set(
                    NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC,
                    NettyShuffleEnvironmentOptions.CompressionCodec.NONE);
        }
    }

    /** A new configuration that submits jobs to this cluster; add to it as for any cluster. */
    public Configuration configuration() {
        Configuration config = new Configuration();
        config.set(DeploymentOptions.TARGET, "remote");
        config.set(RestOptions.ADDRESS, rest.getHost());
        config.set(RestOptions.PORT, rest.getPort());
        return config;
    }

    /**
     * Stops the cluster and deletes its temporary files.
     *
     * @throws ExecutionException if the cluster failed while stopping
     */
    @Override
    public void close() throws ExecutionException {
        try {
            cluster.closeAsync().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stop waiting: the cluster goes on stopping by itself
        } finally {
            FlinkRunner.deleteNewLeftovers(before);
            FlinkRunner.delete(tmp);
        }
    }
}
