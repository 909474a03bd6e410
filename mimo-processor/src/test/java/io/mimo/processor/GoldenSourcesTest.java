package io.mimo.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.mimo.processor.Compilations.compile;
import static io.mimo.processor.Compilations.generated;
import static io.mimo.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * The generated source of representative declarations, compared with golden files line for
 * line; each compiles without a single warning under {@code -Xlint:all}.
 */
class GoldenSourcesTest {

    /** Process style with several outputs, zipped element style, and a generic step with configuration. */
    @Test
    void numbersGiveProcessStyleZippedElementStyleAndGenericSteps() {
        assertGenerated("p.Numbers", "p.NumbersStreams");
    }

    /** A return value pushed once at the end, an Optional maybe pushed, per-call returns beside Output parameters. */
    @Test
    void returnValuesGoToTheFreeOutName() {
        assertGenerated("p.Stats", "p.StatsStreams");
    }

    @Test
    void instanceMethodsTakeTheReceiverAndGenericClassesLendTheirTypeVariables() {
        assertGenerated("p.Counter", "p.CounterStreams", "p.Counter_FilterStreams");
    }

    @Test
    void bytePortsUseTheByteDeclarersAndCheckedExceptionsPropagate() {
        assertGenerated("p.Bytes", "p.BytesStreams");
    }

    @Test
    void nestedClassesAreNamedByTheirPathAndVarargsConfigurationStaysVarargs() {
        assertGenerated("p.Outer", "p.Outer_InnerStreams");
    }

    /**
     * Each port records its item type's erasure (a type variable's bound's, a primitive's box),
     * and nothing for a type variable that erases to {@code Object}.
     */
    @Test
    void portsRecordTheErasureOfTheirItemType() {
        assertGenerated("p.Items", "p.ItemsStreams");
    }

    @Test
    void differenceShowsTheFirstDifferingLineWithContext() {
        String difference = Golden.difference("a\nb\nc\n", "a\nB\nc\n");
        assertTrue(difference.startsWith("first difference at line 2\n"), difference);
        assertTrue(difference.contains(">    2 b\n") && difference.contains(">    2 B\n"), difference);
        assertEquals(
                "first difference at line 3",
                Golden.difference("a\nb", "a\nb\nc").lines().findFirst().orElseThrow());
    }

    private static void assertGenerated(String className, String... generatedClasses) {
        Compilation compilation = compile(source(className));
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(
                generatedClasses.length,
                compilation.generatedSourceFiles().size(),
                () -> "generated " + compilation.generatedSourceFiles());
        for (String generatedClass : generatedClasses) {
            Golden.assertMatches(generatedClass, generated(compilation, generatedClass));
        }
    }
}
