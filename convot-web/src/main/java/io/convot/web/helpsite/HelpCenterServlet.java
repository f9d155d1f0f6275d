package io.convot.web.helpsite;

import io.convot.common.ConvotException;
import io.convot.common.StorableText;
import io.convot.helpcenter.HelpSite;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /help/<app key>/...}: an app's public help center under Convot's own address. */
@WebServlet(urlPatterns = "/help/*")
public class HelpCenterServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject HelpCenterRequests requests;
  @Inject HelpSite help;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
    int slash = path.indexOf('/');
    String appKey = slash < 0 ? path : path.substring(0, slash);
    if (appKey.isEmpty() || !StorableText.isStorable(path)) {
      requests.unknown(response);
      return;
    }
    HelpSite.SiteRef ref;
    try {
      ref = help.byKey(appKey);
    } catch (ConvotException e) {
      requests.unknown(response);
      return;
    }
    if (slash < 0) {
      response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
      response.setHeader("Location", request.getContextPath() + "/help/" + HelpLinks.encode(appKey) + "/");
      return;
    }
    String origin = HelpCenterRequests.origin(request);
    requests.serve(request, response, ref, path.substring(slash + 1), new HelpLinks(origin + "/help/" + HelpLinks.encode(appKey) + "/"));
  }
}
