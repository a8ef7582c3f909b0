package com.avesa.cutover.activities.validation;

import com.avesa.cutover.workflows.validation.DataLakeSummary;

/**
 * The heartbeat of a data lake listing: where the next page starts and what the pages before it
 * added up to, so that a retry resumes without counting a key twice.
 */
record DataLakeScan(String continuationToken, DataLakeSummary soFar) {}
