package dev.voiceagent.core.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How to reach the OpenAI Realtime API (or Azure OpenAI) and how to configure each session. */
@ConfigMapping(prefix = "openai")
public interface OpenAiConfig {

    enum Provider {
        /** api.openai.com: {@code Authorization: Bearer}, {@code ?model=}. */
        OPENAI,
        /** Azure OpenAI GA: {@code api-key} header, {@code ?model=<deployment>}. */
        AZURE,
        /** No model at all: the built-in offline echo (see {@code LoopbackConfig}), for trying the system. */
        LOOPBACK
    }

    /** Who answers: OpenAI, Azure OpenAI at {@link #realtimeUrl()}, or the offline loopback. Env: OPENAI_PROVIDER. */
    @WithDefault("openai")
    Provider provider();

    /**
     * Websocket URL without the model parameter. Env: OPENAI_REALTIME_URL. For Azure:
     * {@code wss://<resource>.openai.azure.com/openai/v1/realtime}.
     */
    @WithDefault("wss://api.openai.com/v1/realtime")
    URI realtimeUrl();

    /** API key (OpenAI) or resource key (Azure). Env: OPENAI_API_KEY. Never logged. */
    Optional<String> apiKey();

    /** Model, or the deployment name on Azure. Env: OPENAI_MODEL. */
    @WithDefault("gpt-realtime")
    String model();

    /** Voice for the whole session; the API cannot change it after the first audio. Env: OPENAI_VOICE. */
    @WithDefault("marin")
    String voice();

    /** Model transcribing the caller's speech, for transcripts; empty turns transcription off. */
    @WithDefault("gpt-4o-mini-transcribe")
    Optional<String> transcriptionModel();

    /** Time allowed to open the websocket and receive {@code session.created}. */
    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * Largest event accepted from the model, in bytes. A larger one (a runaway transcript) ends only its own
     * conversation, with a logged reason; the model's real events are a few kilobytes.
     */
    @WithDefault("1048576")
    int maxEventBytes();

    TurnDetection turnDetection();

    interface TurnDetection {
        enum Type {
            SERVER_VAD, SEMANTIC_VAD
        }

        /** {@code server_vad} (energy based, tunable) or {@code semantic_vad} (model decides end of turn). */
        @WithDefault("server-vad")
        Type type();

        /** server_vad: activation threshold, 0 to 1; higher ignores more line noise. */
        @WithDefault("0.5")
        double threshold();

        /** server_vad: audio kept from before speech started. */
        @WithDefault("300")
        int prefixPaddingMs();

        /** server_vad: silence that ends a turn. Phone callers expect a snappy agent. */
        @WithDefault("500")
        int silenceDurationMs();

        /** semantic_vad: low, medium, high or auto. */
        @WithDefault("auto")
        String eagerness();

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
}
