package dev.wisp.plugins.http;

import dev.wisp.spi.App;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AppSpec;
import dev.wisp.spi.AssetConfig;

/** The {@code http} app: GET, POST, PUT, PATCH, DELETE and HEAD against any REST API under an asset's base_url. */
public final class HttpApp implements App {
    private final AppSpec spec = HttpSpec.spec();

    @Override
    public AppSpec spec() {
        return spec;
    }

    @Override
    public AppConnection connect(AssetConfig asset) {
        return new HttpAppConnection(HttpAsset.from(asset));
    }
}
