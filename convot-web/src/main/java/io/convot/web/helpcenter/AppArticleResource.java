package io.convot.web.helpcenter;

import io.convot.common.Page;
import io.convot.common.PageRequest;
import io.convot.helpcenter.ArticleRequest;
import io.convot.helpcenter.ArticleService;
import io.convot.helpcenter.ArticleView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The help-center articles of one app: listed by every member, created by owners and admins. */
@Path("apps/{appId}/articles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppArticleResource {

  /**
   * A new article. {@code slug} is made from the title when left out ({@code refund-policy}, then
   * {@code refund-policy-2}...); {@code locale} defaults to {@code en}, {@code status} to {@code draft}.
   */
  public record NewArticleBody(String title, String slug, String bodyMarkdown, String category, String locale,
      @Schema(enumeration = {"draft", "published"}) String status) {

    ArticleRequest request() {
      return new ArticleRequest(title, slug, bodyMarkdown, category, true, locale, status);
    }
  }

  @Inject ArticleService articles;

  @GET
  @Operation(summary = "List an app's articles", description = "Oldest first, drafts included; `status` and `locale` narrow it.")
  public Page<ArticleView> list(@PathParam("appId") UUID appId, @QueryParam("status") String status,
      @QueryParam("locale") String locale, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    return articles.list(appId, status, locale, PageRequest.of(limit, cursor));
  }

  @POST
  @Operation(summary = "Create an article",
      description = "Owners and admins. The Markdown is rendered (CommonMark, tables) and sanitized on the server: no script,"
          + " event handler, style or javascript: URL survives. A slug already used by the app in that locale is 409 `slug_taken`.")
  public Response create(@PathParam("appId") UUID appId, NewArticleBody body, @Context UriInfo uri) {
    ArticleView article = articles.create(appId, body.request());
    return Response.created(uri.getBaseUriBuilder().path("articles").path(article.id().toString()).build()).entity(article).build();
  }
}
