package io.convot.jms.broker;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CONVOT_BROKER_URL}: one or more {@code tcp://host:port} members separated by commas,
 * turned into the adapter's connection parameters ({@code host=a;port=1,host=b;port=2}).
 */
record BrokerUrl(List<URI> members) {

  static BrokerUrl parse(String value) {
    List<URI> members = new ArrayList<>();
    if (value != null) {
      for (String part : value.split(",")) {
        String member = part.trim();
        if (member.isEmpty()) {
          continue;
        }
        URI uri = URI.create(member.contains("://") ? member : "tcp://" + member);
        if (uri.getHost() == null) {
          throw new IllegalArgumentException("CONVOT_BROKER_URL member has no host: " + member);
        }
        members.add(uri);
      }
    }
    return new BrokerUrl(List.copyOf(members));
  }

  boolean isPresent() {
    return !members.isEmpty();
  }

  String connectionParameters() {
    List<String> params = new ArrayList<>();
    for (URI member : members) {
      int port = member.getPort() > 0 ? member.getPort() : 61616;
      params.add("host=" + member.getHost() + ";port=" + port);
    }
    return String.join(",", params);
  }

  String describe() {
    List<String> hosts = new ArrayList<>();
    for (URI member : members) {
      hosts.add(member.getHost() + ":" + (member.getPort() > 0 ? member.getPort() : 61616));
    }
    return String.join(", ", hosts);
  }
}
