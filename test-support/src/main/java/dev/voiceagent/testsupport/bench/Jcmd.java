package dev.voiceagent.testsupport.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Runs the JDK's {@code jcmd} (next to this JVM's {@code java}) against a service's JVM. */
final class Jcmd {

    private Jcmd() {
    }

    /** Fails when jcmd cannot run or answers with an error. */
    static void run(long pid, List<String> arguments) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java.endsWith("java") ? java.substring(0, java.length() - 4) + "jcmd" : "jcmd");
        command.add(Long.toString(pid));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
