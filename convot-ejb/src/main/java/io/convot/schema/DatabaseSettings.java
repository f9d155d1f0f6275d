package io.convot.schema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where the database is and who owns its schema ({@code CONVOT_DB_URL}, {@code _USER}, {@code _PASSWORD}). */
@ApplicationScoped
public class DatabaseSettings {

  @Inject
  @ConfigProperty(name = "convot.db.url")
  String url;

  @Inject
  @ConfigProperty(name = "convot.db.user")
  String user;

  @Inject
  @ConfigProperty(name = "convot.db.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "convot.db.app-role")
  String appRole;

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password.orElse("");
  }

  public String appRole() {
    return appRole;
  }

  /** The database name in the URL: {@code jdbc:postgresql://host:port/convot?x=y} gives {@code convot}. */
  public String databaseName() {
    String path = URI.create(url.substring("jdbc:".length())).getPath();
    return path == null || path.length() <= 1 ? user : path.substring(1);
  }

  /** The same server's maintenance database, where a missing database can be created. */
  public String maintenanceUrl() {
    URI uri = URI.create(url.substring("jdbc:".length()));
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    return "jdbc:" + uri.getScheme() + "://" + authority + "/postgres" + query;
  }
}
