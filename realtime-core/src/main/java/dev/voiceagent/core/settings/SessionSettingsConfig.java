package dev.voiceagent.core.settings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How each channel's Realtime sessions listen and speak: turn detection, transcription of the caller, voice and
 * speed. Precedence: an agent's own voice and speed ({@code dev.voiceagent.agents.Speech}), then these keys, then
 * their defaults below. The phone's defaults are the API's (with a faster transcription model); the web's differ
 * where the original design tuned its web channel: a patient turn end, a better transcription model told the
 * language and topic, and a brisker voice. Checked at start-up ({@link SessionSettings}).
 */
@ConfigMapping(prefix = "voice.session")
public interface SessionSettingsConfig {

    /** Phone calls: G.711 mu-law from Twilio; callers expect snappy turns. */
    ChannelSettings phone();

    /** Web conversations: a browser microphone, PCM 24 kHz; the original design's web tuning. */
    WebSettings web();

    interface ChannelSettings {

        /**
         * Voice of the whole conversation (the API cannot change it once audio has been produced): alloy, ash,
         * ballad, coral, echo, sage, shimmer, verse, marin or cedar.
         */
        @WithDefault("marin")
        String voice();

        /** Speaking speed, a multiple of the normal speed: 0.25 to 1.5. */
        @WithDefault("1.0")
        double speed();

        /** Filtering of the caller's audio before turn detection: near-field (headsets, phones) or far-field; none by default. */
        Optional<NoiseReduction> noiseReduction();

        TurnDetection turnDetection();

        Transcription transcription();
    }

    enum NoiseReduction {
        NEAR_FIELD, FAR_FIELD
    }

    interface TurnDetection {

        enum Type {
            /** Energy based, tuned by threshold, prefix padding and silence. */
            SERVER_VAD,
            /** A model judges whether the caller has finished; tuned by eagerness. */
            SEMANTIC_VAD
        }

        enum Eagerness {
            LOW, MEDIUM, HIGH, AUTO
        }

        @WithDefault("server-vad")
        Type type();

        /** server-vad: activation threshold, 0 to 1; higher ignores more line noise. */
        @WithDefault("0.5")
        double threshold();

        /** server-vad: audio kept from before speech started, in milliseconds. */
        @WithDefault("300")
        int prefixPaddingMs();

        /** server-vad: silence that ends a turn, in milliseconds. Phone callers expect a snappy agent. */
        @WithDefault("500")
        int silenceDurationMs();

        /** server-vad: after this much silence following the agent's answer, the model speaks again (prompts). */
        OptionalInt idleTimeoutMs();

        /** semantic-vad: how soon the model answers; low waits up to 8 s, medium (= auto) 4 s, high 2 s. */
        @WithDefault("auto")
        Eagerness eagerness();

        /** Whether the server answers each turn by itself. */
        @WithDefault("true")
        boolean createResponse();

        /**
         * Whether the server cancels its response when the caller speaks. When false, the core sends
         * {@code response.cancel} itself on barge-in.
         */
        @WithDefault("true")
        boolean interruptResponse();
    }

    interface Transcription {

        /** Model transcribing the caller's speech, for transcripts; empty turns transcription off. */
        @WithDefault("gpt-4o-mini-transcribe")
        Optional<String> model();

        /** The caller's language, ISO-639-1 (e.g. {@code en}); improves accuracy and latency. Detected if unset. */
        Optional<String> language();

        /** Guidance for the transcription model: the topic, expected words (a keyword list for whisper-1). */
        Optional<String> prompt();
    }

    /** The web channel: only its defaults differ. */
    interface WebSettings extends ChannelSettings {

        /** The original design's web speed. */
        @Override
        @WithDefault("1.2")
        double speed();

        @Override
        WebTurnDetection turnDetection();

        @Override
        WebTranscription transcription();
    }

    interface WebTurnDetection extends TurnDetection {

        /** Two seconds: the original design's web tuning lets visitors pause and think without being cut off. */
        @Override
        @WithDefault("2000")
        int silenceDurationMs();
    }

    interface WebTranscription extends Transcription {

        @Override
        @WithDefault("gpt-4o-transcribe")
        Optional<String> model();

        @Override
        @WithDefault("en")
        Optional<String> language();

        @Override
        @WithDefault("This is the conversation between a user and an AI trip booking assistant. "
                + "The language of the audio is English.")
        Optional<String> prompt();
    }
}
