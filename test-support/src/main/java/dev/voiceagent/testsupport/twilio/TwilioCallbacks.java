package dev.voiceagent.testsupport.twilio;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Requests Twilio makes of an application during a call (a Dial's action, a whisper, status callbacks): a form POST
 * to the public URL the application gave, signed with {@code X-Twilio-Signature} over that URL and the parameters,
 * delivered to wherever the test runs the application.
 */
public final class TwilioCallbacks {

    /** The application's answer: its HTTP status and body (TwiML, usually). */
    public record Answer(int status, String body) {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Vertx vertx;
    private final String authToken;
    private final Function<URI, URI> route;

    /** @param route maps the public URL Twilio would request to the local address of the application */
    public TwilioCallbacks(Vertx vertx, String authToken, Function<URI, URI> route) {
        this.vertx = vertx;
        this.authToken = authToken;
        this.route = route;
    }

    /** Posts as Twilio does, signed. */
    public Future<Answer> post(String publicUrl, Map<String, String> params) {
        return post(publicUrl, params, TwilioSignature.sign(authToken, publicUrl, params));
    }

    /**
     * Posts with the given signature (null for none): a forgery, for tests that it is refused. A blocking JDK client
     * on a worker thread: the answer's body is read whole, whichever thread the caller waits on.
     */
    public Future<Answer> post(String publicUrl, Map<String, String> params, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(route.apply(URI.create(publicUrl)))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(params)));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return vertx.executeBlocking(() -> {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        });
    }

    static String formEncode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
