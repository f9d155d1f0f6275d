/**
 * Notifications: mail to an organization's people about things that need them. A notice is queued
 * as a {@link io.convot.notification.Mail} on {@code jms/convotMail} inside the transaction that
 * decided to send it, so only committed decisions go out, and
 * {@link io.convot.notification.NotificationMailListener} sends it afterwards over SMTP
 * ({@link io.convot.notification.MailSender}, configured by {@link io.convot.notification.MailSettings}).
 * The first notice: a webhook endpoint disabled itself ({@link io.convot.notification.EndpointDisabledNotices}).
 */
package io.convot.notification;
