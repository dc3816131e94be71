package dev.voiceagent.deploy.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.deploy.manifest.Bundle;
import dev.voiceagent.deploy.manifest.Locations;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The services' heap share and collector are the same in the manifests, the images and run.sh, and the heap they give
 * leaves each container room for what the JVM holds beside it, so a loaded service is not killed for its memory. The
 * images and manifests also run the JIT compilers at the lowest priority (run.sh does not: on a developer's machine
 * the JVM would print a warning for it at every start, and nothing there is short of CPU).
 */
class JvmOptionsTest {

    /**
     * Room for what a service holds beside its heap (metaspace, code cache, thread stacks, Netty's direct buffers,
     * the collector's own structures): about 165 MiB in the 250-call benchmark (peak resident size less the committed
     * heap), with some margin.
     */
    private static final long BESIDE_HEAP = 192L * 1024 * 1024;

    private static final String RATIO = "JAVA_MAX_MEM_RATIO";
    private static final String GC = "GC_CONTAINER_OPTIONS";
    private static final String APPEND = "JAVA_OPTS_APPEND";

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void everyServiceSetsTheMeasuredHeapShareAndCollector(Bundle bundle) throws IOException {
        Map<String, String> images = imageEnvironment();
        services(bundle).forEach((workload, container) -> {
            assertThat(value(container, RATIO)).as("%s %s", workload, RATIO).isEqualTo(images.get(RATIO));
            assertThat(value(container, GC)).as("%s %s", workload, GC).isEqualTo(images.get(GC));
        });
    }

    /**
     * run-java.sh appends JAVA_OPTS_APPEND to the java command; the images set it from the pom's jib arguments, so a
     * Deployment that sets it must repeat them all, and the JIT compilers stay at the lowest priority.
     */
    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void everyServiceKeepsTheImagesArgumentsAndRunsTheJitCompilersLast(Bundle bundle) throws IOException {
        String images = imageJvmArguments();
        assertThat(images).contains("-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-XX:ThreadPriorityPolicy=1", "-XX:CompilerThreadPriority=19");
        services(bundle).forEach((workload, container) -> assertThat(value(container, APPEND))
                .as("%s %s", workload, APPEND).isEqualTo(images));
    }

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void theHeapLeavesRoomForWhatTheJvmHoldsBesideIt(Bundle bundle) {
        services(bundle).forEach((workload, container) -> {
            long limit = Quantity.getAmountInBytes(container.getResources().getLimits().get("memory")).longValue();
            long heap = limit * Long.parseLong(value(container, RATIO)) / 100;
            assertThat(heap + BESIDE_HEAP).as("%s: heap of %d MiB in a %d MiB limit", workload, heap >> 20,
                    limit >> 20).isLessThanOrEqualTo(limit);
        });
    }

    @Test
    void runShStartsTheServicesWithTheSameOptions() throws IOException {
        Map<String, String> images = imageEnvironment();
        Matcher options = Pattern.compile("jvm_options=\\(-XX:MaxRAMPercentage=(\\d+) ([^)]+)\\)")
                .matcher(Files.readString(Locations.PROJECT_ROOT.resolve("run.sh")));
        assertThat(options.find()).as("run.sh sets jvm_options").isTrue();
        assertThat(options.group(1)).isEqualTo(images.get(RATIO));
        assertThat(options.group(2)).isEqualTo(images.get(GC));
    }

    /** The environment the root pom's jib profile writes into every image. */
    private static Map<String, String> imageEnvironment() throws IOException {
        Matcher variables = Pattern.compile("<quarkus\\.jib\\.environment-variables\\.(\\w+)>([^<]*)<")
                .matcher(rootPom());
        Map<String, String> env = new HashMap<>();
        while (variables.find()) {
            env.put(variables.group(1), variables.group(2));
        }
        assertThat(env).as("the images' JVM settings").containsKeys(RATIO, GC);
        return env;
    }

    /** The java arguments the root pom's jib profile gives every image, as run-java.sh receives them. */
    private static String imageJvmArguments() throws IOException {
        Matcher arguments = Pattern.compile("<quarkus\\.jib\\.jvm-arguments>([^<]*)<").matcher(rootPom());
        assertThat(arguments.find()).as("the images' java arguments").isTrue();
        return String.join(" ", arguments.group(1).split(","));
    }

    private static String rootPom() throws IOException {
        return Files.readString(Locations.PROJECT_ROOT.resolve("pom.xml"));
    }

    /** The containers that run this project's images (the database runs its own). */
    private static Map<String, Container> services(Bundle bundle) {
        Map<String, Container> services = bundle.workloads().entrySet().stream()
                .filter(entry -> Pods.mainContainer(entry.getValue(), entry.getKey()).getImage()
                        .contains("voice-agent/"))
                .collect(Collectors.toMap(Map.Entry::getKey,
                        entry -> Pods.mainContainer(entry.getValue(), entry.getKey())));
        assertThat(services).as("services in %s", bundle).hasSize(4);
        return services;
    }

    private static String value(Container container, String name) {
        return Pods.env(container, name).map(EnvVar::getValue).orElse(null);
    }
}
