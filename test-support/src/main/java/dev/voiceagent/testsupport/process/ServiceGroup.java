package dev.voiceagent.testsupport.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Packaged services one test starts, all with the same internal credential (cores ask gateways for it, gateways sign
 * with it), closed together, the last started first.
 */
public final class ServiceGroup implements AutoCloseable {

    private final String internalSecret;
    private final List<QuarkusServiceProcess> services = new ArrayList<>();

    public ServiceGroup(String internalSecret) {
        this.internalSecret = internalSecret;
    }

    /** Starts a module's packaged jar with these properties and the group's credential. */
    public QuarkusServiceProcess start(String name, String module, Map<String, String> properties)
            throws IOException {
        Map<String, String> withCredential = new HashMap<>(properties);
        withCredential.put("internal-auth.secret", internalSecret);
        QuarkusServiceProcess process = QuarkusServiceProcess.start(name, QuarkusServiceProcess.runJarOf(module),
                withCredential, Map.of());
        services.add(process);
        return process;
    }

    @Override
    public void close() {
        services.reversed().forEach(QuarkusServiceProcess::close);
    }
}
