package io.mimo.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mimo.flink.TestSteps.Collect;
import io.mimo.flink.TestSteps.Range;
import io.mimo.flink.TestSteps.Square;
import io.mimo.runtime.Workflow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions.CompressionCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The one-line form: a MiniCluster started for the job, stopped after it, and nothing left behind. */
@Timeout(60)
class LocalRunTest {

    static Workflow parallelSquares() {
        Workflow wf = new Workflow("parallel");
        Range range = wf.add(new Range("range", 0, 10_000));
        Square square = wf.parallel(wf.add(new Square()), 2);
        wf.pipe(range.out, square.onlyInput());
        wf.pipe(square.out, wf.add(new Collect("collect", "parallel")).onlyInput());
        return wf;
    }

    @Test
    void aParallelElementStepRunsAsItsCopiesAndTheRunLeavesNoTemporaryFiles() {
        Set<Path> before = FlinkRunner.flinkLeftovers();

        FlinkRunner.run(LocalRunTest::parallelSquares);

        List<Object> squares = new ArrayList<>(TestSteps.sink("parallel"));
        squares.sort(null); // two instances: in any order
        assertEquals(LongStream.range(0, 10_000).map(x -> x * x).boxed().toList(), squares);
        assertEquals(before, FlinkRunner.flinkLeftovers());
    }

    @Test
    void aLocalClustersExchangesAreUncompressedUnlessTheConfigurationNamesACodec() {
        Configuration plain = new Configuration();
        LocalCluster.uncompressedExchanges(plain);
        assertEquals(CompressionCodec.NONE, plain.get(NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC));

        Configuration zstd = new Configuration();
        zstd.set(NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC, CompressionCodec.ZSTD);
        LocalCluster.uncompressedExchanges(zstd);
        assertEquals(CompressionCodec.ZSTD, zstd.get(NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC));
    }
}
