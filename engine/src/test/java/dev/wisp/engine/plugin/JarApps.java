package dev.wisp.engine.plugin;

import dev.wisp.spi.App;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AppSpec;
import dev.wisp.spi.AssetConfig;
import java.util.List;

/** Apps that tests package into plugin jars. */
public final class JarApps {
    private JarApps() {
    }

    /** An app with the id "dup". */
    public static final class First implements App {
        @Override
        public AppSpec spec() {
            return new AppSpec("dup", "1", null, null, List.of(), List.of());
        }

        @Override
        public AppConnection connect(AssetConfig asset) {
            throw new UnsupportedOperationException("not used");
        }
    }

    /** Another app with the id "dup". */
    public static final class Second implements App {
        @Override
        public AppSpec spec() {
            return new AppSpec("dup", "2", null, null, List.of(), List.of());
        }

        @Override
        public AppConnection connect(AssetConfig asset) {
            throw new UnsupportedOperationException("not used");
        }
    }

    /** An app whose spec cannot be read. */
    public static final class Broken implements App {
        @Override
        public AppSpec spec() {
            throw new IllegalStateException("spec exploded");
        }

        @Override
        public AppConnection connect(AssetConfig asset) {
            throw new UnsupportedOperationException("not used");
        }
    }
}
