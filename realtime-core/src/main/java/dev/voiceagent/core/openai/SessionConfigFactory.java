package dev.voiceagent.core.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voiceagent.core.config.OpenAiConfig;
import dev.voiceagent.session.AudioCodec;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Builds the {@code session} object of {@code session.update}. Every update carries the audio formats again:
 * other SDKs lost mu-law on hand-off and the caller heard static.
 */
@ApplicationScoped
public class SessionConfigFactory {

    private final OpenAiConfig config;

    public SessionConfigFactory(OpenAiConfig config) {
        this.config = config;
    }

    /**
     * @param voice the voice for a first update (the agent's, or null for the configured one); later updates never
     *        carry one, because the API refuses to change it once audio has been produced
     */
    public ObjectNode session(AudioCodec codec, String instructions, boolean firstUpdate, String voice) {
        ObjectNode session = ClientEvents.newObject()
                .put("type", "realtime")
                .put("instructions", instructions);
        session.putArray("output_modalities").add("audio");
        ObjectNode audio = session.putObject("audio");
        ObjectNode input = audio.putObject("input");
        input.set("format", format(codec));
        config.transcriptionModel().ifPresent(model -> input.putObject("transcription").put("model", model));
        input.set("turn_detection", turnDetection());
        ObjectNode output = audio.putObject("output");
        output.set("format", format(codec));
        if (firstUpdate) {
            output.put("voice", voice == null ? config.voice() : voice);
        }
        session.putArray("tools");
        session.put("tool_choice", "auto");
        return session;
    }

    private static ObjectNode format(AudioCodec codec) {
        return switch (codec) {
            case PCMU -> ClientEvents.newObject().put("type", "audio/pcmu");
            case PCM16 -> ClientEvents.newObject().put("type", "audio/pcm").put("rate", codec.sampleRate());
        };
    }

    private ObjectNode turnDetection() {
        OpenAiConfig.TurnDetection vad = config.turnDetection();
        ObjectNode node = ClientEvents.newObject();
        if (vad.type() == OpenAiConfig.TurnDetection.Type.SEMANTIC_VAD) {
            node.put("type", "semantic_vad").put("eagerness", vad.eagerness());
        } else {
            node.put("type", "server_vad")
                    .put("threshold", vad.threshold())
                    .put("prefix_padding_ms", vad.prefixPaddingMs())
                    .put("silence_duration_ms", vad.silenceDurationMs());
        }
        return node.put("create_response", vad.createResponse()).put("interrupt_response", vad.interruptResponse());
    }
}
