package com.avesa.cutover.workflows.account;

import com.avesa.cutover.workflows.config.SecurityConfig;
import com.avesa.cutover.workflows.estate.Estate;

/**
 * @param admin the estate whose TARGET side has admin credentials for the target account
 * @param accountId the target account
 * @param alertTopicArn the alert topic (for the billing alarm's action), null before it exists
 */
public record BaselineRequest(Estate admin, String accountId, SecurityConfig security, String alertTopicArn) {}
