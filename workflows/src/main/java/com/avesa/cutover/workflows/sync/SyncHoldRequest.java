package com.avesa.cutover.workflows.sync;

/**
 * @param scheduleId the Schedule id or cron workflow id ({@code avesa sync schedule --id}, default {@code {name}-final-sync})
 * @param note why it is held, shown on the paused Schedule (e.g. "cutover avesa-prod-cutover")
 */
public record SyncHoldRequest(String scheduleId, String note) {}
