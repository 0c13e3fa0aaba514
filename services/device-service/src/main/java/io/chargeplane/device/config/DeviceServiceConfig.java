package io.chargeplane.device.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the device service ({@code chargeplane.device.*}); Helm values map onto the same keys. */
@ConfigMapping(prefix = "chargeplane.device")
public interface DeviceServiceConfig {

    /** How lists are paged. */
    Paging paging();

    interface Paging {

        /** Page size when a request names none. */
        @WithDefault("20")
        int defaultSize();

        /** Largest page a request may ask for; larger sizes are refused with a problem naming {@code size}. */
        @WithDefault("100")
        int maxSize();
    }
}
