package io.mimo.flink;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * One Flink MiniCluster for a test class, reached as a cluster is: by configuration (target
 * {@code remote}, its REST address and port), which is what {@link FlinkRunner#run(SerializableSupplier,
 * Configuration)} takes. Its temporary files go to a folder of its own, deleted on close.
 */
final class TestCluster implements AutoCloseable {
    private final Path tmp;
    private final MiniCluster cluster;
    private final URI rest;

    TestCluster() throws Exception {
        tmp = Files.createTempDirectory("mimo-flink-test-");
        Configuration config = new Configuration();
        config.set(CoreOptions.TMP_DIRS, tmp.toString());
        cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(config)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(4)
                .withRandomPorts()
                .build());
        cluster.start();
        rest = cluster.getRestAddress().get();
    }

    /** A configuration that submits jobs to this cluster. */
    Configuration config() {
        Configuration config = new Configuration();
        config.set(DeploymentOptions.TARGET, "remote");
        config.set(RestOptions.ADDRESS, rest.getHost());
        config.set(RestOptions.PORT, rest.getPort());
        return config;
    }

    @Override
    public void close() throws Exception {
        cluster.closeAsync().get();
        try (Stream<Path> tree = Files.walk(tmp)) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
