package io.convot.web.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** JSON on the wire: snake_case keys, nulls written out, ISO-8601 instants. */
@Provider
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
public class JsonConfig implements ContextResolver<Jsonb> {

  private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
      .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
      .withNullValues(true));

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
