package dev.voiceagent.core.session;

import dev.voiceagent.session.AudioCodec;
import dev.voiceagent.session.SessionMessage;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The apology a caller hears when no model can be reached any more: a short pre-rendered clip per codec
 * ({@code src/main/resources/apology/README.md} says how it was made), since no model is there to say it.
 */
final class Apology {

    static final String ITEM_ID = "core_apology";
    private static final int CHUNK_MS = 100;
    private static final Map<AudioCodec, List<Buffer>> CLIPS = new EnumMap<>(AudioCodec.class);

    private Apology() {
    }

    /**
     * Sends the clip to the gateway as one audio item.
     *
     * @return how long it plays, in milliseconds
     */
    static long play(GatewayLink gateway, AudioCodec codec) {
        List<Buffer> chunks = chunks(codec);
        gateway.send(new SessionMessage.AudioItem(ITEM_ID, null));
        chunks.forEach(gateway::sendAudio);
        gateway.send(new SessionMessage.AudioDone(ITEM_ID));
        return (long) chunks.size() * CHUNK_MS;
    }

    private static synchronized List<Buffer> chunks(AudioCodec codec) {
        return CLIPS.computeIfAbsent(codec, Apology::load);
    }

    private static List<Buffer> load(AudioCodec codec) {
        String name = "/apology/apology." + codec.name().toLowerCase(java.util.Locale.ROOT);
        byte[] audio;
        try (InputStream in = Apology.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            audio = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int chunkBytes = codec.sampleRate() * codec.bytesPerSample() * CHUNK_MS / 1000;
        List<Buffer> chunks = new ArrayList<>();
        for (int offset = 0; offset < audio.length; offset += chunkBytes) {
            int length = Math.min(chunkBytes, audio.length - offset);
            length -= length % codec.bytesPerSample();
            byte[] chunk = java.util.Arrays.copyOfRange(audio, offset, offset + length);
            chunks.add(Buffer.buffer(Base64.getEncoder().encodeToString(chunk)));
        }
        return List.copyOf(chunks);
    }
}
