package dev.voiceagent.web.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The widget's state machine and microphone level (widget-state.js), tested in Node without a browser by
 * src/test/node/widget-state.test.mjs: scripted inputs and timer, the exact sequence of states shown.
 */
class WidgetStateTest {

    @Test
    void theWidgetsTransitionsPassInNode() throws Exception {
        Process node = new ProcessBuilder("node", "--test", "widget-state.test.mjs")
                .directory(Path.of("src/test/node").toFile()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(count("pass", output)).as(output).isPositive();
        assertThat(count("fail", output)).as(output).isZero();
    }

    /** The runner's summary line, e.g. "# pass 6". */
    private static int count(String what, String output) {
        Matcher line = Pattern.compile("(?m)^# " + what + " (\\d+)$").matcher(output);
        assertThat(line.find()).as("'# %s' in %s", what, output).isTrue();
        return Integer.parseInt(line.group(1));
    }
}
