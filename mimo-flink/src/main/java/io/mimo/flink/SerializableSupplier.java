package io.mimo.flink;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * A {@link Supplier} that Flink can ship to its tasks: write it as a method reference to a static
 * wiring method ({@code MyJob::workflow}) or a lambda that captures nothing but serializable values.
 * Each task calls it to build the workflow afresh, so what it builds need not be serializable.
 *
 * @param <T> what it supplies
 */
@FunctionalInterface
public interface SerializableSupplier<T> extends Supplier<T>, Serializable {}
