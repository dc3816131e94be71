package dev.voiceagent.mcptools;

import io.quarkus.test.junit.QuarkusTest;

/** The tools on the zero-setup default: an embedded H2 file database. */
@QuarkusTest
class H2BookingToolsTest extends BookingToolsContract {
}
