package dev.voiceagent.deploy.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.deploy.manifest.Bundle;
import dev.voiceagent.deploy.service.ServiceModule;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each service listens where its application.properties says, and is probed and exposed there. */
class ProbesAndPortsTest {

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void containerPortIsTheQuarkusHttpPort(Bundle bundle) {
        for (ServiceModule module : ServiceModule.all()) {
            Container container = container(bundle, module);
            assertThat(Pods.resolve(new IntOrString("http"), container))
                    .as("%s port http", module.name()).isEqualTo(module.httpPort());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void probesUseTheQuarkusHealthEndpointsOnTheHttpPort(Bundle bundle) {
        for (ServiceModule module : ServiceModule.all()) {
            Container container = container(bundle, module);
            assertHealthCheck(container.getStartupProbe(), "/q/health/started", container, module);
            assertHealthCheck(container.getLivenessProbe(), "/q/health/live", container, module);
            assertHealthCheck(container.getReadinessProbe(), "/q/health/ready", container, module);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void serviceForwardsItsPortToTheHttpPort(Bundle bundle) {
        for (ServiceModule module : ServiceModule.all()) {
            Service service = bundle.get(Service.class, module.name());
            ServicePort port = service.getSpec().getPorts().stream().filter(p -> "http".equals(p.getName()))
                    .findFirst().orElseThrow(() -> new AssertionError(module.name() + " Service has no port http"));
            assertThat(port.getPort()).as("%s Service port", module.name()).isEqualTo(module.httpPort());
            assertThat(Pods.resolve(port.getTargetPort(), container(bundle, module)))
                    .as("%s Service targetPort", module.name()).isEqualTo(module.httpPort());
        }
    }

    private static void assertHealthCheck(Probe probe, String path, Container container, ServiceModule module) {
        assertThat(probe).as("%s probe on %s", module.name(), path).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as("%s probe on %s is an HTTP GET", module.name(), path).isNotNull();
        assertThat(get.getPath()).as("%s probe path", module.name()).isEqualTo(path);
        assertThat(Pods.resolve(get.getPort(), container)).as("%s probe port on %s", module.name(), path)
                .isEqualTo(module.httpPort());
    }

    private static Container container(Bundle bundle, ServiceModule module) {
        Deployment deployment = bundle.get(Deployment.class, module.name());
        return Pods.mainContainer(deployment.getSpec().getTemplate(), module.name());
    }
}
