package io.convot.web.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** The {@link Problem} schema of the OpenAPI document, for the responses documented as problems. */
public final class ProblemDocumentation {

  /** The component's name, for a {@code $ref}. */
  public static final String SCHEMA = "Problem";
  private static final String FIELD_ERROR = "FieldError";

  private ProblemDocumentation() {}

  public static void addSchemas(Components components) {
    components.addSchema(FIELD_ERROR, OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
        .description("One invalid field: its JSON path (allowed_origins[1]), a code and a message")
        .addProperty("field", text()).addProperty("code", text()).addProperty("message", text()));
    components.addSchema(SCHEMA, OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
        .description("RFC 9457 problem details with Convot's stable code and the request's id")
        .addRequired("type").addRequired("title").addRequired("status").addRequired("code").addRequired("request_id")
        .addProperty("type", text().format("uri"))
        .addProperty("title", text())
        .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
        .addProperty("detail", text())
        .addProperty("code", text())
        .addProperty("request_id", text())
        .addProperty("errors", OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
            .items(OASFactory.createSchema().ref(FIELD_ERROR))));
  }

  private static Schema text() {
    return OASFactory.createSchema().type(Schema.SchemaType.STRING);
  }
}
