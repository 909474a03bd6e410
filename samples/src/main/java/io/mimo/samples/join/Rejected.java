package io.mimo.samples.join;

/** A record that could not be parsed: which file, the line it starts on, why, and its raw text. */
public record Rejected(String file, long line, String reason, String raw) {}
