/**
 * What a {@code @Stream} declaration means: its ports, their item types, its style, its
 * configuration parameters and what happens to its return value. Built only from valid
 * declarations; the rules live in {@link io.mimo.processor.validation}.
 */
package io.mimo.processor.model;
