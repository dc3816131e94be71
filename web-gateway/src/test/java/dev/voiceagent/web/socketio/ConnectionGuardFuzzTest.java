package dev.voiceagent.web.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.voiceagent.web.access.AccessPolicy;
import dev.voiceagent.web.access.MintedTokens;
import dev.voiceagent.web.config.TestLimits;
import dev.voiceagent.web.config.WebConfig;
import io.socket.engineio.server.parser.Packet;
import io.socket.engineio.server.parser.Parser;
import io.socket.socketio.server.parser.IOParser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jose4j.lang.JoseException;

/**
 * Any sequence of frames, on any clock, against the production admission rules (origins, required access tokens):
 * each frame gets a verdict, a close names a documented kind, and everything admitted goes on into the server
 * library's decoders (one Socket.IO decoder per connection, as the library keeps one) without failing them. A
 * connection counts as connected only after a CONNECT with the valid token from an allowed origin.
 */
class ConnectionGuardFuzzTest {

    private static final String SECRET = "a-shared-hs256-key-of-32-bytes-or-more";
    private static final String SITE = "https://shop.example.com";
    private static final Set<String> CLOSE_KINDS = Set.of("oversized", "attachment_expected", "too_many_attachments",
            "malformed", "unannounced_binary", "flood");
    private static final AccessPolicy ACCESS = new AccessPolicy(new ProductionLike());
    private static final String VALID_AUTH = "{\"token\":\"" + token() + "\"}";

    @FuzzTest(maxDuration = "10m")
    void anyFramesGetAVerdictAndWhatPassesTheLibraryDecodes(FuzzedDataProvider data) {
        boolean allowedOrigin = data.consumeBoolean();
        ConnectionGuard guard = new ConnectionGuard(TestLimits.defaults().withPackets(2048, 2, 20), ACCESS,
                Map.of("origin", List.of(allowedOrigin ? SITE : "https://evil.example"), "host",
                        List.of("voice.example.com")));
        IOParser.Decoder library = new IOParser.Decoder();
        library.onDecoded(packet -> {
        });
        long now = 0;
        boolean validConnectSent = false;
        while (data.remainingBytes() > 0) {
            String text = null;
            int binary = -1;
            switch (data.consumeInt(0, 8)) {
                case 0 -> text = data.consumeString(400);
                case 1 -> text = "4" + data.consumeString(400);
                case 2 -> text = "42" + data.consumeString(400);
                case 3 -> text = "451-" + data.consumeString(400);
                case 4 -> {
                    validConnectSent = true;
                    text = "40" + VALID_AUTH;
                }
                case 5 -> text = "40" + data.consumeString(400);
                case 6 -> binary = data.consumeInt(0, 4096);
                case 7 -> now += data.consumeLong(0, 3_000_000_000L);
                default -> guard.audioSampleRate(data.consumeInt());
            }
            if (text == null && binary < 0) {
                continue;
            }
            ConnectionGuard.Verdict verdict = text != null ? guard.text(text, now) : guard.binary(binary, now);
            switch (verdict) {
                case ConnectionGuard.Admit admit -> {
                    if (text != null) {
                        Packet<?> engine = Parser.PROTOCOL_V4.decodePacket(text);
                        assertThat(engine.type).isNotNull().isNotEqualTo(Packet.ERROR);
                        if (Packet.MESSAGE.equals(engine.type)) {
                            library.add((String) engine.data);
                        }
                    } else {
                        library.add(new byte[binary]);
                    }
                }
                case ConnectionGuard.Drop drop -> assertThat(drop.kind()).isEqualTo("flood");
                case ConnectionGuard.RefuseConnect refusal -> {
                    assertThat(refusal.kind()).isIn("origin", "auth");
                    assertThat(refusal.packet()).startsWith("44{");
                }
                case ConnectionGuard.Close close -> {
                    assertThat(CLOSE_KINDS).contains(close.kind());
                    return; // the transport closes the connection: nothing after it is read
                }
            }
        }
        if (guard.isConnected()) {
            assertThat(allowedOrigin && validConnectSent).as("connected only with the token from the site").isTrue();
        }
    }

    private static String token() {
        try {
            return MintedTokens.hs256(SECRET, "voice-web", 24 * 3600, null);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The production overlay's admission: the site's origin only, access tokens required (HS256). */
    private static final class ProductionLike implements WebConfig {
        @Override
        public Optional<List<String>> allowedOrigins() {
            return Optional.of(List.of(SITE));
        }

        @Override
        public boolean allowLocalOrigins() {
            return false;
        }

        @Override
        public boolean trustForwardedFor() {
            return true;
        }

        @Override
        public Duration pingInterval() {
            return Duration.ofSeconds(25);
        }

        @Override
        public Duration pingTimeout() {
            return Duration.ofSeconds(20);
        }

        @Override
        public Access access() {
            return new Access() {
                @Override
                public boolean required() {
                    return true;
                }

                @Override
                public Optional<String> secret() {
                    return Optional.of(SECRET);
                }

                @Override
                public Optional<String> publicKey() {
                    return Optional.empty();
                }

                @Override
                public String audience() {
                    return "voice-web";
                }

                @Override
                public Optional<String> issuer() {
                    return Optional.empty();
                }

                @Override
                public int clockSkewSeconds() {
                    return 30;
                }
            };
        }

        @Override
        public Limits limits() {
            return TestLimits.defaults();
        }

        @Override
        public Core core() {
            return new Core() {
                @Override
                public URI url() {
                    return URI.create("http://localhost:8081");
                }

                @Override
                public Duration startTimeout() {
                    return Duration.ofSeconds(15);
                }
            };
        }
    }
}
