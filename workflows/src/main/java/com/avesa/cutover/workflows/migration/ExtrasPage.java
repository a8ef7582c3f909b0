package com.avesa.cutover.workflows.migration;

/** One page of the written bucket: its extras; {@code nextToken} null when the listing is exhausted. */
public record ExtrasPage(String nextToken, long objects, Extras extras) {}
