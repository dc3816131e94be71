package dev.voiceagent.core.provider;

import dev.voiceagent.core.config.OpenAiConfig;
import dev.voiceagent.core.loopback.LoopbackConfig;
import dev.voiceagent.core.loopback.LoopbackModel;
import dev.voiceagent.core.model.RealtimeModel;
import dev.voiceagent.core.openai.OpenAiRealtimeModel;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;
import org.jboss.logging.Logger;

/** Chooses the realtime model by {@code openai.provider} and says at start-up which one answers callers. */
public class RealtimeModels {

    private static final Logger LOG = Logger.getLogger(RealtimeModels.class);

    @Produces
    @Singleton
    RealtimeModel model(OpenAiConfig openAi, LoopbackConfig loopback, Vertx vertx, Clock clock) {
        return openAi.provider() == OpenAiConfig.Provider.LOOPBACK
                ? new LoopbackModel(loopback, clock)
                : new OpenAiRealtimeModel(openAi, vertx);
    }

    void close(@Disposes RealtimeModel model) {
        if (model instanceof OpenAiRealtimeModel openAi) {
            openAi.close();
        }
    }

    void announce(@Observes StartupEvent started, OpenAiConfig openAi, RealtimeModel model) {
        switch (openAi.provider()) {
            case LOOPBACK -> LOG.infof("realtime model: %s - callers hear their own voice back; set OPENAI_API_KEY "
                    + "and OPENAI_PROVIDER=openai to talk to OpenAI", model.label());
            case OPENAI, AZURE -> {
                LOG.infof("realtime model: %s at %s (%s)", model.label(), openAi.realtimeUrl(),
                        openAi.provider().name().toLowerCase(Locale.ROOT));
                if (openAi.apiKey().isEmpty()) {
                    LOG.warn("OPENAI_API_KEY is not set: the provider will refuse sessions. "
                            + "Set it, or OPENAI_PROVIDER=loopback for the offline echo");
                }
            }
        }
    }
}
