package io.convot.web;

import io.convot.web.app.AppDocumentation;
import io.convot.web.idempotency.IdempotencyKeyDocumentation;
import io.convot.web.ratelimit.RateLimitDocumentation;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * The OpenAPI document's one filter ({@code mp.openapi.filter} takes one class): it documents what
 * the REST API's filters do to every request, so that no operation needs an annotation for them,
 * and adds the schemas no Java type tells the scanner; each feature describes its own part.
 */
public class ApiDocumentation implements OASFilter {

  @Override
  public PathItem filterPathItem(PathItem item) {
    return IdempotencyKeyDocumentation.describe(item);
  }

  @Override
  public void filterOpenAPI(OpenAPI document) {
    if (document.getComponents() == null) {
      document.setComponents(OASFactory.createComponents());
    }
    RateLimitDocumentation.describe(document);
    AppDocumentation.addSchemas(document.getComponents());
  }
}
