package com.avesa.cutover.workflows.account;

import com.avesa.cutover.workflows.estate.Estate;

/** Remove {@code resource} from the target of {@code admin} (see {@link BaselineRequest#admin()}). */
public record BaselineRemoval(Estate admin, CreatedResource resource) {}
