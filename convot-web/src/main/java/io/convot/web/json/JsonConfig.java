package io.convot.web.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON on the wire: snake_case keys, nulls written out, ISO-8601 instants. It binds what JAX-RS reads
 * too, so it names every JSON media type the API takes: a PATCH sent as JSON Merge Patch binds the same.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, "application/problem+json", MergePatch.MEDIA_TYPE})
public class JsonConfig implements ContextResolver<Jsonb> {

  private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
      .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
      .withNullValues(true));

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
