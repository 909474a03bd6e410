/**
 * Every rule a {@code @Stream} declaration must follow. Each problem is one error, tagged
 * {@code [mimo/Tag]}, reported on the element and, where one is at fault, the annotation value.
 */
package io.mimo.processor.validation;
