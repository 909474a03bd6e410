package p;

import io.mimo.Stream;
import io.mimo.runtime.ByteInput;
import io.mimo.runtime.ByteOutput;
import io.mimo.runtime.Input;
import io.mimo.runtime.Output;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Byte ports, and methods that throw checked exceptions. */
final class Bytes {
    private Bytes() {}

    @Stream(in = "raw", out = "lines")
    static void decode(ByteInput raw, Output<String> lines) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(raw.asInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) lines.push(line);
        }
    }

    @Stream(in = "lines", out = "raw")
    static void encode(Input<String> lines, ByteOutput raw) {
        for (String line : lines) raw.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    @Stream(in = "path", out = "raw")
    static void read(String path, ByteOutput raw) throws IOException {
        raw.write(ByteBuffer.wrap(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(path))));
    }
}
