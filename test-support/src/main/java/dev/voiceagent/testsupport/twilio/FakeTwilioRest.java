package dev.voiceagent.testsupport.twilio;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake of Twilio's REST API for calls (API 2010-04-01), strict like the real one: HTTP basic auth with the account
 * SID and auth token (else 401, code 20003), form-encoded bodies, the real paths ({@code /Calls.json} to create,
 * {@code /Calls/{Sid}.json} to update or fetch), the real parameter names and values ({@link CallParameters}; unknown
 * ones are refused, where Twilio would drop them silently), and Twilio-shaped JSON errors ({@link RestError}).
 * Answers with the Call resource's JSON. Records every request for assertions.
 *
 * <p>It also plays what Twilio does next: a live call whose instructions are replaced stops its media stream
 * ({@link #onRedirected}); {@link #whisper} fetches the TwiML a dialled person hears first, and {@link #dialEnded}
 * requests the Dial's action URL with its outcome, both signed with {@code X-Twilio-Signature} like Twilio.
 */
public final class FakeTwilioRest implements AutoCloseable {

    /** A request as the fake received it, and what it answered. */
    public record Request(String method, String path, Map<String, List<String>> params, int status, int errorCode) {

        public String param(String name) {
            return CallParameters.first(params, name);
        }
    }

    private static final Pattern CALLS = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Calls\\.json");
    private static final Pattern CALL = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Calls/([^/]+)\\.json");

    private final Vertx vertx;
    private final String accountSid;
    private final String authToken;
    private final HttpServer server;
    private final Map<String, FakeCall> calls = new ConcurrentHashMap<>();
    private final Map<String, Runnable> redirectListeners = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile TwilioCallbacks callbacks;

    private FakeTwilioRest(Vertx vertx, String accountSid, String authToken) {
        this.vertx = vertx;
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.server = vertx.createHttpServer().requestHandler(this::handle);
    }

    public static FakeTwilioRest start(Vertx vertx, String accountSid, String authToken) {
        FakeTwilioRest fake = new FakeTwilioRest(vertx, accountSid, authToken);
        fake.server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        return fake;
    }

    /** Where the API answers, in place of {@code https://api.twilio.com}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    public String accountSid() {
        return accountSid;
    }

    /** Twilio's callbacks reach the application here: {@code route} maps their public URLs to local addresses. */
    public FakeTwilioRest routeCallbacks(Function<URI, URI> route) {
        this.callbacks = new TwilioCallbacks(vertx, authToken, route);
        return this;
    }

    /** A call Twilio is connected to (say, one the call simulator placed), which the API may then update. */
    public FakeCall callInProgress(String callSid, String from, String to) {
        FakeCall call = new FakeCall(accountSid, callSid, from, to, "inbound", "in-progress");
        calls.put(callSid, call);
        return call;
    }

    /** Runs once the call's running TwiML is replaced or it is ended: Twilio stops its media stream then. */
    public void onRedirected(String callSid, Runnable streamStops) {
        redirectListeners.put(callSid, streamStops);
    }

    public Optional<FakeCall> call(String callSid) {
        return Optional.ofNullable(calls.get(callSid));
    }

    /** Twilio's side of a call the application placed: its status callbacks, its answer, the machine verdict. */
    public PlacedCall placed(String callSid) {
        return new PlacedCall(this, calls.get(callSid), callbacks);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests to the call's own resource ({@code /Calls/{Sid}.json}), in order. */
    public List<Request> requestsFor(String callSid) {
        return requests.stream().filter(r -> r.path().endsWith("/Calls/" + callSid + ".json")).toList();
    }

    /**
     * The person dialled for the call answers: Twilio fetches the TwiML of the dialled party's {@code url} (the
     * whisper), as a request about the new child call. Fails when the call's TwiML has no such URL.
     */
    public Future<TwilioCallbacks.Answer> whisper(String callSid) {
        FakeCall call = calls.get(callSid);
        DialTwiml dial = DialTwiml.parse(call.twiml());
        DialTwiml.Party party = dial.parties().stream().filter(p -> p.whisperUrl() != null).findFirst()
                .orElseThrow(() -> new IllegalStateException("no party of the dial has a whisper URL"));
        Map<String, String> params = standardParams(newSid("CA"), call.from(), party.address(), "in-progress",
                "outbound-dial");
        params.put("ParentCallSid", callSid);
        return callbacks.post(party.whisperUrl(), params);
    }

    /**
     * The dial of the call ended with {@code outcome}: {@code DialCallStatus} of a {@code <Dial>} ({@code completed},
     * {@code answered}, {@code busy}, {@code no-answer}, {@code failed}, {@code canceled}) or {@code QueueResult} of
     * an {@code <Enqueue>} ({@code bridged}, {@code queue-full}, {@code hangup}, {@code error}, ...). Twilio requests
     * the action URL; the call goes on with the TwiML it answers.
     */
    public Future<TwilioCallbacks.Answer> dialEnded(String callSid, String outcome) {
        FakeCall call = calls.get(callSid);
        DialTwiml dial = DialTwiml.parse(call.twiml());
        Map<String, String> params = standardParams(callSid, call.from(), call.to(), "in-progress", call.direction());
        if (dial.verb().equals("Enqueue")) {
            params.put("QueueResult", outcome);
            params.put("QueueSid", newSid("QU"));
            params.put("QueueTime", "0");
        } else {
            boolean bridged = outcome.equals("completed") || outcome.equals("answered");
            params.put("DialCallStatus", outcome);
            params.put("DialCallSid", newSid("CA"));
            params.put("DialCallDuration", bridged ? "42" : "0");
            params.put("DialBridged", Boolean.toString(bridged));
        }
        return callbacks.post(dial.action(), params).onSuccess(answer -> call.instructions(answer.body(), null));
    }

    /** The parameters Twilio sends with every request about a call. */
    public Map<String, String> standardParams(String callSid, String from, String to, String status, String direction) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", accountSid);
        params.put("ApiVersion", "2010-04-01");
        params.put("CallSid", callSid);
        params.put("CallStatus", status);
        params.put("Direction", direction);
        params.put("From", from);
        params.put("To", to);
        return params;
    }

    // ---- the API -------------------------------------------------------------------------------------------

    private void handle(HttpServerRequest request) {
        if (isForm(request)) {
            request.setExpectMultipart(true);
            request.end().onComplete(done -> answer(request, paramsOf(request.formAttributes())));
        } else {
            request.body().onComplete(done -> answer(request, Map.of()));
        }
    }

    private void answer(HttpServerRequest request, Map<String, List<String>> params) {
        Matcher one = CALL.matcher(request.path());
        Matcher all = CALLS.matcher(request.path());
        Response response;
        if (!authenticated(request)) {
            response = Response.error(RestError.authenticate());
        } else if (request.method() == HttpMethod.POST && !isForm(request)) {
            response = Response.error(RestError.invalidValue("Content-Type",
                    String.valueOf(request.getHeader("Content-Type")) + " (application/x-www-form-urlencoded)"));
        } else if (one.matches() && one.group(1).equals(accountSid)) {
            response = onCall(request.method(), request.path(), one.group(2), params);
        } else if (all.matches() && all.group(1).equals(accountSid)) {
            response = request.method() == HttpMethod.POST ? create(params)
                    : Response.error(RestError.methodNotAllowed(request.method().name()));
        } else {
            response = Response.error(RestError.notFound(request.path()));
        }
        requests.add(new Request(request.method().name(), request.path(), params, response.status(), response.code()));
        request.response().setStatusCode(response.status()).putHeader("Content-Type", "application/json; charset=utf-8");
        if (response.status() == 401) {
            request.response().putHeader("WWW-Authenticate", "Basic realm=\"Twilio API\"");
        }
        request.response().end(response.body());
    }

    private Response onCall(HttpMethod method, String path, String callSid, Map<String, List<String>> params) {
        FakeCall call = calls.get(callSid);
        if (call == null) {
            return Response.error(RestError.notFound(path));
        }
        if (method == HttpMethod.GET) {
            return new Response(200, 0, call.toJson());
        }
        if (method != HttpMethod.POST) {
            return Response.error(RestError.methodNotAllowed(method.name()));
        }
        Optional<RestError> refused = CallParameters.checkUpdate(params);
        if (refused.isPresent()) {
            return Response.error(refused.get());
        }
        if (!call.isLive()) {
            return Response.error(RestError.notInProgress());
        }
        String status = CallParameters.first(params, "Status");
        String twiml = CallParameters.first(params, "Twiml");
        String url = CallParameters.first(params, "Url");
        if (status != null) {
            call.status(status);
        } else if (twiml != null || url != null) {
            call.instructions(twiml, url);
        }
        if (status != null || twiml != null || url != null) {
            Runnable listener = redirectListeners.remove(callSid);
            if (listener != null) {
                vertx.runOnContext(v -> listener.run());
            }
        }
        return new Response(200, 0, call.toJson());
    }

    private Response create(Map<String, List<String>> params) {
        Optional<RestError> refused = CallParameters.checkCreate(params);
        if (refused.isPresent()) {
            return Response.error(refused.get());
        }
        FakeCall call = new FakeCall(accountSid, newSid("CA"), CallParameters.first(params, "From"),
                CallParameters.first(params, "To"), "outbound-api", "queued");
        call.instructions(CallParameters.first(params, "Twiml"), CallParameters.first(params, "Url"));
        call.placedWith(params);
        calls.put(call.sid(), call);
        return new Response(201, 0, call.toJson());
    }

    private boolean authenticated(HttpServerRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            return false;
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
            return credentials.equals(accountSid + ":" + authToken);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isForm(HttpServerRequest request) {
        String type = request.getHeader("Content-Type");
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static Map<String, List<String>> paramsOf(MultiMap form) {
        Map<String, List<String>> params = new HashMap<>();
        form.forEach(entry -> params.computeIfAbsent(entry.getKey(), name -> new ArrayList<>()).add(entry.getValue()));
        params.replaceAll((name, values) -> List.copyOf(values));
        return Map.copyOf(params);
    }

    private static String newSid(String prefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return prefix + String.format("%016x%016x", random.nextLong(), random.nextLong());
    }

    private record Response(int status, int code, String body) {
        static Response error(RestError error) {
            return new Response(error.status(), error.code(), error.toJson());
        }
    }

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().join();
    }
}
