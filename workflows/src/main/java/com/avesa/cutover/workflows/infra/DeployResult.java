package com.avesa.cutover.workflows.infra;

/**
 * How a deploy command ended.
 *
 * @param outputTail the last lines of its merged stdout and stderr (at most 50 lines, 8 KiB)
 */
public record DeployResult(int exitCode, String outputTail) {}
