package dev.wisp.cado;

import dev.wisp.spi.App;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AppSpec;
import dev.wisp.spi.AssetConfig;

/** The {@code cado_response} app: Cado Response's v2 REST API as Wisp actions. */
public final class CadoResponseApp implements App {
    private final AppSpec spec = CadoSpec.spec();

    @Override
    public AppSpec spec() {
        return spec;
    }

    @Override
    public AppConnection connect(AssetConfig asset) {
        return new CadoConnection(CadoSettings.from(asset));
    }
}
