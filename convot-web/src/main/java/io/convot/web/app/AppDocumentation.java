package io.convot.web.app;

import io.convot.app.AppService;
import io.convot.app.WidgetSettings;
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
  public static final String WIDGET_SETTINGS = "WidgetSettings";
  public static final String QUALIFICATION_QUESTIONS = "QualificationQuestions";
  public static final String QUALIFICATION_RULE = "QualificationRule";
  private static final String HEX = "^#[0-9a-fA-F]{6}$";
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
    addWidgetSchemas(components);
  }

  private static Schema string(String description) {
    return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
  }

  private static Schema choice(List<String> values, String description) {
    Schema schema = string(description);
    values.forEach(schema::addEnumeration);
    return schema;
  }

  private static Schema integer(int max, String description) {
    return OASFactory.createSchema().type(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ZERO)
        .maximum(java.math.BigDecimal.valueOf(max)).description(description);
  }

  private static Schema bool(String description) {
    return OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN).description(description);
  }

  private static Schema perLocale(int max, String description) {
    return OASFactory.createSchema().type(Schema.SchemaType.OBJECT).description(description)
        .additionalPropertiesSchema(OASFactory.createSchema().type(Schema.SchemaType.STRING).maxLength(max))
        .example(Map.of("en", "Chat with us", "fr", "Discutons"));
  }

  private static void addWidgetSchemas(Components components) {
    components.addSchema(WIDGET_SETTINGS, OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
        .description("How the widget looks and behaves. An app's view has every member (defaults filled in); a change"
            + " (JSON Merge Patch) gives only those it changes, and null puts one back to its default")
        .addProperty("launcher_label", perLocale(WidgetSettings.MAX_LABEL, "The launcher's label per locale, shown next to it;"
            + " the visitor's language, else default_locale; none: an icon only"))
        .addProperty("welcome_text", perLocale(WidgetSettings.MAX_WELCOME, "The greeting of an empty chat, per locale"))
        .addProperty("default_locale", string("The locale whose texts a visitor in another language reads").example("en"))
        .addProperty("position", choice(WidgetSettings.POSITIONS, "The side of the page the launcher sits on"))
        .addProperty("offset_x", integer(WidgetSettings.MAX_OFFSET, "Pixels between the launcher and the page's side (default 16)"))
        .addProperty("offset_y", integer(WidgetSettings.MAX_OFFSET, "Pixels between the launcher and the page's bottom (default 16)"))
        .addProperty("theme_text_color", string("Text and icons on the theme color; must contrast with theme_color at least"
            + " 4.5:1 (WCAG AA), else 422 insufficient_contrast with the ratio; null: black or white, whichever contrasts more")
            .pattern(HEX).nullable(true))
        .addProperty("launcher_color", string("The launcher's color; null: theme_color").pattern(HEX).nullable(true))
        .addProperty("font", choice(WidgetSettings.FONTS, "A font every device has; no web font is loaded"))
        .addProperty("corner_radius", integer(WidgetSettings.MAX_RADIUS, "Rounding of the panel's corners, in pixels"))
        .addProperty("open_on_load", bool("Open the panel when the page loads (once per browser tab)"))
        .addProperty("hide_on_mobile", bool("Show nothing on viewports narrower than 480 px"))
        .addProperty("hide_when_unavailable", bool("Show nothing while the app is not available (office hours closed or no"
            + " member online)"))
        .addProperty("pause_new_conversations", bool("Show the away text and an email field instead of starting new"
            + " conversations; the widget API refuses a new conversation with 409 conversations_paused"))
        .addProperty("collect_email", choice(WidgetSettings.COLLECT_EMAIL, "Ask the visitor's email before chatting; required:"
            + " the widget API refuses a first message without one (422, field email)"))
        .addProperty("countries", OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
            .items(string("ISO 3166-1 alpha-2").pattern("^[A-Za-z]{2}$"))
            .description("Countries the launcher shows in, from the country header a proxy sets"
                + " (convot.widget.country-header); empty, or no header: everywhere"))
        .addProperty("calendar_url", string("An https:// booking link shown when away or for unqualified answers")
            .format("uri").maxLength(500).nullable(true)));
    Schema question = OASFactory.createSchema().type(Schema.SchemaType.OBJECT).addRequired("id").addRequired("label")
        .addRequired("type")
        .addProperty("id", string("Names the answer").pattern("^[a-z0-9_]{1,40}$"))
        .addProperty("label", string("The question as the visitor reads it").maxLength(200))
        .addProperty("type", choice(io.convot.app.Qualification.TYPES, "What the answer is"))
        .addProperty("required", bool("Whether the visitor must answer (default false)"))
        .addProperty("options", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(string("An option").maxLength(100))
            .maxItems(io.convot.app.Qualification.MAX_OPTIONS).description("select and multi_select only"))
        .addProperty("qualifying_options", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(string("An option"))
            .description("Answers that qualify (a multi-select qualifies with one of them); none: any answer"))
        .addProperty("min", OASFactory.createSchema().type(Schema.SchemaType.NUMBER).nullable(true).description("number only: lowest accepted"))
        .addProperty("max", OASFactory.createSchema().type(Schema.SchemaType.NUMBER).nullable(true).description("number only: highest accepted"))
        .addProperty("qualifying_min", OASFactory.createSchema().type(Schema.SchemaType.NUMBER).nullable(true))
        .addProperty("qualifying_max", OASFactory.createSchema().type(Schema.SchemaType.NUMBER).nullable(true));
    components.addSchema(QUALIFICATION_QUESTIONS, OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(question)
        .maxItems(io.convot.app.Qualification.MAX_QUESTIONS)
        .description("Pre-chat questions the widget asks, in order, before the first message; the answers are stored on the"
            + " conversation (qualification_answers). A change replaces the list; [] removes them"));
    components.addSchema(QUALIFICATION_RULE, OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
        .description("What answers that do not qualify lead to")
        .addProperty("when_unqualified", choice(io.convot.app.Qualification.OUTCOMES,
            "start_chat: chat all the same; show_message: show message instead; show_calendar: show message and calendar_url"))
        .addProperty("message", string("Shown to unqualified visitors").maxLength(500).nullable(true)));
  }
}
