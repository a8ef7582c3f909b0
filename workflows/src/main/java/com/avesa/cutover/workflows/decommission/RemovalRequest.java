package com.avesa.cutover.workflows.decommission;

import com.avesa.cutover.workflows.estate.Estate;

/** One source resource to remove: a rule, function, table or bucket (its objects), by name. */
public record RemovalRequest(Estate estate, String name) {}
