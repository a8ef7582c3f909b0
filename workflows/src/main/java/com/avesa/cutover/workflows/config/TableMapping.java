package com.avesa.cutover.workflows.config;

/** A source DynamoDB table copied to a target table. */
public record TableMapping(String source, String target) {}
