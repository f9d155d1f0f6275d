package io.convot.member;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Where an invitation link points: the dashboard's invitation page unless an operator chose another base. */
class InvitationLinkTest {

  @Test
  void opensTheDashboardsInvitationPageOnThePublicUrl() {
    assertEquals("https://chat.example.com/app/#/invite/tok", Invitation.link(null, "https://chat.example.com", "tok"));
    assertEquals("https://chat.example.com/app/#/invite/tok", Invitation.link("", "https://chat.example.com/", "tok"));
  }

  @Test
  void aConfiguredBaseWins() {
    assertEquals("https://join.example.com/invitations/tok",
        Invitation.link("https://join.example.com/invitations/", "https://chat.example.com", "tok"));
  }
}
