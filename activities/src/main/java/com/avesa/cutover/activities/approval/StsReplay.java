package com.avesa.cutover.activities.approval;

import com.avesa.cutover.activities.aws.AwsCallException;
import com.avesa.cutover.workflows.approval.ApprovalProof;
import com.avesa.cutover.workflows.approval.CallerIdentity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a proof's signed GetCallerIdentity POST to an STS endpoint the caller chose and reads who
 * signed it. The proof's own headers and body go out unchanged (the HTTP client sets Host and
 * Content-Length from the URL and body, which must be what was signed); a proof signed for another
 * host is refused before anything is sent. Used by the worker's activity and by the CLI's check of
 * its own credentials.
 */
public final class StsReplay {
  private static final String OPERATION = "STS GetCallerIdentity";
  private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length", "connection", "expect", "upgrade");
  private static final Pattern ARN = Pattern.compile("<Arn>([^<]+)</Arn>");
  private static final Pattern ACCOUNT = Pattern.compile("<Account>([^<]+)</Account>");
  private static final Pattern CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");

  /** A 5xx or throttling answer: worth another try. */
  public static boolean transientError(AwsCallException e) {
    return e.status() >= 500 || "Throttling".equals(e.code());
  }

  private final HttpClient http;

  public StsReplay() {
    this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build());
  }

  StsReplay(HttpClient http) {
    this.http = http;
  }

  /**
   * Replays {@code proof} to {@code stsUrl}.
   *
   * @throws IllegalArgumentException when the proof was signed for another host (nothing is sent)
   * @throws AwsCallException when STS answers an error (its code only, never its message)
   * @throws IOException when STS cannot be reached
   */
  public CallerIdentity identify(String stsUrl, ApprovalProof proof) throws IOException, InterruptedException {
    URI uri = URI.create(stsUrl);
    String authority = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    String signedHost = proof.header("Host");
    if (signedHost == null || !signedHost.strip().equalsIgnoreCase(authority)) {
      throw new IllegalArgumentException("the proof was signed for host " + signedHost + ", but this run verifies "
          + "proofs at " + authority + " (the config's endpoint, else the regional STS endpoint)");
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.ofString(proof.body()));
    for (Map.Entry<String, String> header : proof.headers().entrySet()) {
      if (!SET_BY_CLIENT.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        request.header(header.getKey(), header.getValue());
      }
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    String body = response.body() == null ? "" : response.body();
    if (response.statusCode() != 200) {
      Matcher code = CODE.matcher(body);
      String errorCode = code.find() ? code.group(1) : "HTTP " + response.statusCode();
      throw new AwsCallException(OPERATION, response.statusCode(), errorCode, null);
    }
    Matcher arn = ARN.matcher(body);
    if (!arn.find()) {
      throw new AwsCallException(OPERATION, response.statusCode(), "NoArn", "not a GetCallerIdentity answer");
    }
    Matcher account = ACCOUNT.matcher(body);
    return new CallerIdentity(arn.group(1).strip(), account.find() ? account.group(1).strip() : null);
  }
}
