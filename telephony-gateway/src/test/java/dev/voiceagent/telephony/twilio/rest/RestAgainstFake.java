package dev.voiceagent.telephony.twilio.rest;

import dev.voiceagent.testsupport.twilio.FakeTwilioRest;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;

/** The gateway's REST client pointed at the fake, for the tests of its users in other packages. */
public final class RestAgainstFake {

    private RestAgainstFake() {
    }

    public static TwilioRest of(Vertx vertx, FakeTwilioRest twilio, String authToken) {
        return new TwilioRest(vertx, TwilioRest.client(Optional.of(twilio.accountSid()), Optional.of(authToken),
                twilio.baseUrl(), Duration.ofSeconds(5)));
    }

    /** A client without credentials: the REST API is off. */
    public static TwilioRest off(Vertx vertx) {
        return new TwilioRest(vertx, Optional.empty());
    }
}
