package com.avesa.cutover.workflows.report;

import java.time.Instant;

/**
 * What Temporal knows of a run besides its report: its id, type, state and times. The reports
 * that carry no times of their own (a migration's, a cutover's) take them from here.
 *
 * @param status RUNNING, COMPLETED, FAILED, CANCELED, TERMINATED, TIMED_OUT, CONTINUED_AS_NEW
 * @param ended null while the run is open
 */
public record RunFacts(String workflowId, String workflowType, String status, Instant started, Instant ended) {}
