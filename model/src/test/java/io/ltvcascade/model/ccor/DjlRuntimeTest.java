package io.ltvcascade.model.ccor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

class DjlRuntimeTest {

    @Test
    void shouldPickTheDeviceTheEngineHas() {
        DjlRuntime.configure();
        assertEquals(Device.cpu(), DjlRuntime.device("cpu"));
        if (Engine.getInstance().getGpuCount() == 0) {
            assertEquals(Device.cpu(), DjlRuntime.device("auto"));
            var e = assertThrows(IllegalStateException.class, () -> DjlRuntime.device("gpu"));
            assertTrue(e.getMessage().contains("-Pgpu"));
        } else {
            assertEquals(Device.gpu(), DjlRuntime.device("auto"));
            assertEquals(Device.gpu(), DjlRuntime.device("gpu"));
        }
        assertEquals("true", System.getProperty("ai.djl.offline"));
    }
}
