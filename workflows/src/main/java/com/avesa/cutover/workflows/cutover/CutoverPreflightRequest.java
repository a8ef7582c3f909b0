package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.estate.Estate;

/** What the cutover preflight checks: the estate's accounts and everything the cutover section names. */
public record CutoverPreflightRequest(Estate estate, CutoverConfig cutover) {}
