/** Members: the team of an organization, their roles, permissions and invitations. */
package io.convot.member;
