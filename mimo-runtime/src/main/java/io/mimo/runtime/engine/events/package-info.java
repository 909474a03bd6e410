/**
 * Internal: the JDK Flight Recorder events of the local runner, category {@code mimo}. Recorded
 * by any recording that enables them ({@code java -XX:StartFlightRecording ...}, JDK Mission
 * Control); {@code jfr print --events io.mimo.PipeWait rec.jfr} shows them. The module exports this
 * package to {@code jdk.jfr} alone, which reads the events; nothing here is API.
 */
package io.mimo.runtime.engine.events;
