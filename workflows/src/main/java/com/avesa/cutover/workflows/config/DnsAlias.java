package com.avesa.cutover.workflows.config;

/**
 * A Route53 alias target the cutover points the record at instead of a value: an API Gateway
 * custom domain, a load balancer, a CloudFront distribution (in the new account).
 *
 * @param hostedZoneId the alias target's own hosted zone (e.g. an ALB's canonical hosted zone id)
 * @param dnsName the alias target's DNS name
 * @param evaluateTargetHealth whether Route53 answers with the target only while it is healthy
 */
public record DnsAlias(String hostedZoneId, String dnsName, boolean evaluateTargetHealth) {}
