package io.convot.notification;

import io.convot.common.JsonText;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * The bodies of channel posts, in each service's incoming-webhook format. Everything a visitor or a
 * member typed is text there: for Slack, {@code &}, {@code <} and {@code >} are escaped (so no
 * {@code <!everyone>}, {@code <@U123>} or {@code <http://x|link>} can be made from it) and every text
 * object is {@code verbatim}; for Discord, its markdown characters are escaped and
 * {@code allowed_mentions} parses nothing, so {@code @everyone} pings nobody.
 */
final class ChannelPayloads {

  /** Longest user text a post carries (Slack allows 3,000 characters in a section, Discord 4,096 in a description). */
  static final int MAX_TEXT = 1500;

  private ChannelPayloads() {}

  /**
   * A post: {@code headline} is ours, with the user's parts ({@code subjects}, in order) put in
   * place of each {@code %s}; {@code quote} is a message's text or null; {@code link} opens the
   * conversation in the dashboard.
   */
  static String post(NotificationChannel.Kind kind, String headline, String[] subjects, String quote, String link, String app,
      Instant at) {
    return switch (kind) {
      case slack -> slack(headline, subjects, quote, link, app);
      case discord -> discord(headline, subjects, quote, link, app, at);
    };
  }

  static String test(NotificationChannel.Kind kind, String channelsLink) {
    String headline = "Convot test message: this channel is connected. New conversations and messages will appear here.";
    return post(kind, headline, new String[0], null, channelsLink, "Convot", io.convot.common.Timestamps.now());
  }

  private static String slack(String headline, String[] subjects, String quote, String link, String app) {
    String line = fill(headline, subjects, ChannelPayloads::slackEscape, "*");
    JsonArrayBuilder blocks = JsonText.JSON.createArrayBuilder()
        .add(section(line));
    if (quote != null) {
      blocks.add(section(quoted(slackEscape(cut(quote)))));
    }
    blocks.add(JsonText.JSON.createObjectBuilder().add("type", "context").add("elements", JsonText.JSON.createArrayBuilder()
        .add(mrkdwn(slackEscape(app) + " · <" + slackEscape(link) + "|Open in Convot>"))));
    String fallback = fill(headline, subjects, ChannelPayloads::slackEscape, "")
        + (quote == null ? "" : ": " + slackEscape(cut(quote)));
    return JsonText.JSON.createObjectBuilder().add("text", fallback).add("blocks", blocks).build().toString();
  }

  private static JsonObject section(String text) {
    return JsonText.JSON.createObjectBuilder().add("type", "section").add("text", mrkdwn(text)).build();
  }

  /** A mrkdwn text object that Slack does not scan for links, mentions or channel names. */
  private static JsonObjectBuilder mrkdwn(String text) {
    return JsonText.JSON.createObjectBuilder().add("type", "mrkdwn").add("text", text).add("verbatim", true);
  }

  private static String quoted(String text) {
    return "> " + text.replace("\n", "\n> ");
  }

  private static String discord(String headline, String[] subjects, String quote, String link, String app, Instant at) {
    JsonObjectBuilder embed = JsonText.JSON.createObjectBuilder()
        .add("title", "Open in Convot")
        .add("url", link)
        .add("footer", JsonText.JSON.createObjectBuilder().add("text", cutTo(app, 200)))
        .add("timestamp", at.toString());
    if (quote != null) {
      embed.add("description", discordEscape(cut(quote)));
    }
    return JsonText.JSON.createObjectBuilder()
        .add("content", fill(headline, subjects, ChannelPayloads::discordEscape, "**"))
        .add("embeds", JsonText.JSON.createArrayBuilder().add(embed))
        .add("allowed_mentions", JsonText.JSON.createObjectBuilder().add("parse", JsonText.JSON.createArrayBuilder()))
        .build().toString();
  }

  private static String fill(String headline, String[] subjects, java.util.function.UnaryOperator<String> escape, String strong) {
    Object[] escaped = new Object[subjects.length];
    for (int i = 0; i < subjects.length; i++) {
      escaped[i] = strong + escape.apply(cutTo(subjects[i], 200)) + strong;
    }
    return String.format(headline, escaped);
  }

  /** Slack's own rule for text: {@code &}, {@code <} and {@code >} become entities, nothing else. */
  static String slackEscape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Discord markdown's special characters, each behind a backslash, so they show as typed. */
  static String discordEscape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("\\*_~`|>[]()#<:-".indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  private static String cut(String text) {
    return cutTo(text, MAX_TEXT);
  }

  private static String cutTo(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
  }
}
