package p;

import io.mimo.Stream;
import java.util.List;

/** A nested class gets a generated class named after its whole path. */
public class Outer {
    public static class Inner {
        @Stream(in = "word", out = "letters")
        public static int count(String word, String... ignored) {
            return word.length() - List.of(ignored).size();
        }

        @Stream(out = "constant")
        static String constant() {
            return "constant";
        }
    }
}
