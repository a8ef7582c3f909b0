package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.config.AlarmSelector;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;

/** The alarms of one side the selector picks. */
public record AlarmRequest(Estate estate, Side side, AlarmSelector alarms) {}
