package io.mimo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a stream: a step of a mimo workflow with named inputs and outputs.
 *
 * <p>The mimo annotation processor checks the method against the contract below at compile time
 * and generates, for a class {@code p.Numbers}, a class {@code p.NumbersStreams} with one factory
 * and one typed step class per annotated method.
 *
 * <ul>
 *   <li>Every name in {@link #in()} and {@link #out()} is a Java identifier, unique across both,
 *       and names exactly one parameter, or, for one {@code out} name, the return value.
 *   <li>An input parameter of type {@code Input<T>} makes the method <em>process style</em>: it is
 *       called once and pulls items as it likes. An input parameter of any other type {@code T}
 *       makes it <em>element style</em>: it is called once per item (per aligned tuple when there
 *       are several inputs, which are zipped). A method may not mix the two.
 *   <li>A {@code ByteInput} or {@code ByteOutput} parameter is a byte port: it carries bytes as
 *       {@code ByteBuffer} views, without copying them, through a pipe bounded in bytes; the method
 *       is process style (it reads and writes the bytes as it likes).
 *   <li>An output parameter is an {@code Output<T>}. A non-void return value goes to the one
 *       {@code out} name that no parameter takes: per call in element style, once at the end in
 *       process style; an empty {@code Optional} pushes nothing.
 *   <li>Every other parameter is configuration, passed to the generated factory in order.
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Stream {
    /** {@return the names of the input ports, each naming a parameter: an {@code Input}, a {@code ByteInput}, or a plain value} */
    String[] in() default {};

    /** {@return the names of the output ports, each naming an {@code Output} or {@code ByteOutput} parameter, or the return value} */
    String[] out() default {};
}
