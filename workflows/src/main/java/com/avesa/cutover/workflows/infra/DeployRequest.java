package com.avesa.cutover.workflows.infra;

import java.time.Duration;
import java.util.List;

/**
 * Run {@code command} (program and arguments, no shell) in {@code workdir}, relative to the
 * worker's working directory (null: there), and kill it after {@code timeout}.
 */
public record DeployRequest(List<String> command, String workdir, Duration timeout) {}
