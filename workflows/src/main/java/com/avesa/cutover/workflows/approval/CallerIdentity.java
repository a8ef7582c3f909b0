package com.avesa.cutover.workflows.approval;

/**
 * Who signed a proof, as STS answered.
 *
 * @param arn e.g. {@code arn:aws:iam::111122223333:user/alice} or
 *     {@code arn:aws:sts::111122223333:assumed-role/CabApprover/alice}
 */
public record CallerIdentity(String arn, String account) {}
