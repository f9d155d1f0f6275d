/**
 * Notifications: mail to an organization's people about things that need them, and posts to its
 * Slack and Discord channels. Everything is decided inside the transaction of the change it tells
 * about and only queued there, so only committed changes notify anyone and nothing waits on SMTP,
 * Slack or Discord.
 *
 * <ul>
 *   <li>Notices to owners: a webhook endpoint disabled itself ({@link io.convot.notification.EndpointDisabledNotices}),
 *       a channel's incoming webhook is gone ({@link io.convot.notification.ChannelPosts}).</li>
 *   <li>Members' mail about conversations, as their {@link io.convot.notification.NotificationPreferences} say:
 *       scheduled per member and conversation by {@link io.convot.notification.AgentNotices}, sent when due by
 *       {@link io.convot.notification.AgentMailDelivery} (delayed, grouped, never to a member with the dashboard open,
 *       never what they read).</li>
 *   <li>Channels ({@link io.convot.notification.NotificationChannel}): posts built by
 *       {@link io.convot.notification.ChannelFanOut} in each service's format ({@link io.convot.notification.ChannelPayloads})
 *       and sent, retried or given up by {@link io.convot.notification.ChannelPostListener}.</li>
 * </ul>
 *
 * A mail waits as a {@link io.convot.notification.Mail} on {@code jms/convotMail} (notices) or
 * {@code jms/convotMemberMail} (members' mail) and is sent over SMTP by
 * {@link io.convot.notification.MailSender}, configured by {@link io.convot.notification.MailSettings}.
 * {@link io.convot.notification.NotificationTrigger} hears every outbox event and hands each to whom it concerns.
 */
package io.convot.notification;
