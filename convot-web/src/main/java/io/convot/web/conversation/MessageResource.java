package io.convot.web.conversation;

import io.convot.conversation.ConversationService;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** {@code DELETE /messages/{id}}: a soft delete that integrators hear as {@code message.deleted}. */
@Path("messages")
public class MessageResource {

  @Inject ConversationService conversations;

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") UUID id) {
    conversations.deleteMessage(id);
    return Response.noContent().build();
  }
}
