package dev.voiceagent.telephony.twilio.rest;

import com.twilio.http.TwilioRestClient;
import dev.voiceagent.telephony.twilio.TwilioConfig;
import io.quarkus.runtime.Startup;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The gateway's client of Twilio's REST API, built from configuration: the account SID, the auth token (from the
 * environment; never logged) and the API base URL. The SDK blocks, so every request runs on a worker thread, never
 * on an event loop. Without an account SID and auth token it is off, and says so once at start-up.
 */
@ApplicationScoped
@Startup
public class TwilioRest {

    private static final Logger LOG = Logger.getLogger(TwilioRest.class);

    private final Vertx vertx;
    private final Optional<TwilioRestClient> client;

    @Inject
    public TwilioRest(Vertx vertx, TwilioConfig twilio, TwilioRestConfig config) {
        this(vertx, client(config.accountSid(), twilio.authToken(), config.apiBaseUrl(), config.timeout()));
        if (client.isPresent()) {
            LOG.infof("Twilio REST API at %s for account %s", config.apiBaseUrl(), client.get().getAccountSid());
        } else {
            LOG.info("Twilio REST API off: TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are not both set");
        }
    }

    /** A client made elsewhere ({@link #client}), e.g. a test's, pointed at a fake. */
    public TwilioRest(Vertx vertx, Optional<TwilioRestClient> client) {
        this.vertx = vertx;
        this.client = client;
    }

    /** The SDK's client on the given base URL; empty unless both credentials are given. */
    public static Optional<TwilioRestClient> client(Optional<String> accountSid, Optional<String> authToken, URI apiBaseUrl,
            Duration timeout) {
        Optional<String> token = authToken.filter(value -> !value.isBlank());
        Optional<String> account = accountSid.filter(value -> !value.isBlank());
        if (token.isEmpty() || account.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TwilioRestClient.Builder(account.get(), token.get())
                .httpClient(new ApiBaseHttpClient(apiBaseUrl, timeout)).build());
    }

    /** Whether requests can be made: an account SID and auth token are configured. */
    public boolean isConfigured() {
        return client.isPresent();
    }

    /**
     * Runs one request of the SDK ({@code Call.updater(sid)…update(client)}, {@code Call.creator(…).create(client)})
     * on a worker thread. Fails with the SDK's {@code ApiException} (Twilio's code and status) when Twilio refuses or
     * cannot be reached, and with {@link IllegalStateException} when the API is not configured.
     */
    public <T> Future<T> call(Function<TwilioRestClient, T> request) {
        if (client.isEmpty()) {
            return Future.failedFuture(new IllegalStateException("the Twilio REST API is not configured"));
        }
        return vertx.executeBlocking(() -> request.apply(client.get()), false);
    }
}
