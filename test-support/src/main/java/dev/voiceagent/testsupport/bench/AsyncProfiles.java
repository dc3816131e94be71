package dev.voiceagent.testsupport.bench;

import com.sun.tools.attach.VirtualMachine;
import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * CPU profiles of the services over one measured run ({@code --profile DIR}), taken by async-profiler (the
 * {@code tools.profiler:async-profiler} package's native library, attached to each service): a sample every
 * millisecond of CPU time, Java, native and kernel frames alike. Written as {@code DIR/<service>-<run>.collapsed}
 * (one line per stack: frames joined by ';', then the sample count) and as a flame graph ({@code .html}).
 */
final class AsyncProfiles {

    private final Path dir;
    private final String run;
    private final String library;
    private final Map<String, QuarkusServiceProcess> services;

    private AsyncProfiles(Path dir, String run, String library, Map<String, QuarkusServiceProcess> services) {
        this.dir = dir;
        this.run = run;
        this.library = library;
        this.services = services;
    }

    static AsyncProfiles start(Path dir, String run, Map<String, QuarkusServiceProcess> services) throws Exception {
        Files.createDirectories(dir);
        AsyncProfiles profiles = new AsyncProfiles(dir.toAbsolutePath(), run, extractLibrary(dir), services);
        for (QuarkusServiceProcess service : services.values()) {
            profiles.command(service, "start,event=cpu,interval=1ms");
        }
        return profiles;
    }

    void stop() throws Exception {
        for (Map.Entry<String, QuarkusServiceProcess> service : services.entrySet()) {
            Path file = dir.resolve(service.getKey() + "-" + run);
            command(service.getValue(), "dump,collapsed,file=" + file + ".collapsed");
            command(service.getValue(), "stop,file=" + file + ".html");
        }
    }

    private void command(QuarkusServiceProcess service, String options) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(service.pid()));
        try {
            vm.loadAgentPath(library, options);
        } finally {
            vm.detach();
        }
    }

    private static String extractLibrary(Path dir) throws IOException {
        Path library = dir.resolve("libasyncProfiler.so").toAbsolutePath();
        try (InputStream in = one.profiler.AsyncProfiler.class.getResourceAsStream("/linux-x64/libasyncProfiler.so")) {
            if (in == null) {
                throw new IOException("async-profiler's linux-x64 library is not on the classpath");
            }
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
        }
        return library.toString();
    }
}
