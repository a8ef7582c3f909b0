package com.avesa.cutover.workflows.account;

import com.avesa.cutover.workflows.estate.Estate;

/** {@code account.create}: the account to find or create; the estate's SOURCE is the management account. */
public record NewAccountRequest(Estate estate, String email, String name) {}
