package com.avesa.cutover.workflows.migration;

import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;

/**
 * Ensure table {@code to} exists on {@code toSide} with the key schema of table {@code from} on
 * the other side, PAY_PER_REQUEST, point-in-time recovery on.
 */
public record EnsureTableRequest(Estate estate, Side toSide, String from, String to) {}
