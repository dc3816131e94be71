package dev.voiceagent.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.testsupport.twilio.AudioSource;
import dev.voiceagent.testsupport.twilio.TwilioCallSimulator;
import io.vertx.core.Vertx;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, as a newcomer uses it, with no OpenAI key: all four services come up on their fixed
 * ports with the loopback provider and H2, a simulated phone call hears its own turn back, talking over the echo
 * clears playback, keypad 0 asks for a person (the gateway logs the transfer it would ask Twilio for, the agent
 * hears it failed), keypad keys hand off and search hotels through the real mcp-tools, a Socket.IO session hears its
 * own turn back byte for byte, and Ctrl-C stops everything.
 */
class RunCommandIT {

    private static final String TOKEN = "run-command-test-token";

    private final HttpClient http = HttpClient.newHttpClient();

    private double coreMetric(String name, String labels) throws Exception {
        String text = http.send(HttpRequest.newBuilder(URI.create("http://localhost:8081/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher sample = Pattern.compile("(?m)^" + name + "\\{([^}]*)} ([0-9.Ee+-]+)$").matcher(text);
        double sum = 0;
        while (sample.find()) {
            if (sample.group(1).contains(labels)) {
                sum += Double.parseDouble(sample.group(2));
            }
        }
        return sum;
    }

    /** One second of silence, one second of a loud tone (the turn), then silence; the turn again at 6 s. */
    private static AudioSource caller() {
        byte[] silence = new byte[AudioSource.FRAME_BYTES];
        Arrays.fill(silence, (byte) 0xFF);
        byte[] tone = AudioSource.toneFrame();
        return sequence -> (sequence >= 50 && sequence < 100) || (sequence >= 300 && sequence < 330)
                ? tone.clone() : silence.clone();
    }

    /** 24 kHz PCM16 in 40 ms chunks, as the widget sends it: a tone of {@code ms}, or silence. */
    private static byte[] pcm(int ms, boolean loud) {
        byte[] audio = new byte[ms * 48];
        for (int i = 0; loud && i < audio.length / 2; i++) {
            short sample = (short) (8000 * Math.sin(2 * Math.PI * 300 * i / 24000.0));
            audio[2 * i] = (byte) sample;
            audio[2 * i + 1] = (byte) (sample >> 8);
        }
        return audio;
    }

    private static void send(WidgetClient widget, byte[] audio) {
        for (int offset = 0; offset < audio.length; offset += 1920) {
            widget.send("USER_AUDIO_CHUNK", Arrays.copyOfRange(audio, offset, Math.min(audio.length, offset + 1920)));
        }
    }

    private static void webSessionHearsItsOwnTurnBack() {
        try (WidgetClient widget = WidgetClient.connect(URI.create("http://localhost:8082"), "websocket")) {
            widget.send("SESSION_START", new JSONObject().put("sampleRate", 24000));
            assertThat(((JSONObject) widget.await("SESSION_START_SUCCESS").data()).getString("model"))
                    .isEqualTo("loopback (no AI)");
            await().until(() -> widget.received("ASSISTANT_AUDIO_TRANSCRIPT").size() == 1); // the greeting
            byte[] turn = pcm(600, true);
            send(widget, pcm(400, false));
            send(widget, turn);
            send(widget, pcm(2200, false)); // the web channel's turn ends after 2 s of silence
            await().atMost(Duration.ofSeconds(15)).until(() -> widget.received("ASSISTANT_AUDIO_ITEM").size() == 2);
            String echoItem = ((JSONObject) widget.received("ASSISTANT_AUDIO_ITEM").get(1).data())
                    .getString("itemId");
            await().until(() -> widget.received("ASSISTANT_AUDIO_TRANSCRIPT").size() == 2);
            byte[] echo = await().until(() -> widget.audioOf(echoItem), audio -> audio.length >= turn.length);
            assertThat(Arrays.copyOfRange(echo, echo.length - turn.length, echo.length))
                    .as("the turn comes back byte for byte at the end of the echo").isEqualTo(turn);
        }
    }

    @Test
    void theRunCommandStartsTheWholeSystemOfflineAndStopsItOnCtrlC() throws Exception {
        for (int port : RunScript.PORTS) {
            assertThat(RunScript.status("http://localhost:" + port + "/q/health")).as("port %d must be free", port).isEqualTo(-1);
        }
        Path log = Files.createDirectories(Path.of("target", "service-logs")).resolve("run-command.log");
        ProcessBuilder builder = new ProcessBuilder("bash", "run.sh").directory(RunScript.projectRoot().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("OPENAI_API_KEY");
        builder.environment().remove("OPENAI_PROVIDER");
        builder.environment().put("RUN_SKIP_BUILD", "1");
        builder.environment().put("TWILIO_AUTH_TOKEN", TOKEN);
        builder.environment().put("TWILIO_WEBHOOK_URL", "wss://voice.example.com/media-stream");
        builder.environment().put("JAVA_HOME", new File(ProcessHandle.current().info().command().orElseThrow())
                .getParentFile().getParent());
        Process run = builder.start();
        Vertx vertx = Vertx.vertx();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> RunScript.PORTS.stream()
                    .allMatch(port -> RunScript.status("http://localhost:" + port + "/q/health/ready") == 200));
            await().until(() -> Files.readString(log).contains("Ctrl-C stops all four services"));
            await().atMost(Duration.ofSeconds(20)).until(() -> http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:8081/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString())
                    .body().matches("(?s).*\"booking\"\\s*:\\s*\"reachable\".*")); // the core found mcp-tools' tools
            assertThat(Files.readString(log)).contains("OPENAI_API_KEY is not set: using the offline loopback provider",
                    "http://localhost:8082/", "https://voice.example.com/incoming-call");

            TwilioCallSimulator call = new TwilioCallSimulator(vertx, new TwilioCallSimulator.Call(
                    URI.create("http://localhost:8080/incoming-call"), "https://voice.example.com/incoming-call", TOKEN,
                    "+14155550777", "CA" + Long.toHexString(System.nanoTime()),
                    publicUrl -> URI.create("ws://localhost:8080/media-stream"), caller()));
            call.placeCall().toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(20)).until(() -> call.playedMs() >= 1000); // greeting tone + the echo
            await().atMost(Duration.ofSeconds(20)).until(() -> !call.clears().isEmpty()); // spoke over the echo
            call.sendDtmf("0"); // a person: with no Twilio REST credentials the gateway logs what it would ask
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(log)
                    .matches("(?s).*the transfer to number \\+1500\\*+06 would have updated the call with .*<Dial .*"));
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    coreMetric("voice_core_human_handoffs_total", "outcome=\"failed\"") >= 1); // and the agent hears it
            assertThat(Files.readString(log)).contains("Transfers to a person: logged only");
            call.sendDtmf("1");
            await().atMost(Duration.ofSeconds(10)).until(() -> coreMetric("voice_core_handoffs_total", "hotel_booking") >= 1);
            call.sendDtmf("2");
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    coreMetric("voice_core_tool_calls_total", "outcome=\"ok\",tool=\"search-hotel\"") >= 1);
            assertThat(call.violations()).isEmpty();
            call.hangUp();

            webSessionHearsItsOwnTurnBack();
        } finally {
            vertx.close();
            run.destroy(); // SIGTERM, as Ctrl-C's trap does
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("run.sh stops").isTrue();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> RunScript.PORTS.stream()
                .allMatch(port -> RunScript.status("http://localhost:" + port + "/q/health") == -1));
    }
}
