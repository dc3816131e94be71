package dev.voiceagent.core.session;

import dev.voiceagent.testsupport.openai.FakeRealtimeServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the core at a fake OpenAI Realtime server for the duration of the tests. */
public class FakeOpenAiResource implements QuarkusTestResourceLifecycleManager {

    static final String SECRET = "test-session-ref-secret";
    static volatile FakeRealtimeServer fake;
    private boolean azure;

    @Override
    public void setContext(Context context) {
        azure = AzureProviderTest.Profile.class.getName().equals(context.testProfile());
    }

    @Override
    public Map<String, String> start() {
        fake = FakeRealtimeServer.start().expectApiKey("sk-test");
        return Map.of(
                "openai.realtime-url", (azure ? fake.azureUrl() : fake.openAiUrl()).toString(),
                "openai.api-key", "sk-test",
                "core.session-ref.secret", SECRET,
                "core.prewarm-timeout", "2s");
    }

    @Override
    public void stop() {
        fake.close();
    }
}
