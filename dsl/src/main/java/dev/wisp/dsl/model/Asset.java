package dev.wisp.dsl.model;

import dev.wisp.dsl.diag.Location;
import java.util.Objects;

/**
 * An asset the playbook uses: a name blocks refer to, and the app it is an instance of. Its configuration
 * (URL, token) comes at run time from the assets file, never from the playbook.
 *
 * @param name        the name blocks use in {@code asset:}
 * @param app         the app id ({@code cado_response})
 * @param description optional text
 * @param location    where the asset is declared
 * @param appLocation where its {@code app:} value is written
 */
public record Asset(String name, String app, String description, Location location, Location appLocation) {
    public Asset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(location, "location");
        appLocation = appLocation == null ? location : appLocation;
        description = description == null ? "" : description;
    }
}
