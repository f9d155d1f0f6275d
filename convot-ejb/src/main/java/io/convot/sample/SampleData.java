package io.convot.sample;

import io.convot.access.CurrentCaller;
import io.convot.app.App;
import io.convot.app.AppService;
import io.convot.app.NewApp;
import io.convot.auth.AuthService;
import io.convot.auth.Session;
import io.convot.auth.SignUp;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;
import io.convot.common.Randoms;
import io.convot.contact.Identity;
import io.convot.contact.Profile;
import io.convot.conversation.ConversationService;
import io.convot.member.Invitation;
import io.convot.member.MemberService;
import io.convot.ratelimit.ClientAddress;
import io.convot.widget.SessionStart;
import io.convot.widget.VisitorProfile;
import io.convot.widget.VisitorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes a sample organization on a development server ({@code convot.environment=development}, the default;
 * any other environment refuses): its owner signs up, creates an app and invites an agent, who accepts; three
 * visitors write through the widget's service, and the agent answers two of them. Each step is the API's own
 * service and transaction, so the sample is what a person clicking through would have made.
 */
@RequestScoped
public class SampleData {

  private static final Logger LOG = Logger.getLogger(SampleData.class.getName());
  static final String DEVELOPMENT = "development";
  private static final String EMAIL_DOMAIN = "@sample.convot.test";

  private record Visitor(String name, String email, String message, String reply) {}

  private static final List<Visitor> VISITORS = List.of(
      new Visitor("Maya", "maya" + EMAIL_DOMAIN, "Hi! Does the Pro plan include the bulk editor?",
          "It does: every Pro store gets the bulk editor, up to 10,000 products per run."),
      new Visitor("Jonas", "jonas" + EMAIL_DOMAIN, "My sync has been stuck at 80% since this morning.",
          "Sorry about that! I restarted it on our side; it should finish within a few minutes."),
      new Visitor("Priya", "priya" + EMAIL_DOMAIN, "Can I get a refund for last month's charge? I uninstalled on day 2.", null));

  @Inject
  @ConfigProperty(name = "convot.environment", defaultValue = DEVELOPMENT)
  String environment;

  @Inject AuthService auth;
  @Inject CurrentCaller caller;
  @Inject AppService apps;
  @Inject MemberService members;
  @Inject VisitorService visitors;
  @Inject ConversationService conversations;

  /** {@code requestOrigin}: where the caller reached Convot, for the app's allowed origins and the invitation link. */
  public SampleOrganization create(ClientAddress client, String requestOrigin) {
    if (!DEVELOPMENT.equals(environment)) {
      throw new ConvotException(ErrorCode.DEVELOPMENT_ONLY, "Sample data is made on development servers only (convot.environment=development)");
    }
    String run = Randoms.hex(4);
    String ownerPassword = Randoms.token(12);
    Session owner = auth.signUp(new SignUp("Sample Apps " + run, "Sam Owner", "owner-" + run + EMAIL_DOMAIN, ownerPassword), client);
    caller.set(auth.authenticateBearer(owner.token().token()));
    App app = apps.create(new NewApp("Sample app", requestOrigin == null ? null : List.of(requestOrigin), false, null, null, null));
    String agentPassword = Randoms.token(12);
    Invitation invitation = members.invite("agent-" + run + EMAIL_DOMAIN, "agent", requestOrigin);
    String invitationToken = invitation.url().substring(invitation.url().lastIndexOf('/') + 1);
    Session agent = auth.acceptInvitation(invitationToken, "Alex Agent", agentPassword);
    caller.set(auth.authenticateBearer(agent.token().token()));
    List<UUID> conversationIds = new ArrayList<>();
    for (Visitor visitor : VISITORS) {
      Profile profile = new Profile(Optional.of(visitor.name()), Optional.empty(), Optional.empty(), Optional.empty());
      SessionStart session = visitors.start(app.appKey(), VisitorProfile.identityOnly(new Identity(null, visitor.email()), null, profile), null);
      UUID conversationId = visitors.send(session.sessionToken(), app.appKey(), visitor.message()).conversationId();
      if (visitor.reply() != null) {
        conversations.reply(conversationId, visitor.reply(), false);
      }
      conversationIds.add(conversationId);
    }
    LOG.info(() -> "Sample organization " + owner.organization().id() + " made: app " + app.id() + ", "
        + conversationIds.size() + " conversations");
    return new SampleOrganization(owner.organization().id(), owner.organization().name(),
        new SampleOrganization.Account(owner.member().id(), owner.member().email(), ownerPassword, owner.token().token()),
        new SampleOrganization.Account(agent.member().id(), agent.member().email(), agentPassword, agent.token().token()),
        app.id(), app.appKey(), conversationIds);
  }
}
