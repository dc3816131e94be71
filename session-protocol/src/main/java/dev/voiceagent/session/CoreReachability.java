package dev.voiceagent.session;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Whether a gateway can reach a realtime-core at its configured URL (in Kubernetes the Service), so that its
 * readiness and its answer to a new call can follow. Fed by the outcome of every socket {@link CoreConnections}
 * opens there ({@link CoreConnections#reportTo}) and by a light periodic probe of the core's readiness
 * ({@code GET /q/health/ready}: a core that is full or draining takes no new call either). The latest answer
 * wins; nothing is known, so nothing is reachable, until the first one. Thread-safe.
 * <p>
 * Asks made while a probe is in flight share its answer: a slow core that lets a burst of pre-warms time out is asked
 * once, not once per call. (Asked once per call, the probes queued for the one connection to the core, timed out
 * waiting for it, and a core that was only slow was taken for gone: every new call got the apology.)
 */
public final class CoreReachability implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CoreReachability.class);

    private final URI coreBaseUrl;
    private final URI websocketUrl;
    private final Vertx vertx;
    private final HttpClient client;
    private final long probeTimeoutMillis;
    private final long timer;
    private volatile boolean reachable;
    private volatile String problem = "not probed yet";
    /** Guarded by this: a first answer is logged, then only changes. */
    private boolean known;
    /** Guarded by this: the probe whose answer is awaited, or null. */
    private Future<Boolean> inFlight;

    /** Probes at once, then every {@code probeInterval}. */
    public CoreReachability(Vertx vertx, URI coreBaseUrl, Duration probeInterval) {
        this.vertx = vertx;
        this.coreBaseUrl = coreBaseUrl;
        this.websocketUrl = CoreConversation.websocketUrl(coreBaseUrl);
        this.probeTimeoutMillis = Math.max(1, Math.min(probeInterval.toMillis(), 2_000));
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) probeTimeoutMillis)
                .setMaxPoolSize(1));
        probe();
        this.timer = vertx.setPeriodic(Math.max(1, probeInterval.toMillis()), t -> probe());
    }

    public boolean isReachable() {
        return reachable;
    }

    /** Why the core is not reachable, for health data and logs; null when it is. */
    public String problem() {
        return reachable ? null : problem;
    }

    /** Asks the core's readiness now, or joins the ask in flight; completes with the new state (never fails). */
    public synchronized Future<Boolean> probe() {
        if (inFlight != null) {
            return inFlight;
        }
        Future<Boolean> asked = askReadiness();
        inFlight = asked;
        asked.onComplete(done -> answered(asked));
        return asked;
    }

    private synchronized void answered(Future<Boolean> asked) {
        if (inFlight == asked) {
            inFlight = null;
        }
    }

    private Future<Boolean> askReadiness() {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(coreBaseUrl.resolve("/q/health/ready").toString())
                .setTimeout(probeTimeoutMillis);
        return client.request(request)
                .compose(req -> req.send())
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .map(status -> {
                    update(status == 200, "its readiness answered " + status);
                    return reachable;
                })
                .otherwise(failure -> {
                    update(false, String.valueOf(failure.getMessage()));
                    return false;
                });
    }

    /** A socket to {@code socketUrl} was opened, or could not be. */
    void observed(URI socketUrl, boolean opened) {
        if (websocketUrl.equals(socketUrl)) {
            update(opened, "its conversations socket could not be opened");
        }
    }

    private synchronized void update(boolean nowReachable, String why) {
        if (!known || nowReachable != reachable) {
            known = true;
            if (nowReachable) {
                LOG.infof("realtime-core at %s is reachable", coreBaseUrl);
            } else {
                LOG.warnf("no realtime-core reachable at %s: %s", coreBaseUrl, why);
            }
        }
        reachable = nowReachable;
        problem = why;
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
        client.close();
    }
}
