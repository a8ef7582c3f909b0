package com.avesa.cutover.workflows.cutover;

/** An operator's request to roll a running cutover back: {@code {"operator":"bob","reason":"errors in canonical/"}}. */
public record RollbackRequest(String operator, String reason) {}
