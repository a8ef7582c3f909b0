package com.avesa.cutover.workflows.validation;

import com.avesa.cutover.workflows.config.MigrationConfig;
import java.time.Instant;

/** @param since objects last modified at or after this count as new (the cutover's DNS switch, or {@code --since}) */
public record ValidationInput(MigrationConfig config, Instant since, String requestedBy) {}
