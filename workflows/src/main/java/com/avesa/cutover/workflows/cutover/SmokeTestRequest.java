package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;

/** Invoke {@code function} on one side with {@code payload} (JSON text). */
public record SmokeTestRequest(Estate estate, Side side, String function, String payload) {}
