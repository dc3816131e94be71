package dev.voiceagent.testsupport.bench;

import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.json.JSONObject;

/**
 * The web half of the load: M browser widgets played by the Socket.IO organisation's Java client, each sending
 * 24 kHz PCM16 in 20 ms binary chunks in real time (50 packets a second, as the original widget sends them) and timing
 * the answers it receives. A chunk carries six tagged 160-byte frames, which the web gateway passes through unchanged at 24 kHz, so the same
 * ledgers as the phone calls check and time every frame end to end.
 */
final class WebSessions implements AutoCloseable {

    private static final int CHUNK_MS = 20;
    private static final int FRAMES_PER_CHUNK = 960 / 160;

    interface Taps {
        void sent(int session, int sequence, long nanos);

        void assistantAudio(byte[] audio, long nanos);

        void interrupted(int session, long nanos);
    }

    private final List<Socket> sockets = new ArrayList<>();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger running = new AtomicInteger();
    private final int firstIndex;

    /** @param firstIndex the ledger index of the first session (after the phone calls) */
    WebSessions(URI gateway, int count, int firstIndex, Taps taps) {
        this.firstIndex = firstIndex;
        java.util.concurrent.atomic.AtomicIntegerArray live = new java.util.concurrent.atomic.AtomicIntegerArray(count);
        for (int i = 0; i < count; i++) {
            int session = firstIndex + i;
            Socket socket = IO.socket(gateway, IO.Options.builder().setPath("/realtime-voice")
                    .setTransports(new String[] {"websocket"}).setReconnection(false).build());
            socket.on(Socket.EVENT_CONNECT, args -> socket.emit("message", new JSONObject()
                    .put("event", "SESSION_START").put("data", new JSONObject().put("sampleRate", 24000))));
            socket.on("message", args -> {
                JSONObject envelope = (JSONObject) args[0];
                switch (envelope.getString("event")) {
                    case "SESSION_START_SUCCESS" -> {
                        live.set(session - firstIndex, 1); // audio before this would be refused, not relayed
                        running.incrementAndGet();
                    }
                    case "ASSISTANT_AUDIO_CHUNK" -> taps.assistantAudio((byte[]) envelope.get("data"), System.nanoTime());
                    case "INTERRUPTED" -> taps.interrupted(session, System.nanoTime());
                    default -> {
                    }
                }
            });
            sockets.add(socket);
            socket.connect();
        }
        int[] sequence = new int[count];
        pacer.scheduleAtFixedRate(() -> {
            for (int i = 0; i < count; i++) {
                if (live.get(i) == 0) {
                    continue;
                }
                byte[] chunk = new byte[FRAMES_PER_CHUNK * 160];
                long now = System.nanoTime();
                for (int f = 0; f < FRAMES_PER_CHUNK; f++) {
                    taps.sent(firstIndex + i, sequence[i], now);
                    System.arraycopy(FrameLedger.frame(firstIndex + i, sequence[i]++), 0, chunk, f * 160, 160);
                }
                sockets.get(i).emit("message", new JSONObject().put("event", "USER_AUDIO_CHUNK").put("data", chunk));
            }
        }, CHUNK_MS, CHUNK_MS, TimeUnit.MILLISECONDS);
    }

    /** How many sessions the gateway has confirmed (SESSION_START_SUCCESS). */
    int running() {
        return running.get();
    }

    /** Stops sending audio; the sessions stay open. */
    void stopAudio() {
        pacer.shutdownNow();
    }

    @Override
    public void close() {
        pacer.shutdownNow();
        sockets.forEach(Socket::close);
    }
}
