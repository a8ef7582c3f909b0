package com.avesa.cutover.workflows.config;

/**
 * One function invoked in the target after the switch.
 *
 * @param payload the invocation payload as JSON text (the config's mapping, serialized)
 */
public record SmokeTest(String function, String payload) {}
