/**
 * One stream for each form of the {@code @Stream} method contract, run end to end by this
 * package's tests: what the generated code does, checked by running it.
 */
package io.mimo.samples.contract;
