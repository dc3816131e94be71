package dev.voiceagent.core.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How to reach the OpenAI Realtime API (or Azure OpenAI). How each session listens and speaks is per channel:
 * {@code dev.voiceagent.core.settings.SessionSettingsConfig}.
 */
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

    /** Time allowed to open the websocket and receive {@code session.created}. */
    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * Largest event accepted from the model, in bytes. A larger one (a runaway transcript) ends only its own
     * conversation, with a logged reason; the model's real events are a few kilobytes.
     */
    @WithDefault("1048576")
    int maxEventBytes();
}
