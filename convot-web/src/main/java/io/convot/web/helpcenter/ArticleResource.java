package io.convot.web.helpcenter;

import io.convot.helpcenter.ArticleRequest;
import io.convot.helpcenter.ArticleService;
import io.convot.helpcenter.ArticleView;
import io.convot.helpcenter.RenderedBody;
import io.convot.web.json.Clearable;
import io.convot.web.json.MergePatch;
import io.convot.web.json.NotNullable;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One help-center article: read by every member, changed and deleted by owners and admins. */
@Path("articles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ArticleResource {

  /** A change to an article (JSON Merge Patch): a left-out field keeps its value; null clears {@code category} only. */
  public record ArticlePatch(@NotNullable String title, @NotNullable String slug, @NotNullable String bodyMarkdown,
      @Clearable(String.class) @Schema(type = SchemaType.STRING, nullable = true) JsonValue category,
      @NotNullable String locale, @NotNullable @Schema(enumeration = {"draft", "published"}) String status) {

    ArticleRequest request() {
      return new ArticleRequest(title, slug, bodyMarkdown, category instanceof JsonString s ? s.getString() : null,
          category != null, locale, status);
    }
  }

  /** Markdown to preview. */
  public record PreviewBody(String bodyMarkdown) {}

  /** The sanitized HTML the public site would show for it. */
  public record PreviewView(String bodyHtml) {}

  @Inject ArticleService articles;

  @GET
  @Path("{id}")
  @Operation(summary = "Read an article", description = "Drafts included; every member may read.")
  public ArticleView get(@PathParam("id") UUID id) {
    return articles.get(id);
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
  @Operation(summary = "Change an article",
      description = "Owners and admins. `status: published` publishes it (stamping `published_at` the first time), `draft`"
          + " takes it off the public site. A slug another article of the app uses in the same locale is 409 `slug_taken`.")
  public ArticleView update(@PathParam("id") UUID id, ArticlePatch body) {
    return articles.update(id, body.request());
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete an article", description = "Owners and admins.")
  public Response delete(@PathParam("id") UUID id) {
    articles.delete(id);
    return Response.noContent().build();
  }

  @POST
  @Path("preview")
  @Operation(summary = "Render Markdown as an article would be",
      description = "The editor's live preview: the same CommonMark rendering and sanitizing as on save; nothing is stored.")
  public PreviewView preview(PreviewBody body) {
    RenderedBody rendered = articles.preview(body.bodyMarkdown());
    return new PreviewView(rendered.html());
  }
}
