/**
 * Writes the {@code <Class>Streams} source of a class's valid {@code @Stream} methods with
 * JavaPoet. Generated code uses only the runtime's public API.
 */
package io.mimo.processor.codegen;
