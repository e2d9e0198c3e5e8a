package dev.wisp.engine.asset;

import dev.wisp.engine.run.RunRequest;
import dev.wisp.spi.AssetConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configured assets of a run.
 *
 * @param configs   asset name to configuration (mutable: a simulator replaces the assets it answers for)
 * @param approvals asset name to approval policy
 */
public record Assets(Map<String, AssetConfig> configs, Map<String, ApprovalPolicy> approvals)
        implements RunRequest.AssetProvider {
    /** No assets: every action runs on its app with the app's defaults. */
    public static Assets none() {
        return new Assets(new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    /** The assets of an assets file (checked against the installed apps). */
    public static Assets load(Path file, dev.wisp.dsl.AppCatalog catalog) throws AssetsFile.AssetsException {
        Assets out = none();
        AssetsFile.load(file, catalog).forEach((k, v) -> {
            out.configs.put(k, v.config());
            if (v.approval() != null) {
                out.approvals.put(k, v.approval());
            }
        });
        return out;
    }

    @Override
    public Optional<AssetConfig> asset(String name) {
        return Optional.ofNullable(configs.get(name));
    }

    @Override
    public Optional<ApprovalPolicy> approval(String name) {
        return Optional.ofNullable(approvals.get(name));
    }
}
