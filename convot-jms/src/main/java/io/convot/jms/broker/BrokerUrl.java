package io.convot.jms.broker;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code CONVOT_BROKER_URL}: one or more {@code tcp://host:port[?key=value&...]} members separated by
 * commas, turned into the adapter's connectors: one Netty connector per member, with the member's
 * host, port and parameters ({@code host=a;port=1;sslEnabled=true,host=b;port=2}).
 */
record BrokerUrl(List<URI> members) {

  static final int DEFAULT_PORT = 61616;

  static BrokerUrl parse(String value) {
    List<URI> members = new ArrayList<>();
    if (value != null) {
      for (String part : value.split(",")) {
        String member = part.trim();
        if (member.isEmpty()) {
          continue;
        }
        // Error messages leave out parameters and user info: they may hold a password.
        String shown = member.replaceFirst("\\?.*", "?...").replaceFirst("//[^/@]*@", "//...@");
        URI uri;
        try {
          uri = URI.create(member.contains("://") ? member : "tcp://" + member);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("CONVOT_BROKER_URL member is not a URL: " + shown);
        }
        if (!"tcp".equals(uri.getScheme())) {
          throw new IllegalArgumentException("CONVOT_BROKER_URL member must be tcp://host:port: " + shown);
        }
        if (uri.getHost() == null) {
          throw new IllegalArgumentException("CONVOT_BROKER_URL member has no host: " + shown);
        }
        if (uri.getRawUserInfo() != null) {
          throw new IllegalArgumentException("CONVOT_BROKER_URL member holds credentials (" + shown
              + "): set CONVOT_BROKER_USER and CONVOT_BROKER_PASSWORD instead");
        }
        for (String parameter : parameters(uri)) {
          if (!parameter.matches("[A-Za-z][A-Za-z0-9]*=[^=;,]*")) {
            throw new IllegalArgumentException("CONVOT_BROKER_URL member " + shown + " has a parameter that is not name=value "
                + "or whose value holds '=', ';' or ',': " + parameter.replaceFirst("=.*", "=..."));
          }
        }
        members.add(uri);
      }
    }
    return new BrokerUrl(List.copyOf(members));
  }

  boolean isPresent() {
    return !members.isEmpty();
  }

  /** The adapter pairs connector class names and connection parameters by position: one of each per member. */
  String connectorClassNames(String connectorClassName) {
    return String.join(",", Collections.nCopies(members.size(), connectorClassName));
  }

  String connectionParameters() {
    List<String> connectors = new ArrayList<>();
    for (URI member : members) {
      List<String> params = new ArrayList<>();
      params.add("host=" + member.getHost());
      params.add("port=" + port(member));
      params.addAll(parameters(member));
      connectors.add(String.join(";", params));
    }
    return String.join(",", connectors);
  }

  /** Hosts and ports only: parameters may hold secrets (a trust store password). */
  String describe() {
    List<String> hosts = new ArrayList<>();
    for (URI member : members) {
      hosts.add(member.getHost() + ":" + port(member));
    }
    return String.join(", ", hosts);
  }

  private static int port(URI member) {
    return member.getPort() > 0 ? member.getPort() : DEFAULT_PORT;
  }

  /** {@code ?a=1&b=2} or Artemis' own {@code ?a=1;b=2}. */
  private static List<String> parameters(URI member) {
    List<String> params = new ArrayList<>();
    if (member.getRawQuery() != null) {
      for (String param : member.getRawQuery().split("[&;]")) {
        if (!param.isBlank()) {
          params.add(URLDecoder.decode(param, StandardCharsets.UTF_8));
        }
      }
    }
    return params;
  }
}
