package dev.voiceagent.testsupport.twilio;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    /** Posts with the given signature (null for none): a forgery, for tests that it is refused. */
    public Future<Answer> post(String publicUrl, Map<String, String> params, String signature) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(route.apply(URI.create(publicUrl)).toString())
                .putHeader("Content-Type", "application/x-www-form-urlencoded");
        if (signature != null) {
            request.putHeader("X-Twilio-Signature", signature);
        }
        HttpClient client = vertx.createHttpClient();
        return client.request(request)
                .compose(req -> req.send(formEncode(params)))
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body.toString())))
                .onComplete(done -> client.close());
    }

    static String formEncode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
