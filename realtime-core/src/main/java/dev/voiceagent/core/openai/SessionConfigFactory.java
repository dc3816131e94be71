package dev.voiceagent.core.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voiceagent.agents.Speech;
import dev.voiceagent.core.settings.SessionSettings;
import dev.voiceagent.core.settings.SessionSettingsConfig.ChannelSettings;
import dev.voiceagent.core.settings.SessionSettingsConfig.TurnDetection;
import dev.voiceagent.core.settings.SessionSettingsConfig.Transcription;
import dev.voiceagent.session.AudioCodec;
import dev.voiceagent.session.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * Builds the {@code session} object of {@code session.update} (GA shape) from the channel's settings. Every update
 * carries the audio formats, turn detection and transcription again: other SDKs lost mu-law on hand-off and the
 * caller heard static.
 */
@ApplicationScoped
public class SessionConfigFactory {

    private final SessionSettings settings;

    public SessionConfigFactory(SessionSettings settings) {
        this.settings = settings;
    }

    /**
     * @param speech the voice and speed of the agent that started the conversation, for a session's first update;
     *        null for later updates, which carry neither: the API refuses to change the voice once audio has been
     *        produced, and changes the speed only between turns (a hand-off comes in the middle of one)
     */
    public ObjectNode session(Channel channel, AudioCodec codec, String instructions, Speech speech) {
        ChannelSettings config = settings.channel(channel);
        ObjectNode session = ClientEvents.newObject()
                .put("type", "realtime")
                .put("instructions", instructions);
        session.putArray("output_modalities").add("audio");
        ObjectNode audio = session.putObject("audio");
        ObjectNode input = audio.putObject("input");
        input.set("format", format(codec));
        config.noiseReduction().ifPresent(noise -> input.putObject("noise_reduction").put("type", apiName(noise)));
        transcription(config.transcription(), input);
        input.set("turn_detection", turnDetection(config.turnDetection()));
        ObjectNode output = audio.putObject("output");
        output.set("format", format(codec));
        if (speech != null) {
            output.put("voice", settings.voice(channel, speech)).put("speed", settings.speed(channel, speech));
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

    private static void transcription(Transcription config, ObjectNode input) {
        config.model().ifPresent(model -> {
            ObjectNode transcription = input.putObject("transcription").put("model", model);
            config.language().ifPresent(language -> transcription.put("language", language));
            config.prompt().ifPresent(prompt -> transcription.put("prompt", prompt));
        });
    }

    private static ObjectNode turnDetection(TurnDetection vad) {
        ObjectNode node = ClientEvents.newObject().put("type", apiName(vad.type()));
        if (vad.type() == TurnDetection.Type.SEMANTIC_VAD) {
            node.put("eagerness", apiName(vad.eagerness()));
        } else {
            node.put("threshold", vad.threshold())
                    .put("prefix_padding_ms", vad.prefixPaddingMs())
                    .put("silence_duration_ms", vad.silenceDurationMs());
            vad.idleTimeoutMs().ifPresent(idle -> node.put("idle_timeout_ms", idle));
        }
        return node.put("create_response", vad.createResponse()).put("interrupt_response", vad.interruptResponse());
    }

    /** The API's spelling of a configuration enum: {@code SEMANTIC_VAD} is {@code semantic_vad}. */
    private static String apiName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
