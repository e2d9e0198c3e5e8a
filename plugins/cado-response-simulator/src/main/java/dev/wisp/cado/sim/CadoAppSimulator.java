package dev.wisp.cado.sim;

import dev.wisp.spi.AppSimulator;
import dev.wisp.spi.AssetConfig;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Cado Response simulator for {@code wisp run --simulate}: a fresh random token per simulation, and pipelines
 * that finish in a few polls of a second each, so demos are quick.
 */
public final class CadoAppSimulator implements AppSimulator {
    @Override
    public String app() {
        return "cado_response";
    }

    @Override
    public Simulation start() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        CadoSimulator sim = CadoSimulator.start(SimulatorOptions.defaults(token).withSteps(6, 2));
        return new Simulation() {
            @Override
            public String describe() {
                return "Cado Response simulator at " + sim.baseUrl() + " (" + sim.describe() + ")";
            }

            @Override
            public AssetConfig asset(String name) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("base_url", sim.baseUrl());
                values.put("access_token", token);
                values.put("default_bucket", "evidence-bucket");
                values.put("default_region", "us-east-1");
                values.put("verify_server_cert", true);
                values.put("poll_interval", 1);
                values.put("max_wait", 600);
                values.put("connect_timeout", 5);
                values.put("read_timeout", 30);
                values.put("max_connections", 32);
                return new AssetConfig(name, app(), values, Set.of("access_token"));
            }

            @Override
            public void close() {
                sim.close();
            }
        };
    }
}
