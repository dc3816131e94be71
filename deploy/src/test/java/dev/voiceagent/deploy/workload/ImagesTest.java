package dev.voiceagent.deploy.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.deploy.manifest.Bundle;
import dev.voiceagent.deploy.service.ServiceModule;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each service runs the image Jib builds from its module: voice-agent/&lt;module&gt;, under any registry. */
class ImagesTest {

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void everyServiceRunsItsModulesImage(Bundle bundle) {
        for (ServiceModule module : ServiceModule.all()) {
            String image = Pods.mainContainer(bundle.get(Deployment.class, module.name()).getSpec().getTemplate(),
                    module.name()).getImage();
            Pattern jibOutput = Pattern.compile("([a-z0-9.:-]+/)*voice-agent/" + Pattern.quote(module.name())
                    + ":[A-Za-z0-9_][A-Za-z0-9_.-]*");
            assertThat(image).as("%s image", module.name()).matches(jibOutput);
        }
    }
}
