package io.convot.web.app;

import io.convot.app.AppService;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The OpenAPI schemas of an app's fields that a change may clear, {@code shopify_app_id} and
 * {@code office_hours}: bound as {@code JsonValue} (to tell null from left out), they are something
 * precise or null, which no Java type says to the scanner. Bodies and views refer to them by name.
 */
public final class AppDocumentation {

  public static final String SHOPIFY_APP_ID = "ShopifyAppId";
  public static final String OFFICE_HOURS = "OfficeHours";
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  /** What {@code OfficeHours.parse} accepts as a time (seconds optional), and 24:00 for the end of a day. */
  private static final String TIME = "^(([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?|24:00)$";

  private AppDocumentation() {}

  public static void addSchemas(Components components) {
    components.addSchema(SHOPIFY_APP_ID, OASFactory.createSchema().type(Schema.SchemaType.STRING).nullable(true)
        .pattern(AppService.SHOPIFY_APP_ID_FORMAT).maxLength(100).example("gid://partners/App/4242")
        .description("The app's id in the Shopify Partner Dashboard (digits or a gid://partners/App/... id), whose revenue"
            + " is synced; null: none (in a change, null clears it)"));
    Schema interval = OASFactory.createSchema().type(Schema.SchemaType.ARRAY).minItems(2).maxItems(2)
        .description("[open, close] in local time, open before close")
        .items(OASFactory.createSchema().type(Schema.SchemaType.STRING).pattern(TIME));
    Schema days = OASFactory.createSchema().type(Schema.SchemaType.OBJECT).additionalPropertiesBoolean(false)
        .description("Weekdays to their opening intervals; a day left out is closed");
    DAYS.forEach(day -> days.addProperty(day, OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(interval)));
    components.addSchema(OFFICE_HOURS, OASFactory.createSchema().type(Schema.SchemaType.OBJECT).nullable(true)
        .description("When the team answers; outside these hours the widget says the team replies by email. null: always"
            + " (in a change, null clears them)")
        .addRequired("timezone").addRequired("days")
        .addProperty("timezone", OASFactory.createSchema().type(Schema.SchemaType.STRING)
            .description("An IANA time zone").example("Europe/Paris"))
        .addProperty("days", days)
        .example(Map.of("timezone", "Europe/Paris", "days", Map.of("mon", List.of(List.of("09:00", "17:30"))))));
  }
}
