package com.avesa.cutover.workflows.infra;

import com.avesa.cutover.workflows.estate.Estate;
import java.util.List;

/** The stacks, functions and rules that must exist in the target. */
public record DeployedResourcesRequest(Estate estate, List<String> stacks, List<String> functions,
    List<String> rules) {}
