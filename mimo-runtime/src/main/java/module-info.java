/**
 * mimo's runtime: workflows of streams joined by bounded pipes ({@code io.mimo.runtime}), the byte
 * layer ({@code io.mimo.runtime.bytes}) and the read-only graph view for runners
 * ({@code io.mimo.runtime.graph}). The local runner's engine is internal and not exported.
 */
module io.mimo.runtime {
    requires jdk.jfr;

    exports io.mimo.runtime;
    exports io.mimo.runtime.bytes;
    exports io.mimo.runtime.graph;
    // JFR reads the engine's events; nobody else sees them.
    exports io.mimo.runtime.engine.events to
            jdk.jfr;
}
