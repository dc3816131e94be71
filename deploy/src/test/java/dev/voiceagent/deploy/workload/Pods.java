package dev.voiceagent.deploy.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reading pod templates: a workload's main container, its ports by name, its environment. */
public final class Pods {

    private Pods() {
    }

    /** The container named like its workload, as every workload here names it. */
    public static Container mainContainer(PodTemplateSpec template, String workload) {
        List<Container> containers = template.getSpec().getContainers().stream()
                .filter(container -> container.getName().equals(workload)).toList();
        assertThat(containers).as("container %s in %s", workload, workload).hasSize(1);
        return containers.get(0);
    }

    public static List<Container> allContainers(PodSpec spec) {
        return Stream.concat(spec.getContainers().stream(),
                Optional.ofNullable(spec.getInitContainers()).orElse(List.of()).stream()).toList();
    }

    /** A port given by number or by the name of one of the container's ports. */
    public static int resolve(IntOrString port, Container container) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port named " + port.getStrVal()));
    }

    public static Optional<EnvVar> env(Container container, String name) {
        return Optional.ofNullable(container.getEnv()).orElse(List.of()).stream()
                .filter(variable -> variable.getName().equals(name)).findFirst();
    }
}
