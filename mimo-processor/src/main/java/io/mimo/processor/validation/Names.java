package io.mimo.processor.validation;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;

/** Rules and hints about the names users write. */
final class Names {
    /** The methods of {@code Object}, which a generated factory or accessor must not clash with. */
    static final Set<String> OBJECT_METHODS =
            Set.of("toString", "hashCode", "equals", "getClass", "notify", "notifyAll", "wait", "clone", "finalize");

    /**
     * Names a port cannot have because its accessor would clash with, or read as, a method every
     * step has: {@code Object}'s and {@code Step}'s, {@code onlyInput}/{@code onlyOutput} of
     * {@code OneInput}/{@code OneOutput}, and the wiring verbs {@code pipe} and {@code discard}.
     */
    static final Set<String> RESERVED = union(
            OBJECT_METHODS, Set.of("name", "inputs", "outputs", "run", "onlyInput", "onlyOutput", "pipe", "discard"));

    private Names() {}

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return Set.copyOf(union);
    }

    /** Whether {@code name} may name a Java variable or method: an identifier, not a keyword. */
    static boolean isIdentifier(String name) {
        return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name);
    }

    /** The candidate nearest to {@code name}, if one is near enough to be a likely typo. */
    static Optional<String> nearest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(name.toLowerCase(), candidate.toLowerCase());
            int shorter = Math.min(name.length(), candidate.length());
            int allowed = Math.max(1, Math.max(name.length(), candidate.length()) / 3);
            if (distance < bestDistance && distance <= allowed && distance < shorter) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Edit distance where swapping two neighbouring letters counts as one edit, like a typo. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int substitution = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + substitution);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
