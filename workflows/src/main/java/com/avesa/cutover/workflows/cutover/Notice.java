package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.estate.Estate;

/** One SNS message: subject (at most 100 characters) and text. Never carries secret values. */
public record Notice(Estate estate, String topicArn, String subject, String message) {}
