module io.mimo.runtime {
    exports io.mimo.runtime;
    exports io.mimo.runtime.bytes;
}
