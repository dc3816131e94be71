package dev.voiceagent.telephony.twilio.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.Twiml;
import dev.voiceagent.testsupport.twilio.FakeTwilioRest;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway's REST client, built from configuration, against the fake of Twilio's API through the SDK's hook. */
class TwilioRestTest {

    private static final String ACCOUNT = "AC" + "1".repeat(32);
    private static final String TOKEN = "rest-client-test-token";
    private static final String DIAL = "<Response><Dial>+15005550006</Dial></Response>";

    private final Vertx vertx = Vertx.vertx();
    private final FakeTwilioRest twilio = FakeTwilioRest.start(vertx, ACCOUNT, TOKEN);

    @AfterEach
    void stop() {
        twilio.close();
        vertx.close();
    }

    private TwilioRest rest(String token) {
        return new TwilioRest(vertx, TwilioRest.client(Optional.of(ACCOUNT), Optional.of(token), twilio.baseUrl(),
                Duration.ofSeconds(5)));
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aLiveCallIsMovedWithTheSdksUpdaterOnAWorkerThread() throws Exception {
        twilio.callInProgress("CA100", "+14155550100", "+18005550199");
        AtomicBoolean onEventLoop = new AtomicBoolean(true);

        Call call = await(rest(TOKEN).call(client -> {
            onEventLoop.set(Context.isOnEventLoopThread());
            return Call.updater("CA100").setTwiml(new Twiml(DIAL)).update(client);
        }));

        assertThat(onEventLoop).isFalse();
        assertThat(call.getSid()).isEqualTo("CA100");
        assertThat(call.getStatus()).isEqualTo(Call.Status.IN_PROGRESS);
        assertThat(call.getAccountSid()).isEqualTo(ACCOUNT);
        assertThat(twilio.requestsFor("CA100")).singleElement().satisfies(request -> {
            assertThat(request.status()).isEqualTo(200);
            assertThat(request.params()).containsOnlyKeys("Twiml");
            assertThat(request.param("Twiml")).isEqualTo(DIAL);
        });
    }

    @Test
    void twiliosRefusalsReachTheCallerAsApiExceptionsWithTheirCodes() {
        twilio.callInProgress("CA101", "+14155550100", "+18005550199");

        assertThatThrownBy(() -> await(rest("not-the-token").call(client -> Call.updater("CA101")
                .setTwiml(new Twiml(DIAL)).update(client))))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).getCode()).isEqualTo(20003));
        assertThatThrownBy(() -> await(rest(TOKEN).call(client -> Call.updater("CA999")
                .setTwiml(new Twiml(DIAL)).update(client))))
                .cause().isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).getStatusCode()).isEqualTo(404));
        assertThat(twilio.call("CA101").orElseThrow().twiml()).isNull();
    }

    @Test
    void withoutCredentialsNothingIsSent() {
        TwilioRest off = new TwilioRest(vertx, TwilioRest.client(Optional.empty(), Optional.of(TOKEN),
                twilio.baseUrl(), Duration.ofSeconds(5)));

        assertThat(off.isConfigured()).isFalse();
        assertThatThrownBy(() -> await(off.call(client -> Call.updater("CA1").update(client))))
                .cause().isInstanceOf(IllegalStateException.class);
        assertThat(twilio.requests()).isEmpty();
    }
}
