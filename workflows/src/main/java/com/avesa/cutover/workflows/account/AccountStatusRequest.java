package com.avesa.cutover.workflows.account;

import com.avesa.cutover.workflows.estate.Estate;

/** One CreateAccount request to look up, with the management account's (SOURCE) credentials. */
public record AccountStatusRequest(Estate estate, String requestId) {}
