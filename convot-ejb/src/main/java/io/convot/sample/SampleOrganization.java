package io.convot.sample;

import java.util.List;
import java.util.UUID;

/**
 * What the sample made, with the credentials to sign in as its owner and its agent (made for this sample and
 * shown once, as a sign-up shows its token; nothing keeps them but their hashes).
 */
public record SampleOrganization(UUID organizationId, String organizationName, Account owner, Account agent, UUID appId,
    String appKey, List<UUID> conversationIds) {

  public record Account(UUID memberId, String email, String password, String token) {}
}
