package io.mimo.samples.join;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * A CSV input: a file on disk (read by mapping it, without copying) or a resource shipped with the
 * samples (read in chunks). Serializable, so that a Flink job's wiring can carry it to its tasks.
 *
 * @param name how messages and the rejected file name it
 * @param path the file, or {@code null} for the resource {@code name} beside this class
 */
record CsvFile(String name, String path) implements Serializable {

    static CsvFile of(Path path) {
        return new CsvFile(path.toString(), path.toString());
    }

    static CsvFile embedded(String resource) {
        return new CsvFile(resource, null);
    }

    InputStream openResource() throws IOException {
        InputStream in = CsvFile.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("no resource '" + name + "' beside " + CsvFile.class.getName());
        }
        return in;
    }
}
