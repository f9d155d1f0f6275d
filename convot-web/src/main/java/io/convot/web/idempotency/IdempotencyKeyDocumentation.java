package io.convot.web.idempotency;

import io.convot.idempotency.IdempotentRequest;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Documents {@code Idempotency-Key} on every POST of the OpenAPI document, as {@link IdempotentPosts}
 * applies it to every POST: a new endpoint is documented without an annotation of its own.
 */
public final class IdempotencyKeyDocumentation {

  private IdempotencyKeyDocumentation() {}

  public static PathItem describe(PathItem item) {
    if (item.getPOST() != null) {
      item.getPOST().addParameter(OASFactory.createParameter()
          .name(IdempotentPosts.KEY_HEADER)
          .in(Parameter.In.HEADER)
          .required(false)
          .description("Makes a retry safe: the same key with the same request within 24 h returns the first "
              + "response (with Idempotent-Replayed: true) and creates nothing. Another request under the key is a "
              + "422 idempotency_key_reused; while the first runs, a 409 idempotency_key_in_use. Ignored on "
              + "endpoints that need no token.")
          .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING).minLength(1)
              .maxLength(IdempotentRequest.MAX_KEY_LENGTH)));
    }
    return item;
  }
}
