package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.migration.Estate;
import com.avesa.cutover.workflows.migration.Side;

/** Invoke {@code function} on one side with {@code payload} (JSON text). */
public record SmokeTestRequest(Estate estate, Side side, String function, String payload) {}
